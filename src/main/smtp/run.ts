/**
 * A probe request as the CLI and the app make it: one host, the MX hosts of a domain, or a host compared
 * with a second view of it. Results are analysed (rules and diagnosis), written into the case journal when
 * a case is open, and handed to the caller as each completes; the report at the end holds everything.
 */
import type { RootCause } from '../../shared/diagnosis'
import type { Finding } from '../../shared/findings'
import { compareProbes, type PathComparison } from '../../shared/probe/compare'
import { probeAnalysis } from '../../shared/probe/findings'
import { isIpLiteral } from '../../shared/probe/target'
import { DEFAULT_TIMEOUTS, type ProbeMode, type ProbeResult, type ProbeTarget } from '../../shared/probe/types'
import { comparisonVerdict, probeVerdict, type Verdict } from '../../shared/probe/verdict'
import type { CaseHandle } from '../cases/case-store'
import { recordComparison, recordProbe } from './journal'
import { type DomainPlan, planDomain } from './mx'
import { type BatchOptions, probeMany } from './probe-many'

export interface ProbeRequest {
  /** `explicitPort: false` on a name asks for its MX hosts first (without MX data the name itself is probed). */
  target: { host: string; port: number; explicitPort: boolean }
  compare?: { host: string; port: number }
  vantage?: string
  compareVantage?: string
  mode: ProbeMode
  ehloName?: string
  options: BatchOptions
}

export interface AnalysedProbe {
  result: ProbeResult
  findings: Finding[]
  causes: RootCause[]
  verdict: Verdict
}

export interface ComparisonReport {
  comparison: PathComparison
  /** `smtp.path-differs`, from both results given to the rules together. */
  findings: Finding[]
  causes: RootCause[]
  verdict: Verdict
}

export interface ProbeReport {
  kind: 'host' | 'domain' | 'compare'
  domain?: DomainPlan
  probes: AnalysedProbe[]
  comparison?: ComparisonReport
}

export interface ProbeEvents {
  planned?(kind: ProbeReport['kind'], targets: readonly ProbeTarget[], domain?: DomainPlan): void
  completed?(probe: AnalysedProbe, progress: { index: number; done: number; total: number }): void
}

/** One result through the rules and the diagnosis, with its one-line verdict. */
export function analyseProbe(result: ProbeResult): AnalysedProbe {
  const { findings, causes } = probeAnalysis([result])
  return { result, findings, causes, verdict: probeVerdict(result, findings) }
}

export async function runProbeRequest(
  request: ProbeRequest,
  events: ProbeEvents = {},
  journal?: CaseHandle,
): Promise<ProbeReport> {
  const common = { mode: request.mode, ehloName: request.ehloName }
  const main: ProbeTarget = {
    ...common,
    host: request.target.host,
    port: request.target.port,
    vantage: request.vantage,
  }
  let kind: ProbeReport['kind'] = 'host'
  let domain: DomainPlan | undefined
  let targets: ProbeTarget[] = [main]
  if (request.compare) {
    kind = 'compare'
    targets = [main, { ...common, ...request.compare, vantage: request.compareVantage }]
  } else if (!request.target.explicitPort && !isIpLiteral(request.target.host)) {
    const plan = await planDomain(request.target.host, {
      port: request.target.port,
      dnsServers: request.options.dnsServers,
      timeoutMs: request.options.timeouts?.dnsMs ?? DEFAULT_TIMEOUTS.dnsMs,
      template: { ...common, vantage: request.vantage },
    })
    if (plan.ok) {
      kind = 'domain'
      domain = plan.value
      targets = plan.value.targets
    }
  }
  events.planned?.(kind, targets, domain)

  const probes: AnalysedProbe[] = new Array(targets.length)
  for await (const progress of probeMany(targets, request.options)) {
    const { result, index } = progress
    const analysed = analyseProbe(result)
    probes[index] = analysed
    if (journal) recordProbe(journal, result)
    events.completed?.(analysed, progress)
  }

  const report: ProbeReport = { kind, ...(domain ? { domain } : {}), probes }
  if (kind === 'compare') {
    const results = probes.map((p) => p.result)
    const comparison = compareProbes(results[0]!, results[1]!)
    const both = probeAnalysis(results)
    const findings = both.findings.filter((f) => f.id === 'smtp.path-differs')
    report.comparison = { comparison, findings, causes: both.causes, verdict: comparisonVerdict(comparison) }
    if (journal) recordComparison(journal, comparison, findings)
  }
  return report
}
