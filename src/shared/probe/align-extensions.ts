/**
 * Pairs the EHLO extensions of two views of one server (direct and through a firewall) row by row.
 *
 * An inspecting path rewrites in place and keeps the order: a masked line keeps the length of the whole text it
 * hides, parameters included (`X-EXPS GSSAPI NTLM LOGIN` → 24 characters), and its last letter only counts the
 * masked lines (pix-asa-smtp-inspection.md §7.2). So a mask is paired with the unmasked line of the same length
 * that sits between the same neighbours on the other side — `XXXXXXXB` next to SMTPUTF8 is SMTPUTF8, even though
 * STARTTLS has 8 letters too. Only a mask with no counterpart falls back to the parser's guess from length.
 */
import type { EhloExtension } from '../evidence/smtp-reply'

export type AlignedRow = [key: string, left: EhloExtension | undefined, right: EhloExtension | undefined]

/** The text after `250-`, which is what a mask replaces. */
function textOf(e: EhloExtension): string {
  return e.raw.replace(/^\s*\d{3}[- ]?/, '').trimEnd()
}

/** The keyword an unpaired extension stands for: its own, or the one its mask most likely hides. */
function ownIdentity(e: EhloExtension): string {
  return e.masked ? (e.masked.keyword ?? e.keyword) : e.keyword
}

export function alignExtensions(left: readonly EhloExtension[], right: readonly EhloExtension[]): AlignedRow[] {
  const leftPair: Array<number | undefined> = left.map(() => undefined)
  const rightPair: Array<number | undefined> = right.map(() => undefined)
  const pair = (l: number, r: number) => {
    leftPair[l] = r
    rightPair[r] = l
  }

  // 1. The same unmasked keyword on both sides, in order.
  let after = -1
  right.forEach((r, j) => {
    if (r.masked) return
    const i = left.findIndex((l, k) => k > after && leftPair[k] === undefined && !l.masked && l.keyword === r.keyword)
    if (i === -1) return
    pair(i, j)
    after = i
  })

  // 2. Each mask against an unmasked line of the same length between the same neighbours on the other side.
  const pairMasks = (
    masks: readonly EhloExtension[],
    masksPair: Array<number | undefined>,
    others: readonly EhloExtension[],
    othersPair: Array<number | undefined>,
    link: (mask: number, other: number) => void,
  ) => {
    masks.forEach((m, j) => {
      if (!m.masked || masksPair[j] !== undefined) return
      const before = masksPair.slice(0, j).findLast((p) => p !== undefined) ?? -1
      const next = masksPair.slice(j + 1).find((p) => p !== undefined) ?? others.length
      for (let i = before + 1; i < next; i++) {
        const o = others[i]!
        if (othersPair[i] !== undefined || o.masked || textOf(o).length !== textOf(m).length) continue
        link(j, i)
        return
      }
    })
  }
  pairMasks(right, rightPair, left, leftPair, (r, l) => pair(l, r))
  pairMasks(left, leftPair, right, rightPair, (l, r) => pair(l, r))

  // 3. Rows in order: unpaired lines where they stand, pairs side by side (pairs never cross, by construction).
  const rows: AlignedRow[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (i < left.length && leftPair[i] === undefined) {
      rows.push([ownIdentity(left[i]!), left[i], undefined])
      i++
    } else if (j < right.length && rightPair[j] === undefined) {
      rows.push([ownIdentity(right[j]!), undefined, right[j]])
      j++
    } else if (i < left.length && j < right.length && leftPair[i] === j) {
      const l = left[i]!
      const r = right[j]!
      rows.push([l.masked ? ownIdentity(r) : l.keyword, l, r])
      i++
      j++
    } else {
      // Not reached while pairs keep their order; shown apart rather than looping on a crossed pair.
      if (i < left.length) rows.push([ownIdentity(left[i]!), left[i++], undefined])
      if (j < right.length) rows.push([ownIdentity(right[j]!), undefined, right[j++]])
    }
  }
  return rows
}
