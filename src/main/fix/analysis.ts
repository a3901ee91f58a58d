/** The engine's diagnosis of what the session read (and of the case's probes), which gives the remedies to preview. */
import { type Analysis, analyzeEvidence } from '../../shared/diagnosis'
import { probeTranscript } from '../../shared/probe/transcript'
import type { ProbeResult } from '../../shared/probe/types'
import { snapshotTexts } from './snapshot'
import type { DeviceSnapshot } from './types'
import { evidenceOf } from './verify-checks'

/**
 * The whole running-config, read live, is what a change is planned from. `show service-policy` names no map
 * parameters, so next to a full configuration it can only add doubt: with it, the engine takes an inspection that
 * already allows TLS for one that masks (and would propose turning it off). It stays in the case as evidence.
 */
export function analyzeSnapshot(snapshot: DeviceSnapshot, probes: readonly ProbeResult[] = []): Analysis {
  const device = evidenceOf(snapshotTexts(snapshot))
  const hasConfig = device.some((e) => e.kind === 'running-config' && e.data.policyMaps.length > 0)
  const planning = hasConfig ? device.filter((e) => e.kind !== 'show-service-policy') : device
  return analyzeEvidence([...planning, ...probes.map((p) => probeTranscript(p))])
}
