/**
 * Root causes from findings of all sources. A device finding names the local firewall; symptoms seen in SMTP
 * (masked STARTTLS, X-ed commands, asterisked banners) without device evidence point at a firewall in the path.
 * Which side: masking seen on deliveries to many unrelated destinations or to large providers is the local egress
 * path's (side.ts); one or two destinations of a bounce or delivery log, or a clean local device, the remote side's.
 * Look-alikes (a server listing STARTTLS before its greeting, a server without STARTTLS, masks that hide other
 * keywords) are causes of their own so that nobody turns off a firewall feature for nothing.
 */
import type { Evidence } from '../evidence'
import type { EvidenceRef, Finding, RuleId } from '../findings'
import { assessSide, type Side } from './side'

export type CauseId =
  | 'local-esmtp-inspection'
  | 'local-esmtp-map-unknown'
  | 'ftd-esmtp-inspection'
  | 'pix-mailguard'
  | 'old-pix-duplicate-header'
  | 'local-egress-inspection'
  | 'remote-inspection'
  | 'path-inspection'
  | 'gateway-deletes-starttls'
  | 'server-lookalike'
  | 'server-no-starttls'
  | 'inbound-path-inspection'
  | 'exchange-auth-path'

export interface RootCause {
  id: CauseId
  confidence: number
  titleKey: string
  explanationKey: string
  params: Record<string, string>
  /** Ids of the findings that support this cause, strongest first. */
  findings: RuleId[]
  /** The evidence chain: device lines first, then the symptoms they explain. */
  evidence: EvidenceRef[]
  /** Ids of the remedies that address it (filled in by `selectRemedies`, which returns new causes). */
  remedies: string[]
  /** Which side's device the cause is on, when the evidence says. */
  side?: Side
}

