/**
 * Reads what remediation must know before and after a change: identity, platform, context, failover role, the full
 * running-config and the inspection counters. Each output is kept so the case shows what the decision rested on.
 */
import { type ParsedPrompt, type PlatformId, platformFromVersion } from '../../shared/devices'
import { parseShowFailover } from '../../shared/evidence/device/show-failover'
import { numberLines } from '../../shared/evidence/types'
import type { DeviceDriver } from '../device/driver'
import { configHash } from './hash'
import type { DeviceSnapshot, SnapshotPlatform } from './types'

const CONFIG_COMMAND = 'show running-config'

export function countersCommand(platform: SnapshotPlatform): string | null {
  if (platform === 'pix6') return 'show fixup'
  if (platform === 'unknown') return null
  return 'show service-policy inspect esmtp'
}

export async function readSnapshot(driver: DeviceDriver, versionText?: string): Promise<DeviceSnapshot> {
  const outputs: DeviceSnapshot['outputs'] = []
  const run = async (command: string) => {
    const r = await driver.run(command)
    outputs.push({ command, output: r.output, failed: r.failed })
    return r
  }
  const version = versionText === undefined ? (await run('show version')).output : versionText
  if (versionText !== undefined) outputs.push({ command: 'show version', output: versionText, failed: false })
  const platformId: PlatformId | null = platformFromVersion(version)
  const platform: SnapshotPlatform = platformId ?? 'unknown'
  const prompt = driver.prompt as ParsedPrompt
  let contextMode: DeviceSnapshot['contextMode'] = 'unknown'
  const contexts = driver.profile.contexts
  if (contexts && platform !== 'ftd') {
    const mode = await run(contexts.modeCommand)
    if (!mode.failed) contextMode = contexts.multiplePattern.test(mode.output) ? 'multiple' : 'single'
  } else if (platform === 'pix6' || platform === 'ftd') contextMode = 'single'
  let failover: DeviceSnapshot['failover'] = 'unknown'
  if (platform === 'asa' || platform === 'pix7') {
    const shown = await run('show failover')
    if (!shown.failed) {
      const parsed = parseShowFailover(numberLines(shown.output))
      const state = parsed.thisHost?.value.state.toLowerCase() ?? ''
      failover = {
        enabled: parsed.enabled?.value ?? false,
        thisUnit: /standby/.test(state) ? 'standby' : /active/.test(state) ? 'active' : null,
      }
    }
  }
  if (prompt.failover?.state === 'stby') failover = { enabled: true, thisUnit: 'standby' }
  const config = await run(CONFIG_COMMAND)
  const counters = countersCommand(platform)
  if (counters) await run(counters)
  const hostname = prompt.hostname || hostnameInConfig(config.output) || ''
  const after = driver.prompt as ParsedPrompt
  return {
    hostname,
    platform,
    version: versionLine(version),
    context: after.context ?? (contextMode === 'multiple' ? 'system' : null),
    contextMode,
    failover,
    prompt: after.text,
    privileged:
      after.mode === 'enable' || after.mode === 'config' || after.mode === 'config-sub' || after.mode === 'ftd',
    runningConfig: config.failed ? '' : config.output,
    configHash: configHash(config.failed ? '' : config.output),
    outputs,
    readAt: new Date().toISOString(),
  }
}

/** Re-reads only the running-config (apply's check that nothing changed since the preview). */
export async function readRunningConfig(
  driver: DeviceDriver,
): Promise<{ text: string; hash: string; failed: boolean }> {
  const r = await driver.run(CONFIG_COMMAND)
  const text = r.failed ? '' : r.output
  return { text, hash: configHash(text), failed: r.failed }
}

function hostnameInConfig(config: string): string | null {
  return /^hostname (\S+)/m.exec(config)?.[1] ?? null
}

function versionLine(text: string): string | null {
  const m = /Version (\d+\.\d+(?:\.\d+)?(?:\(\d+\)\d*)?)/i.exec(text)
  return m ? m[1]! : null
}

/** The snapshot's outputs as terminal text the evidence parsers know (prompt + command, then the output). */
export function snapshotTexts(snapshot: DeviceSnapshot): Array<{ source: string; text: string }> {
  // The device's own prompt may be FTD's bare `>`; the parsers want `host#` before each command.
  const prompt = `${snapshot.hostname || 'device'}#`
  return snapshot.outputs
    .filter((o) => !o.failed)
    .map((o) => ({
      source: `${snapshot.hostname || 'device'}: ${o.command}`,
      text: `${prompt} ${o.command}\n${o.output}`,
    }))
}
