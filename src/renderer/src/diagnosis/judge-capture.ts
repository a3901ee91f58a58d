/**
 * A capture's bytes or dump text → the record the case keeps, or the reason it is refused (the reader's problem
 * code, translated by the caller as `findings.capture.errors.<code>`). Pure and synchronous: run in the capture
 * worker (capture-worker.ts) for files, or directly when no worker can be started and for pasted text.
 */
import { readCaptureBytes, readDumpText, refusalOf } from '@shared/capture/sniff'
import type { CaptureProblem, CaptureReading } from '@shared/capture/types'
import { type CaptureAdded, type CaptureOrigin, captureRecord } from '@shared/journal/capture-evidence-schema'

export type CaptureInput =
  | { ok: true; record: CaptureAdded; warnings: CaptureProblem[] }
  | { ok: false; problem: CaptureProblem }

export interface JudgeRequest {
  name: string
  origin: CaptureOrigin
  /** Size of what was read (file or text). */
  size: number
  sha256: string | null
}

function judged(reading: CaptureReading | null, r: JudgeRequest): CaptureInput {
  if (!reading) return { ok: false, problem: { code: 'not-a-capture' } }
  const refused = refusalOf(reading)
  if (refused) return { ok: false, problem: refused }
  const record = captureRecord(reading, { name: r.name, origin: r.origin, bytes: r.size, sha256: r.sha256 })
  return { ok: true, record, warnings: reading.problems }
}

export function judgeBytes(bytes: Uint8Array, r: JudgeRequest): CaptureInput {
  return judged(readCaptureBytes(bytes), r)
}

export function judgeDumpText(text: string, r: JudgeRequest): CaptureInput {
  return judged(readDumpText(text), r)
}
