/**
 * "Prevent it from happening silently again" (issue 17): once STARTTLS is back, let outside senders tell you when it
 * goes missing, and then make them refuse to deliver in clear.
 *   1. TLS-RPT (RFC 8460 §3): `_smtp._tls.DOMAIN TXT "v=TLSRPTv1; rua=mailto:…"`: senders such as Google and Microsoft
 *      mail a daily JSON report of failed and successful TLS sessions. Changes nothing for delivery.
 *   2. MTA-STS `testing` (RFC 8461 §3.1 TXT `v=STSv1; id=…`, id 1-32 letters/digits; §3.2 policy file at
 *      `https://mta-sts.DOMAIN/.well-known/mta-sts.txt` with version/mode/mx/max_age): senders validate TLS and report
 *      failures, but still deliver.
 *   3. MTA-STS `enforce`: compliant senders do not deliver unless TLS with a valid certificate works to a listed MX —
 *      a masking firewall then becomes deferred mail and bounces (loud), so only after the fix and clean reports.
 * `advice.inbound-path`: TLS-RPT names our MX: probe it from outside and collect the firewall in front of it.
 * Domain and MX come from the TLS-RPT reports when given; otherwise `example.com` and the step to replace it.
 */
import type { Finding } from '../findings'
import { advice } from './advice'
import type { Remedy } from './types'

export interface MailDomain {
  domain: string
  mx: string
  /** False when no report named the domain and the records show `example.com`. */
  known: boolean
}

/** The mail domain and MX hosts from TLS-RPT findings (or their report views: only id and params are read). */
export function mailDomainOf(findings: ReadonlyArray<{ id: string; params?: Finding['params'] }>): MailDomain {
  const reported = findings.filter((f) => f.id === 'tlsrpt.starttls-not-supported' || f.id === 'tlsrpt.all-successful')
  const domain = reported.map((f) => f.params?.domain).find((d) => typeof d === 'string' && d !== '')
  if (typeof domain !== 'string') return { domain: 'example.com', mx: 'mail.example.com', known: false }
  // The policy file must list every MX of the domain, not only the failing ones: the path rules name the others.
  const scope = findings.filter((f) => f.id === 'tlsrpt.some-mx-failing' || f.id === 'tlsrpt.all-mx-failing')
  const names = [
    ...reported.map((f) => f.params?.mx),
    ...scope.flatMap((f) => [f.params?.failing, f.params?.others]).flatMap((v) => String(v ?? '').split(', ')),
  ].filter((m): m is string => typeof m === 'string' && m !== '' && m !== '-' && m !== 'undefined')
  const mx = [...new Set(names)]
  return { domain, mx: mx.join(', ') || `mail.${domain}`, known: true }
}

export function buildPreventSilentAdvice(mail: MailDomain, causes: string[]): Remedy {
  const steps = [
    ...(mail.known ? [] : ['replaceDomain']),
    'tlsrpt',
    'stsTesting',
    'stsPolicyTesting',
    'stsEnforce',
    'watch',
  ]
  return advice('advice.prevent-silent', causes, steps, {
    domain: mail.domain,
    mxLines: mail.mx
      .split(', ')
      .map((m) => `mx: ${m}`)
      .join('\n'),
  })
}

export function buildInboundPathAdvice(mail: MailDomain, causes: string[]): Remedy {
  return advice('advice.inbound-path', causes, ['probeMx', 'collectInbound', 'fixThere'], {
    domain: mail.domain,
    mx: mail.mx,
  })
}
