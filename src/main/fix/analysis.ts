/** The engine's diagnosis of what the session read (and of the case's probes), which gives the remedies to preview. */
import { type Analysis, analyzeEvidence } from '../../shared/diagnosis'
import { probeTranscript } from '../../shared/probe/transcript'
import type { ProbeResult } from '../../shared/probe/types'
import { snapshotTexts } from './snapshot'
import type { DeviceSnapshot } from './types'
import { evidenceOf } from './verify-checks'

export function analyzeSnapshot(snapshot: DeviceSnapshot, probes: readonly ProbeResult[] = []): Analysis {
  return analyzeEvidence([...evidenceOf(snapshotTexts(snapshot)), ...probes.map((p) => probeTranscript(p))])
}
