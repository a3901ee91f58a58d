/**
 * What the probe learns about a domain's mail policies (src/main/mail-policy/check.ts) and how it is judged beside
 * each MX's probe (verdict.ts). Every lookup is a result, never an exception: a DNS timeout, a policy host that
 * answers 404 or a body over the size limit are states to show, like any other probe step.
 */
import type { TlsaRecord } from './dane'
import type { StsPolicy, StsRecord, TlsRptRecord } from './sts'

export type LookupFailure = { ok: false; reason: 'dns-failed' | 'dns-timeout' | 'https-failed'; message: string }

export type PolicyFetch =
  | { ok: true; url: string; policy: StsPolicy }
  | { ok: false; url: string; reason: 'https-failed' | 'https-status' | 'too-large' | 'invalid'; message: string }

export interface MxPolicyLookup {
  host: string
  /** `_25._tcp.HOST` TLSA; `authenticated`: the resolver set the AD bit (DNSSEC validated by that resolver). */
  tlsa: { ok: true; records: TlsaRecord[]; authenticated: boolean } | LookupFailure
}

export interface MailPolicyCheck {
  domain: string
  stsRecord: StsRecord | LookupFailure
  /** Fetched only when the TXT record is valid (RFC 8461 §3.3). */
  stsPolicy?: PolicyFetch
  tlsrpt: TlsRptRecord | LookupFailure
  mx: MxPolicyLookup[]
}
