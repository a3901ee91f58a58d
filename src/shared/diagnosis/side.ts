/**
 * Which side's firewall masks SMTP: the destinations the masking was seen on, and what kind they are.
 * The default `global_policy` inspects outbound TCP/25 too, so a site's own egress PIX/ASA masks STARTTLS towards
 * every MX it sends to (EFF 2014 "STARTTLS stripping", pix-asa-smtp-inspection.md §7.1). Masking seen towards many
 * unrelated destinations, or towards large providers that run no PIX/ASA in front of their MX (Google, Microsoft 365,
 * iCloud, OVH: §7.1), points at the local egress path; towards one or two destinations, at the remote side.
 */
import type { Evidence } from '../evidence'
import type { Finding } from '../findings'

/** MX host suffixes of large providers (§7.1 names Google, Microsoft 365, iCloud, OVH). Suffix → provider. */
const PROVIDERS: ReadonlyArray<[string, string]> = [
  ['google.com', 'Google'],
  ['googlemail.com', 'Google'],
  ['gmail.com', 'Google'],
  ['outlook.com', 'Microsoft 365'],
  ['hotmail.com', 'Microsoft 365'],
  ['office365.com', 'Microsoft 365'],
  ['icloud.com', 'iCloud'],
  ['me.com', 'iCloud'],
  ['ovh.net', 'OVH'],
]

/** At this many unrelated destinations, masking on all of them is the local path's doing. */
export const MANY_DESTINATIONS = 3

export type Side = 'local' | 'remote' | 'unknown'

export interface SideAssessment {
  side: Side
  /** Registrable domains the masking was seen towards. */
  destinations: string[]
  /** Large providers among them. */
  providers: string[]
}

const HOST = '([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z]{2,24})'
/** Where a delivery names the receiving side: Postfix `for H[`/`host H[`/`relay=H[`, DSN `Remote-MTA: dns; H`,
 * Exchange `Remote Server at H`, DSN `Final-Recipient: rfc822; u@D`, a recipient line `u@D`. */
const DESTINATION_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:for|host|relay=)\\s*${HOST}\\[`, 'i'),
  new RegExp(`Remote-MTA:\\s*dns;\\s*${HOST}`, 'i'),
  new RegExp(`Remote Server at\\s+${HOST}`, 'i'),
  new RegExp(`recipient domain \\S+ by\\s+${HOST}`, 'i'),
  new RegExp(`Final-Recipient:\\s*rfc822;\\s*[^@\\s]+@${HOST}`, 'i'),
  new RegExp(`^\\s*<?[^@\\s<>]+@${HOST}>?\\s*$`),
]

/** `mx1.mail.example.co.uk` → `example.co.uk`; `gmail-smtp-in.l.google.com` → `google.com`. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.')
  const twoLevelTld =
    labels.length >= 3 && labels.at(-1)!.length === 2 && /^(co|com|net|org|ac|gov|ne|or)$/.test(labels.at(-2)!)
  return labels.slice(twoLevelTld ? -3 : -2).join('.')
}

export function providerOf(domain: string): string | null {
  return PROVIDERS.find(([suffix]) => domain === suffix || domain.endsWith(`.${suffix}`))?.[1] ?? null
}

/**
 * Google appends `- gsmtp` to every error its own servers return (Gmail SMTP errors and codes,
 * https://support.google.com/a/answer/3726730), so a quoted reply carrying it came from Google's MX even when the
 * bounce names only the recipient's domain (a real Exchange NDR: `#< #5.5.1 smtp;502 5.5.1 Unrecognized command.
 * j65si249990ywg.6 - gsmtp> #SMTP#`, tests/fixtures/real-networks/exchange_ndr_502_5.5.1_unrecognized_command_gsmtp_pastebin_DdVfruM2.txt).
 */
const GOOGLE_REPLY_TAG = /\s-\s*gsmtp\b/i

function destinationsIn(text: string): string[] {
  const out: string[] = []
  const head = text.slice(0, 1000)
  for (const p of DESTINATION_PATTERNS) {
    const m = p.exec(head)
    if (m?.[1]) out.push(registrableDomain(m[1]))
  }
  if (GOOGLE_REPLY_TAG.test(head)) out.push('google.com')
  return out
}

/** Destinations of the evidence sources that a masking symptom came from (bounces, delivery logs). */
export function maskedDestinations(symptoms: readonly Finding[], evidence: readonly Evidence[]): string[] {
  const sources = new Set(symptoms.flatMap((f) => f.evidence.map((r) => r.source)))
  const found = new Set<string>()
  for (const e of evidence) {
    if (!sources.has(e.source)) continue
    if (e.kind === 'log') {
      // Only the log lines that show masking name a masked destination (not every delivery in the log).
      const lines = new Set(
        symptoms.flatMap((f) => f.evidence.filter((r) => r.source === e.source).map((r) => r.startLine)),
      )
      for (const entry of e.data) {
        if (!lines.has(entry.line)) continue
        // Postfix names `host[ip]`; an address alone says nothing about the organisation.
        if (entry.host && /[A-Za-z]/.test(entry.host) && !entry.host.includes(':'))
          found.add(registrableDomain(entry.host))
        for (const d of destinationsIn(entry.text)) found.add(d)
      }
    } else if (e.kind === 'smtp-transcript' && 'shape' in e && e.shape === 'ndr') {
      for (const l of e.lines) for (const d of destinationsIn(l.text)) found.add(d)
    }
  }
  return [...found].sort()
}

export function assessSide(symptoms: readonly Finding[], evidence: readonly Evidence[]): SideAssessment {
  const destinations = maskedDestinations(symptoms, evidence)
  const providers = [...new Set(destinations.map(providerOf).filter((p): p is string => p !== null))]
  const side: Side =
    providers.length > 0 || destinations.length >= MANY_DESTINATIONS
      ? 'local'
      : destinations.length > 0
        ? 'remote'
        : 'unknown'
  return { side, destinations, providers }
}
