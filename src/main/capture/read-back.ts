/**
 * Reading one capture back after the probe: `show capture NAME dump` (timeout, size cap), its text attached to the
 * case verbatim and entered as a `capture.added` (the lanes and the engine read those), paired with the other side's
 * by the run's id. The side is the firewall's: the mail host's own interface is `inside`, the peer's `outside`.
 */
import type { NamedCapture } from '../../shared/capture/evidence'
import type { PlannedCapture } from '../../shared/capture/guided/plan'
import type { ReadBack } from '../../shared/capture/guided/types'
import { readDumpText } from '../../shared/capture/sniff'
import { captureRecord } from '../../shared/journal/capture-evidence-schema'
import { JOURNAL } from '../../shared/journal/events'
import type { DeviceDriver } from '../device/driver'
import type { FixJournal } from '../fix/fix-journal'
import { readDump } from './device-steps'

export interface ReadBackContext {
  driver: DeviceDriver
  journal: FixJournal
  device: string
  runId: string
  timeoutMs: number
  maxChars?: number
}

export type ReadBackOutcome = { ok: true; readBack: ReadBack; named: NamedCapture } | { ok: false; error: string }

export async function readBackCapture(
  ctx: ReadBackContext,
  capture: PlannedCapture,
  side: ReadBack['side'],
): Promise<ReadBackOutcome> {
  const dump = await readDump(ctx.driver, capture.name, ctx.timeoutMs, ctx.maxChars)
  if (dump.failed) return { ok: false, error: dump.text.trim() || 'read-back failed' }
  const name = `device:${ctx.device} show capture ${capture.name}`
  const reading = readDumpText(dump.text)
  ctx.journal.attach(`${capture.name}-${ctx.runId.slice(0, 8)}-dump.txt`, dump.text)
  ctx.journal.append(
    JOURNAL.captureAdded,
    captureRecord(reading, { name, origin: 'device', side, set: ctx.runId, bytes: dump.text.length }),
  )
  return {
    ok: true,
    named: { name, reading },
    readBack: {
      name: capture.name,
      interface: capture.interface,
      side,
      bytes: dump.text.length,
      truncated: dump.truncated,
      conversations: reading.transcripts.filter((t) => !t.encrypted).length,
      problems: reading.problems.map((p) => p.code),
    },
  }
}
