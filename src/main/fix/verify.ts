/**
 * Verification after a change: read the configuration back (the full running-config plus the remedy's own
 * read-back commands), re-run every probe of the case from every vantage point and compare each with its
 * before-state, and re-read the inspection counters. Fixed when the configuration no longer masks and every probe
 * sees STARTTLS and TLS; not fixed when neither; partial otherwise.
 */

import type { Translate } from '../../shared/i18n'
import { JOURNAL } from '../../shared/journal/events'
import { compareProbes } from '../../shared/probe/compare'
import type { ProbeResult, ProbeTarget } from '../../shared/probe/types'
import type { Remedy } from '../../shared/remedies/types'
import { verifyLineParams } from '../../shared/report/vantage-param'
import { probe } from '../smtp/probe'
import { countersCommand, readSnapshot, snapshotTexts } from './snapshot'
import type { StepContext } from './step-context'
import type { DeviceSnapshot, ProbeRecheck, VerifyCheck, VerifyResult } from './types'
import { configChecks, evidenceOf, probeLine, probePassed } from './verify-checks'

export interface VerifyProbe {
  target: ProbeTarget
  /** The result before the change, when there was one. */
  before: ProbeResult | null
}

export type ProbeRun = (target: ProbeTarget) => Promise<ProbeResult>

/** Returns the result and the snapshot read after the change (the caller keeps it as the device's state). */
export async function runVerify(
  ctx: StepContext,
  t: Translate,
  remedy: Remedy,
  probes: VerifyProbe[],
  probeRun: ProbeRun = (target) => probe(target),
): Promise<{ result: VerifyResult; snapshot: DeviceSnapshot }> {
  const { journal, link } = ctx
  const before = ctx.snapshot
  const after = await readSnapshot(link.driver, link.versionText)
  const device = after.hostname
  for (const o of after.outputs) journal.append(JOURNAL.deviceOutput, { device, command: o.command, output: o.output })
  const readBack: VerifyResult['readBack'] = []
  for (const step of remedy.verify) {
    if (!step.command || after.outputs.some((o) => o.command === step.command)) continue
    const r = await link.driver.run(step.command)
    readBack.push({ command: step.command, output: r.output })
    journal.append(JOURNAL.deviceOutput, { device, command: step.command, output: r.output })
  }

  const evidence = evidenceOf(snapshotTexts(after))
  const checks: VerifyCheck[] = configChecks(after.platform, evidence, after.runningConfig)

  const rechecks: ProbeRecheck[] = []
  const probeSeqs: number[] = []
  const results = await Promise.all(probes.map((p) => probeRun(p.target)))
  probes.forEach((p, i) => {
    const result = results[i]!
    probeSeqs.push(journal.append(JOURNAL.probeResult, result).seq)
    const passed = probePassed(result)
    const differences = p.before ? compareProbes(p.before, result).differences.map((d) => d.kind) : []
    rechecks.push({ target: p.target, before: p.before, after: result, passed, differences })
    checks.push({
      id: `probe:${result.target.host}:${result.target.port}`,
      passed,
      key: passed ? 'fix.verify.probeOk' : 'fix.verify.probeStillMasked',
      // The vantage also as translation context: "서버 직접" / "방화벽 경유" wherever the line is rendered.
      params: verifyLineParams('fix.verify.probeOk', {
        target: `${result.target.host}:${result.target.port}`,
        vantage: result.target.vantage ?? '',
      }),
      evidence: probeLine(result),
    })
  })

  const counters = countersCommand(after.platform)
  const countersOf = (outputs: typeof after.outputs | undefined) =>
    outputs?.find((o) => o.command === counters)?.output ?? null
  const configOk = checks.filter((c) => c.id === 'config').every((c) => c.passed)
  const failing = rechecks.some((r) => !r.passed)
  // A path that was broken before and works now is progress even when the configuration check disagrees.
  const improved = rechecks.some((r) => r.passed && r.before !== null && !probePassed(r.before))
  const outcome: VerifyResult['outcome'] =
    configOk && !failing ? 'fixed' : !configOk && !improved ? 'not-fixed' : 'partial'
  const result: VerifyResult = {
    outcome,
    checks,
    probes: rechecks,
    readBack,
    counters: { before: countersOf(before?.outputs), after: countersOf(after.outputs) },
    at: new Date().toISOString(),
  }
  journal.append(JOURNAL.fixVerified, {
    device,
    passed: outcome === 'fixed',
    outcome,
    checks: checks.map((c) => ({
      text: `${t(c.key, c.params)}${c.evidence ? ` — ${c.evidence}` : ''}`,
      passed: c.passed,
    })),
    probeSeqs,
    countersBefore: result.counters.before,
    countersAfter: result.counters.after,
  })
  return { result, snapshot: after }
}
