/**
 * The guided capture's device steps, each one command with its own timeout: typing a capture line (only at the
 * privileged prompt: `host#` on ASA/PIX, the CLISH `>` on FTD, where TechNote 212474 types `capture`), reading the
 * `show capture` list, reading a dump back with a size cap, and removing captures with a check that `show capture`
 * no longer lists them. A lost session is a DriverError or a timeout/output-limit result; callers decide what follows.
 */
import { readCaptureList } from '../../shared/capture/guided/capture-list'
import type { CaptureLineOutcome, RemovalOutcome } from '../../shared/capture/guided/types'
import type { DeviceDriver } from '../device/driver'
import { DriverError } from '../device/driver-types'

export interface StepTimeouts {
  /** A capture line, `no capture`, `show capture` (default 20 s). */
  lineMs: number
  /** One `show capture NAME dump` (default 60 s: a full 1 MB buffer prints a few MB of text). */
  dumpMs: number
}

export const DEFAULT_STEP_TIMEOUTS: StepTimeouts = { lineMs: 20_000, dumpMs: 60_000 }

/**
 * Largest dump text kept per capture. A 1 MB buffer of full-size packets prints about 4.5 MB (each 16 bytes become a
 * ~70-character line); 8 MB leaves room and stays far below the driver's 32 MB output limit.
 */
export const MAX_DUMP_CHARS = 8 * 1024 * 1024

export function inExecMode(driver: DeviceDriver): boolean {
  const mode = driver.prompt?.mode
  return mode === 'enable' || (driver.profile.id === 'ftd' && mode === 'ftd')
}

/** Whether a failed result means the session can no longer be trusted (nothing came back in time). */
function lost(failureText: string | undefined): boolean {
  return failureText === 'timeout' || failureText === 'output-limit'
}

export async function typeLine(driver: DeviceDriver, command: string, timeoutMs: number): Promise<CaptureLineOutcome> {
  try {
    const r = await driver.run(command, { timeoutMs })
    const status = r.failed ? (lost(r.failureText) ? 'unknown' : 'error') : 'ok'
    return { command, status, output: r.output }
  } catch (error) {
    if (!(error instanceof DriverError)) throw error
    // The line may or may not have reached the device: unknown, never assumed either way.
    return { command, status: 'unknown', output: error.code }
  }
}

/** The capture names `show capture` lists now (lower case), or null when the list could not be read. */
export async function listedNames(driver: DeviceDriver, timeoutMs: number): Promise<Set<string> | null> {
  const r = await typeLine(driver, 'show capture', timeoutMs)
  if (r.status !== 'ok') return null
  return new Set(readCaptureList(r.output).map((c) => c.name.toLowerCase()))
}

export interface Dump {
  text: string
  truncated: boolean
  failed: boolean
}

/** `show capture NAME dump`, cut at the last whole packet before the cap when longer. */
export async function readDump(
  driver: DeviceDriver,
  name: string,
  timeoutMs: number,
  maxChars = MAX_DUMP_CHARS,
): Promise<Dump> {
  const r = await typeLine(driver, `show capture ${name} dump`, timeoutMs)
  if (r.status !== 'ok') return { text: r.output, truncated: false, failed: true }
  if (r.output.length <= maxChars) return { text: r.output, truncated: false, failed: false }
  const head = r.output.slice(0, maxChars)
  // A packet starts with `  N: HH:MM:SS.micro`: cut before the last one begun, which the cap may have cut short.
  let cut = -1
  for (const m of head.matchAll(/\n[ \t]*\d+: \d\d:\d\d:\d\d\.\d+ /g)) cut = m.index
  return { text: cut > 0 ? head.slice(0, cut + 1) : head, truncated: true, failed: false }
}

/**
 * Types `no capture NAME` for each name, then reads `show capture` once: gone from the list = `removed` (or `absent`
 * when the device refused the line because there was no such capture), still listed = `failed`, no answer = `unknown`.
 */
export async function removeCaptures(
  driver: DeviceDriver,
  names: readonly string[],
  timeoutMs: number,
): Promise<Array<RemovalOutcome & { output: string }>> {
  const typed: Array<{ name: string; line: CaptureLineOutcome }> = []
  for (const name of names) {
    const line = await typeLine(driver, `no capture ${name}`, timeoutMs)
    typed.push({ name, line })
    if (line.status === 'unknown') break
  }
  const listed = typed.some((t) => t.line.status === 'unknown') ? null : await listedNames(driver, timeoutMs)
  return names.map((name) => {
    const t = typed.find((x) => x.name === name)
    const output = t?.line.output ?? ''
    if (!t || !listed) return { name, outcome: 'unknown', output }
    if (listed.has(name.toLowerCase())) return { name, outcome: 'failed', output }
    return { name, outcome: t.line.status === 'ok' ? 'removed' : 'absent', output }
  })
}