const SYMPTOMS: readonly RuleId[] = [
  'smtp.starttls-masked',
  'smtp.keyword-masked',
  'smtp.starttls-rejected',
  'smtp.command-masked',
  'smtp.banner-masked',
  'smtp.ehlo-rejected',
  'log.postfix-pix-workaround',
  'smtp.path-differs',
  'capture.firewall-rewrote',
]
const STRONG_SYMPTOMS: readonly RuleId[] = [
  'smtp.starttls-masked',
  // Masks of other keywords prove an inspecting device in the path too (X-LINK2STATE, XEXCH50, CHUNKING: §7.2).
  'smtp.keyword-masked',
  'smtp.command-masked',
  'smtp.banner-masked',
  'log.postfix-pix-workaround',
  'smtp.path-differs',
  // The firewall caught in the act: the same line differs between its inside and outside captures (issue 21).
  'capture.firewall-rewrote',
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

/** Symptoms without device evidence of inspection: which side, and how sure. */
function pathCause(
  by: (...ids: RuleId[]) => Finding[],
  symptoms: Finding[],
  evidence: readonly Evidence[],
): RootCause | null {
  const esa = by('log.esa-starttls-not-supported')
  const strong = symptoms.filter((s) => STRONG_SYMPTOMS.includes(s.id) || s.id === 'smtp.starttls-rejected')
  // MailGuard's signature: 2s and 0s left in the asterisked banner, or an asterisked banner with EHLO refused
  // (ASA ESMTP inspection masks the banner but lets EHLO through).
  const banner = by('smtp.banner-masked')
  const mailguardBanner =
    banner.some((f) => f.params?.variant === 'mailguard') || (banner.length > 0 && by('smtp.ehlo-rejected').length > 0)
  const kind = mailguardBanner ? 'mailguard' : 'esmtp'
  const localClean = by('device.no-smtp-inspection').length > 0
  const delivered = [...symptoms, ...esa].filter((f) => isRemoteSource(f, evidence))
  const side = assessSide(delivered, evidence)
  const sideParams = {
    kind,
    destinations: side.destinations.join(', ') || '-',
    count: String(side.destinations.length),
    providers: side.providers.join(', ') || '-',
  }
  if (strong.length === 0) {
    if (esa.length === 0 && symptoms.length === 0) return null
    return { ...cause('remote-inspection', 0.4, [...esa, ...symptoms], sideParams), side: 'remote' }
  }
  const base = Math.max(...strong.map((f) => f.confidence)) + 0.03 * (new Set(strong.map((s) => s.id)).size - 1)
  const support = [...symptoms, ...esa]
  // Masking on deliveries to many destinations or to large providers: our own egress path, unless our device is clean.
  if (side.side === 'local' && !localClean) {
    const bonus = side.providers.length > 0 ? 0.05 : 0
    return { ...cause('local-egress-inspection', base - 0.05 + bonus, support, sideParams), side: 'local' }
  }
  // Large providers run no PIX/ASA, and the local firewall given is clean: another box on our path (an ISP's, §7.5).
  if (side.side === 'local') return { ...cause('path-inspection', base - 0.05, support, sideParams), side: 'unknown' }
  const remote = delivered.length > 0 || localClean
  if (mailguardBanner && !remote)
    return { ...cause('pix-mailguard', base - 0.05, support, sideParams), side: 'unknown' }
  if (!remote) return { ...cause('path-inspection', base - 0.05, support, sideParams), side: 'unknown' }
  // One or two destinations (or none named) with a remote source: the other organisation's firewall.
  return { ...cause('remote-inspection', base - 0.05, support, sideParams), side: 'remote' }
}

/**
 * TLS-RPT `starttls-not-supported` at our MX (src/shared/rules/tlsrpt): outside senders found no STARTTLS on the way
 * in. Our side (the firewall in front of the MX), but a report alone cannot tell masking from an MX without TLS, so
 * the confidence stays moderate; a start day after clean reports (a change) or every MX failing raises it a little.
 */
function inboundCause(by: (...ids: RuleId[]) => Finding[]): RootCause | null {
  const reported = by('tlsrpt.starttls-not-supported')
  if (reported.length === 0) return null
  const context = by('tlsrpt.failures-started', 'tlsrpt.all-mx-failing', 'tlsrpt.some-mx-failing')
  const first = reported[0]!.params ?? {}
  const confidence = 0.6 + (by('tlsrpt.failures-started').length > 0 ? 0.05 : 0)
  const mx = [...new Set(reported.map((f) => String(f.params?.mx ?? '')))].join(', ')
  return {
    ...cause('inbound-path-inspection', confidence, [...reported, ...context], {
      mx,
      domain: String(first.domain ?? ''),
      reporters: String(first.reporters ?? ''),
      first: String(first.first ?? ''),
    }),
    side: 'local',
  }
}

export function diagnose(
  findings: readonly Finding[],
  evidence: readonly Evidence[],
  platform: string | null,
): RootCause[] {
  const by = (...ids: RuleId[]) => findings.filter((f) => ids.includes(f.id))
  const symptoms = by(...SYMPTOMS)
  const causes: RootCause[] = []
  const esmtp = by('asa.esmtp-inspection-active', 'log.asa-esmtp-inspection')
  const mailguard = by('pix.mailguard-active')
  const standby = by('device.failover-standby')
  if (esmtp.length > 0) {
    const id = platform === 'ftd' ? 'ftd-esmtp-inspection' : 'local-esmtp-inspection'
    const places = esmtp.map((f) => f.params?.places).find(Boolean) ?? ''
    const ports = esmtp.map((f) => f.params?.ports).find(Boolean) ?? '25'
    const c = cause(id, boosted(esmtp, symptoms), [...esmtp, ...symptoms, ...by('ftd.managed-device'), ...standby], {
      places: String(places),
      ports: String(ports),
    })
    causes.push({ ...c, side: 'local' })
  }
  const unknownMap = by('asa.esmtp-map-unknown')
  if (unknownMap.length > 0 && esmtp.length === 0) {
    const f = unknownMap[0]!
    causes.push({
      ...cause('local-esmtp-map-unknown', 0.5, [...unknownMap, ...symptoms], {
        map: String(f.params?.map ?? ''),
        places: String(f.params?.places ?? ''),
        ports: String(f.params?.ports ?? '25'),
      }),
      side: 'local',
    })
  }
  if (mailguard.length > 0) {
    const ports = String(mailguard[0]!.params?.ports ?? '25')
    causes.push({
      ...cause('pix-mailguard', boosted(mailguard, symptoms), [...mailguard, ...symptoms, ...standby], { ports }),
      side: 'local',
    })
  }
  const oldPix = by('pix.duplicate-header-bug')
  if (oldPix.length > 0) {
    const f = oldPix[0]!
    // Documented for PIX (Cisco 118550); for ASA before 7.2(3) only an inference, so less sure.
    const confidence = f.params?.basis === 'inferred' ? 0.4 : 0.6
    causes.push(
      cause('old-pix-duplicate-header', confidence, [...oldPix, ...by('pix.no-7x-hardware')], {
        version: String(f.params?.version ?? ''),
        basis: String(f.params?.basis ?? 'documented'),
      }),
    )
  }
  const deleted = by('smtp.starttls-deleted')
  if (deleted.length > 0)
    causes.push({ ...cause('gateway-deletes-starttls', 0.85, [...deleted, ...symptoms]), side: 'unknown' })
  const lookalike = by('smtp.starttls-before-greeting')
  if (lookalike.length > 0) causes.push(cause('server-lookalike', 0.8, lookalike))
  if (esmtp.length === 0 && mailguard.length === 0 && unknownMap.length === 0 && deleted.length === 0) {
    const path = pathCause(by, symptoms, evidence)
    if (path && !(path.id === 'remote-inspection' && path.confidence <= 0.4 && lookalike.length > 0)) causes.push(path)
  }
  // Masks that hide other keywords, and no STARTTLS offered or masked: the server has no TLS to unmask.
  const missing = by('smtp.starttls-missing')
  const otherMasks = by('smtp.keyword-masked')
  const starttlsSeen =
    by('smtp.starttls-masked', 'smtp.tls-ok', 'smtp.starttls-deleted', 'smtp.starttls-rejected', 'smtp.command-masked')
      .length > 0 ||
    // A mask beside an unmasked STARTTLS (evidence contradiction, issue 22): the server does offer STARTTLS.
    otherMasks.some((f) => f.params?.contradiction !== undefined)
  if (otherMasks.length > 0 && !starttlsSeen) {
    // Something masks, but nothing says STARTTLS was offered: lifting the inspection would not bring TLS.
    for (const c of causes)
      if (c.side !== 'local' && c.id !== 'server-lookalike') c.confidence = Math.min(c.confidence, 0.7)
    causes.push(
      cause('server-no-starttls', 0.8, [...otherMasks, ...missing], {
        keywords: String(otherMasks[0]!.params?.keywords ?? ''),
      }),
    )
  } else if (missing.length > 0 && causes.length === 0) causes.push(cause('server-no-starttls', 0.5, missing))
  const inbound = inboundCause(by)
  if (inbound) causes.push(inbound)
  // Exchange Server authentication failing between our own Exchange servers: the firewall between them (ours) is
  // the first suspect; a Receive connector without Exchange Server authentication looks the same (KB 979175).
  const exchangeAuth = by('log.exchange-auth-blocked')
  if (exchangeAuth.length > 0) {
    const strong = symptoms.filter((s) => STRONG_SYMPTOMS.includes(s.id))
    const c = cause('exchange-auth-path', (strong.length > 0 ? 0.65 : 0.5) + (esmtp.length > 0 ? 0.1 : 0), [
      ...exchangeAuth,
      ...esmtp,
      ...strong,
    ])
    causes.push({ ...c, side: 'local' })
  }
  return causes.sort((a, b) => b.confidence - a.confidence)
}
