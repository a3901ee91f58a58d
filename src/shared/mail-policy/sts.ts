/**
 * MTA-STS (RFC 8461) as text: the `_mta-sts.DOMAIN` TXT record (§3.1: `v=STSv1; id=…`, id 1-32 letters/digits; more
 * or fewer than one STSv1 record = no policy), the policy file (§3.2: `key: value` lines; version STSv1, mode
 * enforce|testing|none, one or more `mx` patterns, max_age up to 31557600) and MX matching (§4.1: a pattern matches
 * the MX name exactly, or `*.` matches exactly one left-most label). Pure; fetching is src/main/mail-policy.
 */

export type StsMode = 'enforce' | 'testing' | 'none'

export type StsRecord = { ok: true; id: string } | { ok: false; reason: 'none' | 'several' | 'syntax'; text?: string }

export interface StsPolicy {
  mode: StsMode
  mx: string[]
  maxAge: number
}

export type StsPolicyReading = { ok: true; policy: StsPolicy } | { ok: false; reason: string }

/** RFC 8461 §3.2: max_age "up to 31557600". */
export const MAX_STS_MAX_AGE = 31_557_600

/** `txt`: the TXT records of `_mta-sts.DOMAIN`, each joined from its strings. */
export function parseStsRecord(txt: readonly string[]): StsRecord {
  const sts = txt.filter((t) => /^v=STSv1\s*(;|$)/.test(t))
  if (sts.length === 0) return { ok: false, reason: 'none' }
  if (sts.length > 1) return { ok: false, reason: 'several' }
  const id = /(?:^|;)\s*id=([A-Za-z0-9]{1,32})\s*(;|$)/.exec(sts[0]!)
  return id ? { ok: true, id: id[1]! } : { ok: false, reason: 'syntax', text: sts[0]! }
}

export function parseStsPolicy(text: string): StsPolicyReading {
  const fields = new Map<string, string[]>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '') continue
    const m = /^([A-Za-z0-9_]+)\s*:\s*(.*)$/.exec(line)
    if (!m) return { ok: false, reason: `not a "key: value" line: ${line.slice(0, 80)}` }
    const key = m[1]!.toLowerCase()
    fields.set(key, [...(fields.get(key) ?? []), m[2]!.trim()])
  }
  if (fields.get('version')?.[0] !== 'STSv1') return { ok: false, reason: 'version is not STSv1' }
  const mode = fields.get('mode')?.[0]
  if (mode !== 'enforce' && mode !== 'testing' && mode !== 'none') return { ok: false, reason: `mode "${mode ?? ''}"` }
  const maxAge = Number(fields.get('max_age')?.[0])
  if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > MAX_STS_MAX_AGE)
    return { ok: false, reason: `max_age "${fields.get('max_age')?.[0] ?? ''}"` }
  const mx = (fields.get('mx') ?? []).map((m) => m.toLowerCase().replace(/\.$/, ''))
  if (mx.length === 0 && mode !== 'none') return { ok: false, reason: 'no mx line' }
  return { ok: true, policy: { mode, mx, maxAge } }
}

/** RFC 8461 §4.1: exact match, or `*.example.com` for one more label (not `a.b.example.com`, not `example.com`). */
export function mxMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '')
  const p = pattern.toLowerCase().replace(/\.$/, '')
  if (!p.startsWith('*.')) return p === h
  const dot = h.indexOf('.')
  return dot > 0 && h.slice(dot + 1) === p.slice(2)
}

/** TLS-RPT policy record (RFC 8460 §3): `v=TLSRPTv1; rua=mailto:…,https://…`. */
export type TlsRptRecord =
  | { ok: true; rua: string[] }
  | { ok: false; reason: 'none' | 'several' | 'syntax'; text?: string }

export function parseTlsRptRecord(txt: readonly string[]): TlsRptRecord {
  const records = txt.filter((t) => /^v=TLSRPTv1\s*(;|$)/.test(t))
  if (records.length === 0) return { ok: false, reason: 'none' }
  if (records.length > 1) return { ok: false, reason: 'several' }
  const rua = /(?:^|;)\s*rua=([^;]+)/.exec(records[0]!)
  const uris = (rua?.[1] ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => /^(mailto:|https:)/i.test(u))
  return uris.length > 0 ? { ok: true, rua: uris } : { ok: false, reason: 'syntax', text: records[0]! }
}
