/**
 * The outbound check as the CLI (`unmask probe --egress`) and the app run it: several remote MX hosts probed from
 * here in parallel, each result analysed and journalled as it completes, then one conclusion over all of them
 * (src/shared/probe/egress.ts). The host list is the caller's; DEFAULT_EGRESS_TARGETS is used only when it is empty.
 */
import {
  DEFAULT_EGRESS_TARGETS,
  type EgressConclusion,
  type EgressTarget,
  egressConclusion,
  MAX_EGRESS_TARGETS,
} from '../../shared/probe/egress'
import type { ProbeTarget } from '../../shared/probe/types'
import type { CaseHandle } from '../cases/case-store'
import { recordProbe } from './journal'
import { type BatchOptions, probeMany } from './probe-many'
import { type AnalysedProbe, analyseProbe } from './run'

export interface EgressRequest {
  /** Empty or absent: the built-in list of large providers. */
  targets?: readonly EgressTarget[]
  vantage?: string
  ehloName?: string
  options?: BatchOptions
}

export interface EgressReport {
  /** True when the built-in list was used. */
  defaultList: boolean
  probes: AnalysedProbe[]
  conclusion: EgressConclusion
}

export class TooManyEgressTargetsError extends Error {
  constructor(readonly count: number) {
    super(`at most ${MAX_EGRESS_TARGETS} hosts in one egress check (got ${count})`)
  }
}

export async function runEgressCheck(
  request: EgressRequest,
  events: { completed?(probe: AnalysedProbe, progress: { done: number; total: number }): void } = {},
  journal?: CaseHandle,
): Promise<EgressReport> {
  const given = request.targets ?? []
  if (given.length > MAX_EGRESS_TARGETS) throw new TooManyEgressTargetsError(given.length)
  const defaultList = given.length === 0
  const list = defaultList ? DEFAULT_EGRESS_TARGETS : given
  const targets: ProbeTarget[] = list.map((t) => ({
    host: t.host,
    port: t.port,
    vantage: request.vantage ?? 'egress',
    ...(request.ehloName ? { ehloName: request.ehloName } : {}),
  }))
  // All at once: the point is the same moment from the same place, and the list is short.
  const options: BatchOptions = { ...request.options, concurrency: request.options?.concurrency ?? targets.length }
  const probes: AnalysedProbe[] = new Array(targets.length)
  for await (const progress of probeMany(targets, options)) {
    const { result, index } = progress
    const analysed = analyseProbe(result)
    probes[index] = analysed
    if (journal) recordProbe(journal, result)
    events.completed?.(analysed, progress)
  }
  return { defaultList, probes, conclusion: egressConclusion(probes.map((p) => p.result)) }
}
