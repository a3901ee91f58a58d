/**
 * Root causes from findings of all sources. A device finding names the local firewall; symptoms seen in SMTP
 * (masked STARTTLS, X-ed commands, asterisked banners) without device evidence point at a firewall in the path,
 * on the remote side when the evidence is about delivering to someone else (a bounce, Postfix or ESA delivery logs)
 * or when the local device shows no SMTP inspection. Look-alikes (a server listing STARTTLS before its greeting,
 * a server without STARTTLS) are causes of their own so that nobody turns off a firewall feature for nothing.
 */
import type { Evidence } from '../evidence'
import type { EvidenceRef, Finding } from '../findings'

export type CauseId =
  | 'local-esmtp-inspection'
  | 'ftd-esmtp-inspection'
  | 'pix-mailguard'
  | 'old-pix-duplicate-header'
  | 'remote-inspection'
  | 'path-inspection'
  | 'server-lookalike'
  | 'server-no-starttls'

export interface RootCause {
  id: CauseId
  confidence: number
  titleKey: string
  explanationKey: string
  params: Record<string, string>
  /** Ids of the findings that support this cause, strongest first. */
  findings: string[]
  /** The evidence chain: device lines first, then the symptoms they explain. */
  evidence: EvidenceRef[]
  /** Filled by remedy selection. */
  remedies: string[]
}

const SYMPTOMS = [
  'smtp.starttls-masked',
  'smtp.starttls-rejected',
  'smtp.command-masked',
  'smtp.banner-masked',
  'smtp.ehlo-rejected',
  'log.postfix-pix-workaround',
  'smtp.path-differs',
]
const STRONG_SYMPTOMS = [
  'smtp.starttls-masked',
  'smtp.command-masked',
  'smtp.banner-masked',
  'log.postfix-pix-workaround',
  'smtp.path-differs',
]

/** `support` in chain order: what proves the cause (device lines, logs) first, then the symptoms it explains. */
function cause(id: CauseId, confidence: number, support: Finding[], params: Record<string, string> = {}): RootCause {
  const ordered = [...new Set(support)]
  return {
    id,
    confidence: Math.round(Math.min(0.99, confidence) * 100) / 100,
    titleKey: `findings.causes.${id}.title`,
    explanationKey: `findings.causes.${id}.explanation`,
    params,
    findings: [...new Set(ordered.map((f) => f.id))],
    evidence: ordered.flatMap((f) => f.evidence).slice(0, 20),
    remedies: [],
  }
}

function boosted(base: Finding[], symptoms: Finding[]): number {
  return Math.max(...base.map((f) => f.confidence)) + 0.03 * new Set(symptoms.map((s) => s.id)).size
}

/** Whether a symptom came from a delivery to another organisation (a bounce, Postfix client, ESA delivery log). */
function isRemoteSource(f: Finding, evidence: readonly Evidence[]): boolean {
  if (f.id === 'log.postfix-pix-workaround') return true
  if (f.id === 'log.esa-starttls-not-supported') return f.evidence.some((r) => /\bDCID\b/.test(r.excerpt))
  // A bounce, or a delivery log of our own mail server: the reply came from the other organisation's side.
  return f.evidence.some((r) =>
    evidence.some(
      (e) =>
        e.source === r.source &&
        ((e.kind === 'smtp-transcript' && 'shape' in e && e.shape === 'ndr') || e.kind === 'log') &&
        (e.firstLine ?? 1) <= r.startLine &&
        r.startLine <= (e.lastLine ?? Number.MAX_SAFE_INTEGER),
    ),
  )
}

export function diagnose(
  findings: readonly Finding[],
  evidence: readonly Evidence[],
  platform: string | null,
): RootCause[] {
  const by = (...ids: string[]) => findings.filter((f) => ids.includes(f.id))
  const symptoms = by(...SYMPTOMS)
  const causes: RootCause[] = []
  const esmtp = by('asa.esmtp-inspection-active', 'log.asa-esmtp-inspection')
  const mailguard = by('pix.mailguard-active')
  if (esmtp.length > 0) {
    const id = platform === 'ftd' ? 'ftd-esmtp-inspection' : 'local-esmtp-inspection'
    const places = esmtp.map((f) => f.params?.places).find(Boolean) ?? ''
    causes.push(
      cause(id, boosted(esmtp, symptoms), [...esmtp, ...symptoms, ...by('ftd.managed-device')], {
        places: String(places),
      }),
    )
  }
  if (mailguard.length > 0) {
    const ports = String(mailguard[0]!.params?.ports ?? '25')
    causes.push(cause('pix-mailguard', boosted(mailguard, symptoms), [...mailguard, ...symptoms], { ports }))
  }
  const oldPix = by('pix.duplicate-header-bug')
  if (oldPix.length > 0) {
    causes.push(cause('old-pix-duplicate-header', 0.6, oldPix, { version: String(oldPix[0]!.params?.version ?? '') }))
  }
  const lookalike = by('smtp.starttls-before-greeting')
  if (lookalike.length > 0) causes.push(cause('server-lookalike', 0.8, lookalike))
  if (esmtp.length === 0 && mailguard.length === 0) {
    const esa = by('log.esa-starttls-not-supported')
    const strong = symptoms.filter((s) => STRONG_SYMPTOMS.includes(s.id) || s.id === 'smtp.starttls-rejected')
    // MailGuard's signature: 2s and 0s left in the asterisked banner, or an asterisked banner with EHLO refused
    // (ASA ESMTP inspection masks the banner but lets EHLO through).
    const banner = by('smtp.banner-masked')
    const mailguardBanner =
      banner.some((f) => f.params?.variant === 'mailguard') ||
      (banner.length > 0 && by('smtp.ehlo-rejected').length > 0)
    const localClean = by('device.no-smtp-inspection').length > 0
    const remote = [...symptoms, ...esa].some((f) => isRemoteSource(f, evidence)) || localClean
    if (strong.length > 0) {
      const base = Math.max(...strong.map((f) => f.confidence)) + 0.03 * (new Set(strong.map((s) => s.id)).size - 1)
      const side = remote ? 'remote-inspection' : 'path-inspection'
      const params = { kind: mailguardBanner ? 'mailguard' : 'esmtp' }
      causes.push(
        cause(mailguardBanner && !remote ? 'pix-mailguard' : side, base - 0.05, [...symptoms, ...esa], params),
      )
    } else if (esa.length > 0 || symptoms.length > 0) {
      if (lookalike.length === 0) causes.push(cause('remote-inspection', 0.4, [...esa, ...symptoms], { kind: 'esmtp' }))
    }
  }
  const missing = by('smtp.starttls-missing')
  if (missing.length > 0 && causes.length === 0) causes.push(cause('server-no-starttls', 0.5, missing))
  return causes.sort((a, b) => b.confidence - a.confidence)
}
