/**
 * DANE for SMTP (RFC 7672) against what the probe saw. TLSA records at `_25._tcp.MX` (RFC 6698 §2): usage, selector,
 * matching type, data. RFC 7672 §3.1.3: SMTP clients use DANE-TA(2) and DANE-EE(3) and treat PKIX-TA(0)/PKIX-EE(1)
 * as unusable. A record matches when its data equals the SHA-256 of the leaf (usage 3) or of a certificate of the
 * chain (usage 2), taken whole (selector 0) or as its SubjectPublicKeyInfo (selector 1). SHA-512 (matching 2) and
 * exact data (matching 0) cannot be checked from the probe's SHA-256 digests: such records are "not checked", never
 * "matching". Pure: the digests come from the probe (src/main/smtp/tls-report.ts).
 */

export interface TlsaRecord {
  usage: number
  selector: number
  matchingType: number
  /** Lower-case hex. */
  data: string
}

/** The digests of one certificate of the chain the server sent (leaf first), as the probe recorded them. */
export interface CertificateDigests {
  /** SHA-256 of the whole certificate, hex in any case, with or without colons. */
  sha256: string
  /** SHA-256 of the SubjectPublicKeyInfo, when the probe recorded it. */
  spkiSha256?: string
}

export type TlsaMatch = 'match' | 'no-match' | 'unusable' | 'not-checked'

function hex(s: string): string {
  return s.replace(/:/g, '').toLowerCase()
}

export function matchTlsa(record: TlsaRecord, chain: readonly CertificateDigests[]): TlsaMatch {
  if (record.usage !== 2 && record.usage !== 3) return 'unusable'
  if (record.matchingType !== 1 || (record.selector !== 0 && record.selector !== 1)) return 'not-checked'
  const candidates = record.usage === 3 ? chain.slice(0, 1) : chain.slice(1)
  const digests = candidates.map((c) => (record.selector === 0 ? c.sha256 : c.spkiSha256))
  if (digests.some((d) => d === undefined)) return 'not-checked'
  return digests.some((d) => hex(d!) === record.data.toLowerCase()) ? 'match' : 'no-match'
}

/** The DANE state of one MX: no records, records with at least one match, or records and no match. */
export function daneState(records: readonly TlsaRecord[], chain: readonly CertificateDigests[] | null) {
  if (records.length === 0) return { state: 'none' as const, matches: [] as TlsaMatch[] }
  if (!chain || chain.length === 0) return { state: 'no-tls' as const, matches: [] as TlsaMatch[] }
  const matches = records.map((r) => matchTlsa(r, chain))
  const state = matches.includes('match')
    ? ('match' as const)
    : matches.every((m) => m === 'unusable')
      ? ('unusable' as const)
      : matches.includes('not-checked')
        ? ('not-checked' as const)
        : ('no-match' as const)
  return { state, matches }
}

export type DaneState = ReturnType<typeof daneState>['state']

/** `3 1 1 <hex>` as in a zone file. */
export function tlsaText(r: TlsaRecord): string {
  return `${r.usage} ${r.selector} ${r.matchingType} ${r.data}`
}
