/**
 * The customer report's view of `mailpolicy.result` entries (issue 17): per probed domain, its MTA-STS and TLS-RPT
 * lines, then per MX the policy mode, the DANE state and the verdict beside what the MX's own probe saw (the latest
 * `probe.result` of that host journaled before the verdicts). Pure; texts stay i18n references for the renderer.
 */
import type { MailPolicyResultData } from '../journal/mail-policy-schema'
import type { StarttlsState, TextRef } from '../report/model'
import type { MxPolicyShown } from './text'

export interface MxPolicyView extends MxPolicyShown {
  /** The MX's probe: its target (`host:port`) and what it saw of STARTTLS; absent when the case holds none. */
  probe?: { target: string; starttls: StarttlsState; tls: boolean }
}

export interface MailPolicyView {
  seq: number
  at: string
  domain: string
  sts: TextRef
  tlsrpt: TextRef
  mx: MxPolicyView[]
}

/** A probe of the case as the report sees it, with the host it was made to. */
export interface ProbeOfHost {
  seq: number
  host: string
  target: string
  starttls: StarttlsState
  tls: boolean
}

export function mailPolicyViews(
  entries: ReadonlyArray<{ entry: { seq: number; at: string }; data: MailPolicyResultData }>,
  probes: readonly ProbeOfHost[],
): MailPolicyView[] {
  const bare = (host: string) => host.replace(/\.$/, '').toLowerCase()
  return entries.map(({ entry, data }) => ({
    seq: entry.seq,
    at: entry.at,
    domain: data.domain,
    sts: data.sts,
    tlsrpt: data.tlsrpt,
    mx: data.verdicts.map((v) => {
      const p = probes.filter((p) => p.seq < entry.seq && bare(p.host) === bare(v.host)).at(-1)
      return { ...v, probe: p ? { target: p.target, starttls: p.starttls, tls: p.tls } : undefined }
    }),
  }))
}

/** Whether any MX of the case's policy checks has mail that goes in clear or is refused. */
export function mailPolicyProblem(views: readonly MailPolicyView[]): boolean {
  return views.some((v) => v.mx.some((m) => m.level === 'critical' || m.level === 'warning'))
}
