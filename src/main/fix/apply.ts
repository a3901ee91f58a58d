/**
 * Apply (and undo, which is the same flow): re-read the running-config and refuse if it changed since the preview;
 * write it into the case as the backup (flushed, with its SHA-256) before the first line; type the lines one at a
 * time; on a stop leave configuration mode; on a lost connection reconnect, re-read and report exactly what is in
 * place compared with the backup, never re-sending anything.
 */

import { JOURNAL } from '../../shared/journal/events'
import { DriverError } from '../device/driver-types'
import { configDelta } from './config-delta'
import { safeName } from './fix-journal'
import { sha256 } from './hash'
import { leaveConfigMode, sendLines } from './send-lines'
import { readRunningConfig } from './snapshot'
import type { StepContext } from './step-context'
import type { ApplyResult, Preview, Refusal, RefusalCode } from './types'

export async function runApply(
  ctx: StepContext,
  preview: Preview,
  previewConfigHash: string,
  request: { confirmedBy: string },
  refuse: (code: RefusalCode, params?: Record<string, string>) => Refusal,
): Promise<ApplyResult | Refusal> {
  const { journal, link } = ctx
  const { plan } = preview
  const device = preview.device.hostname
  const confirmedAt = new Date().toISOString()
  let current: Awaited<ReturnType<typeof readRunningConfig>>
  try {
    current = await readRunningConfig(link.driver)
  } catch (error) {
    // Nothing has been sent yet: a session that died since the preview is a plain refusal.
    if (error instanceof DriverError) return refuse('sessionLost', { reason: error.code })
    throw error
  }
  if (current.failed) return refuse('configChanged', { added: '?', removed: '?' })
  if (current.hash !== previewConfigHash) {
    const delta = configDelta(ctx.snapshot?.runningConfig ?? '', current.text)
    return refuse('configChanged', { added: String(delta.added.length), removed: String(delta.removed.length) })
  }

  const stamp = confirmedAt.replace(/[:.]/g, '-')
  const attachment = journal.attach(`running-config-${safeName(device)}-before-${plan.kind}-${stamp}.txt`, current.text)
  const backup = { attachment: attachment.name, sha256: sha256(current.text), bytes: attachment.bytes }
  journal.append(JOURNAL.fixBackup, {
    device,
    kind: plan.kind,
    ...backup,
    confirmedBy: request.confirmedBy,
    confirmedAt,
  })

  let run: Awaited<ReturnType<typeof sendLines>>
  try {
    run = await sendLines(link.driver, plan.lines, (line) => {
      journal.append(JOURNAL.fixLine, { device, kind: plan.kind, ...line })
      ctx.onLine?.(line)
    })
  } catch (error) {
    // Something other than the device failed (the case could not be written): stop typing, leave configuration
    // mode if the session still allows it, and let the caller see the error.
    await leaveConfigMode(link.driver).catch(() => [])
    throw error
  }
  const sentCount = run.sent.length
  const result: ApplyResult = {
    refused: false,
    kind: plan.kind,
    outcome: run.stop === null ? 'applied' : run.stop.kind === 'lost' ? 'unknown' : 'failed',
    sent: run.sent,
    notSent: plan.lines.slice(run.stop?.kind === 'mode' ? run.stop.index - 1 : sentCount),
    backup,
    confirmedBy: request.confirmedBy,
    confirmedAt,
    leftConfigWith: [],
  }
  if (run.stop) {
    result.failedLine = run.stop.index
    result.error =
      run.stop.kind === 'mode'
        ? `mode: expected ${run.stop.expected}, prompt ${run.stop.prompt}`
        : `${run.stop.kind}: ${run.stop.text}`
  }
  if (run.stop && run.stop.kind !== 'lost') result.leftConfigWith = await leaveConfigMode(link.driver).catch(() => [])
  if (run.stop?.kind === 'lost') result.recovered = await recover(ctx, current.text)

  const lines = run.sent.map((l) => l.command)
  if (plan.kind === 'apply') {
    journal.append(JOURNAL.fixApplied, {
      device,
      planId: preview.linesHash,
      remedyId: plan.remedyId,
      lines,
      undoLines: plan.undo.map((l) => l.command),
      confirmedBy: request.confirmedBy,
      confirmedAt,
      backupSha256: backup.sha256,
      backupAttachment: backup.attachment,
      outcome: result.outcome === 'applied' ? 'applied' : 'failed',
      state: result.outcome,
      failedLine: result.failedLine,
      error: result.error,
      notSent: result.notSent.map((l) => l.command),
      recovered: result.recovered,
    })
  } else {
    journal.append(JOURNAL.fixUndone, {
      device,
      remedyId: plan.remedyId,
      lines,
      outcome: result.outcome === 'applied' ? 'applied' : 'failed',
      state: result.outcome,
      error: result.error,
      confirmedBy: request.confirmedBy,
      confirmedAt,
      backupSha256: backup.sha256,
      recovered: result.recovered,
    })
  }
  return result
}

/** After a lost connection: a new session, the running-config read again, the difference from the backup. */
async function recover(ctx: StepContext, backup: string): Promise<NonNullable<ApplyResult['recovered']>> {
  const device = ctx.snapshot?.hostname ?? ''
  try {
    const driver = await ctx.link.reconnect()
    const now = await readRunningConfig(driver)
    if (now.failed) throw new Error('show running-config failed')
    const delta = configDelta(backup, now.text)
    const recovered = { reconnected: true, delta }
    ctx.journal.append(JOURNAL.fixRecovered, { device, ...recovered, configSha256: sha256(now.text) })
    return recovered
  } catch (error) {
    const recovered = { reconnected: false, delta: null, error: error instanceof Error ? error.message : String(error) }
    ctx.journal.append(JOURNAL.fixRecovered, { device, ...recovered })
    return recovered
  }
}
