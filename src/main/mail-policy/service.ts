/**
 * The app's `mailPolicy.probe` (issue 17) as a service: the renderer names only a domain and a case; where the
 * lookups go (DNS servers), which port the MX hosts are probed on and which CA/port the MTA-STS policy host is trusted
 * with are fixed here, in main, when the service is made — the system's resolver, 25, the system roots and 443 in the
 * app, the loopback lab's in tests. They are never inputs of the contract, so no renderer can point the probe at a
 * resolver or trust a CA of its choosing.
 */
import type { CaseStore } from '../cases/case-store'
import type { BatchOptions } from '../smtp/probe-many'
import { type PolicyLab, probeDomainWithPolicy } from './probe-domain'

export type MailPolicyServiceOptions = Pick<BatchOptions, 'dnsServers' | 'timeouts'> & PolicyLab & { port?: number }

export class MailPolicyService {
  constructor(
    private readonly cases: Pick<CaseStore, 'open'>,
    private readonly options: MailPolicyServiceOptions = {},
  ) {}

  /** Probes the MX hosts of `domain` with its policies; the probes and then the verdicts go into the case as they come. */
  async probe(domain: string, caseId?: string) {
    const journal = caseId ? this.cases.open(caseId) : undefined
    try {
      const { report, mailPolicy } = await probeDomainWithPolicy(domain, { ...this.options }, journal)
      return { results: report.probes.map((p) => p.result), mailPolicy }
    } finally {
      journal?.close()
    }
  }
}
