/**
 * Which keyword each masked EHLO line hides (pix-asa-smtp-inspection.md §7.2). In order of strength:
 *  1. `direct`: the same server's reply without the inspecting path (the direct vantage), line for line, since the
 *     firewall masks in place and keeps the line count;
 *  2. `order`: the server software's known keyword order (keyword-orders.ts), between the unmasked neighbours,
 *     consuming masks in sequence (the running letter A, B, C… counts masked lines within one reply);
 *  3. `length`: every known keyword of that length that is not listed unmasked: ambiguous when more than one fits.
 */
import type { EhloExtension } from '../../evidence/smtp-reply'
import { KNOWN_EHLO_KEYWORDS } from '../../evidence/smtp-reply'
import type { SmtpSession } from '../../evidence/smtp-session'
import { KEYWORD_ORDERS, type ServerSoftware, softwareFromBanner, softwareFromKeywords } from './keyword-orders'

export type MaskBasis = 'direct' | 'order' | 'length'

export interface ResolvedMask {
  extension: EhloExtension
  /** The keyword when only one fits; null when several (or none) do. */
  keyword: string | null
  candidates: string[]
  basis: MaskBasis
  /** The running letter's index (A = 0), null for an all-X mask. */
  letter: number | null
}

function letterOf(token: string): number | null {
  const last = token.at(-1) ?? 'X'
  return last !== 'X' && /[A-Z]/.test(last) ? last.charCodeAt(0) - 65 : null
}

function keywordName(e: EhloExtension): string {
  // `AUTH=LOGIN` and `X-EXPS=LOGIN` are keywords of their own in Exchange's list.
  return e.raw
    .replace(/^\d{3}[ -]/, '')
    .trim()
    .split(/\s+/)[0]!
    .toUpperCase()
}

function software(session: SmtpSession, direct: SmtpSession | null, unmasked: string[]): ServerSoftware | null {
  return (
    softwareFromBanner(direct?.greeting?.lines[0]?.text) ??
    softwareFromBanner(session.greeting?.lines[0]?.text) ??
    softwareFromKeywords(unmasked)
  )
}

/** Masks between two unmasked neighbours, matched in sequence to the keywords the order puts between them. */
function byOrder(order: readonly string[], exts: readonly EhloExtension[]): Map<EhloExtension, string[]> {
  const out = new Map<EhloExtension, string[]>()
  const names = exts.map((e) => (e.masked ? null : keywordName(e)))
  let i = 0
  while (i < exts.length) {
    if (!exts[i]!.masked) {
      i++
      continue
    }
    let j = i
    while (j < exts.length && exts[j]!.masked) j++
    const before = names
      .slice(0, i)
      .reverse()
      .find((n) => n !== null && order.includes(n))
    const after = names.slice(j).find((n) => n !== null && order.includes(n))
    const from = before ? order.indexOf(before) + 1 : 0
    const to = after ? order.indexOf(after) : order.length
    const between = order.slice(from, Math.max(from, to)).filter((k) => !names.includes(k))
    const run = exts.slice(i, j)
    // Every way to place the run's masks, in order, on keywords of the same length between the neighbours.
    const options: string[][] = run.map(() => [])
    const place = (m: number, start: number, chosen: string[]) => {
      if (m === run.length) {
        chosen.forEach((k, n) => {
          if (!options[n]!.includes(k)) options[n]!.push(k)
        })
        return
      }
      for (let k = start; k < between.length; k++)
        if (between[k]!.length === run[m]!.keyword.length) place(m + 1, k + 1, [...chosen, between[k]!])
    }
    place(0, 0, [])
    run.forEach((e, n) => {
      out.set(e, options[n]!)
    })
    i = j
  }
  return out
}

export function resolveMasks(session: SmtpSession, direct: SmtpSession | null = null): ResolvedMask[] {
  const exts = session.ehlo?.extensions ?? []
  if (!exts.some((e) => e.masked)) return []
  const unmasked = exts.filter((e) => !e.masked).map(keywordName)
  const directExts = direct?.ehlo?.extensions ?? []
  const sameShape = directExts.length === exts.length
  const sw = software(session, direct, unmasked)
  const ordered = sw ? byOrder(KEYWORD_ORDERS[sw], exts) : null
  return exts.flatMap((e, index): ResolvedMask[] => {
    if (!e.masked) return []
    const letter = letterOf(e.keyword)
    const twin = sameShape ? directExts[index] : undefined
    if (twin && !twin.masked && twin.keyword.length === e.keyword.length)
      return [{ extension: e, keyword: twin.keyword, candidates: [twin.keyword], basis: 'direct', letter }]
    const fromOrder = ordered?.get(e) ?? []
    if (fromOrder.length > 0)
      return [
        {
          extension: e,
          keyword: fromOrder.length === 1 ? fromOrder[0]! : null,
          candidates: fromOrder,
          basis: 'order',
          letter,
        },
      ]
    const byLength = KNOWN_EHLO_KEYWORDS.filter((k) => k.length === e.keyword.length && !unmasked.includes(k))
    return [
      {
        extension: e,
        keyword: byLength.length === 1 ? byLength[0]! : null,
        candidates: [...byLength],
        basis: 'length',
        letter,
      },
    ]
  })
}

/**
 * Whether the running letters count the masked lines as they should (A, B, C… in order). A gap (the first mask reads
 * `XXXXXXXB`) means a masked line is missing from what was given, so the keyword order cannot be trusted as much.
 */
export function lettersConsistent(resolved: readonly ResolvedMask[]): boolean {
  return resolved.every((m, i) => m.letter === null || m.letter === i)
}

/** Masks that are or may be STARTTLS, with how sure that is: 0.9 when proven, lower when others fit too. */
export function starttlsMasks(resolved: readonly ResolvedMask[]): { mask: ResolvedMask; confidence: number }[] {
  const gap = lettersConsistent(resolved) ? 0 : 0.1
  return resolved.flatMap((m) => {
    if (m.keyword === 'STARTTLS') {
      const base = m.basis === 'direct' ? 0.9 : m.basis === 'order' ? 0.9 - gap : 0.8 - gap
      return [{ mask: m, confidence: base }]
    }
    if (m.keyword === null && m.candidates.includes('STARTTLS'))
      return [{ mask: m, confidence: Math.max(0.4, 0.75 - 0.1 * (m.candidates.length - 1) - gap) }]
    return []
  })
}
