/**
 * The probe's result joined with the domain's policies, per MX (issue 17). A masked or missing STARTTLS means:
 *   - under MTA-STS `enforce` (MX listed) or with DANE TLSA records: compliant senders do not deliver at all; they
 *     defer and then bounce (RFC 8461 §5: in enforce mode no delivery to an MX that fails validation; RFC 7672: usable,
 *     DNSSEC-validated TLSA records make TLS mandatory) — critical;
 *   - under `testing`, `none` or no policy: senders fall back to clear text — the mail goes in clear (warning).
 * With TLS working, what the policies still break: TLSA records none of which matches the certificate (DANE senders
 * refuse), an MX not listed in an `enforce` policy, or an untrusted certificate under `enforce` (RFC 8461 §4.2).
 * RFC 8461 §2: MTA-STS never overrides a failing DANE validation, so DANE is judged first. TLSA records the resolver
 * did not validate (no AD bit) are ignored by DANE senders (RFC 7672: TLSA records must be DNSSEC-secure), so they
 * count only as shown, not as a requirement; the check trusts the resolver's validation, as a sending MTA does.
 */
import { type CertificateDigests, type DaneState, daneState } from './dane'
import { mxMatches, type StsMode } from './sts'
import type { MailPolicyCheck } from './types'

/** What the probe of one MX showed, reduced to what the policies care about. */
export interface MxProbeState {
  host: string
  /** The probe's verdict id (src/shared/probe/verdict.ts). */
  verdict: string
  chain: CertificateDigests[] | null
}

/** A domain's policy check with the verdict of each MX beside its probe (CLI --json, the app's contract). */
export interface MailPolicyReport {
  check: MailPolicyCheck
  verdicts: MxPolicyVerdict[]
}

export type PolicyLevel = 'critical' | 'warning' | 'good' | 'info'

export interface MxPolicyVerdict {
  host: string
  sts: StsMode | 'absent' | 'error'
  /** Whether the MX matches an `mx` line of the policy (null without a policy). */
  stsListed: boolean | null
  tlsrpt: boolean
  dane: DaneState | 'error'
  tlsaCount: number
  daneAuthenticated: boolean
  level: PolicyLevel
  /** i18n key under `findings.mailPolicy.verdict`. */
  key: string
  params: Record<string, string>
}

/** Verdicts of a probe that reached the server and found no usable TLS on the path. */
const NO_TLS = new Set([
  'starttls-masked',
  'esmtp-blocked',
  'plain-only',
  'starttls-refused',
  'no-starttls',
  'tls-failed',
])

export function judgeMx(check: MailPolicyCheck, probe: MxProbeState): MxPolicyVerdict {
  const fetched = check.stsPolicy?.ok ? check.stsPolicy.policy : null
  const sts: MxPolicyVerdict['sts'] = fetched
    ? fetched.mode
    : check.stsRecord.ok || check.stsPolicy
      ? 'error'
      : check.stsRecord.reason === 'none'
        ? 'absent'
        : 'error'
  const stsListed = fetched ? fetched.mx.some((p) => mxMatches(p, probe.host)) : null
  const lookup = check.mx.find((m) => m.host.toLowerCase() === probe.host.toLowerCase())?.tlsa
  const records = lookup?.ok ? lookup.records : []
  const dane: MxPolicyVerdict['dane'] = lookup && !lookup.ok ? 'error' : daneState(records, probe.chain).state
  const base = {
    host: probe.host,
    sts,
    stsListed,
    tlsrpt: check.tlsrpt.ok,
    dane,
    tlsaCount: records.length,
    daneAuthenticated: lookup?.ok === true && lookup.authenticated,
  }
  const params = { host: probe.host, domain: check.domain, mode: sts }
  const verdict = (level: PolicyLevel, key: string): MxPolicyVerdict => ({ ...base, level, key, params })
  const enforced = sts === 'enforce' && stsListed === true
  const authenticated = lookup?.ok === true && lookup.authenticated
  const daneRequired = authenticated && records.some((r) => r.usage === 2 || r.usage === 3)
  if (NO_TLS.has(probe.verdict)) {
    if (daneRequired) return verdict('critical', 'noDeliveryDane')
    if (enforced) return verdict('critical', 'noDeliverySts')
    return verdict('warning', 'inClear')
  }
  if (probe.verdict === 'tls-ok' || probe.verdict === 'tls-untrusted') {
    if (authenticated && dane === 'no-match') return verdict('critical', 'daneMismatch')
    if (sts === 'enforce' && stsListed === false) return verdict('critical', 'stsNotListed')
    if (sts === 'enforce' && probe.verdict === 'tls-untrusted') return verdict('critical', 'stsUntrusted')
    if (enforced || dane === 'match') return verdict('good', 'protected')
    return verdict('info', 'unprotected')
  }
  return verdict('info', 'unknown')
}
