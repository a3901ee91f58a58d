/** Shapes of text that an inspecting firewall leaves behind: asterisked banners and X-ed commands. */
import type { TranscriptLine } from '../types'

/** `"XXXXXXXX"` or `: XXXX` inside a reply that quotes the command it did not recognise. */
export const MASKED_COMMAND_IN_REPLY = /["'`:]\s*X{4,}[A-Z0-9]?\b/

/** An asterisked PIX banner line (Postfix's test: only `2`, `0`, space, `*`, tab). */
export const MASKED_BANNER = /^2[20 *\t]*\*[20 *\t]*$/

const ONLY_MASK_CHARS = /^[20 *\t]*$/

/**
 * `mailguard` when digits 2/0 survive among the asterisks (PIX 5.1+) or for the early-PIX `SMTP/cmap` banner;
 * `asterisks` when only asterisks follow the code (PIX 4.x, ASA mask-banner); null for an ordinary line.
 */
export function bannerMaskVariant(text: string): 'mailguard' | 'asterisks' | null {
  const t = text.trim()
  if (/^220[ -]SMTP\/cmap_{5,}read/.test(t)) return 'mailguard'
  // `220-*****` (a multi-line banner, only its first line rewritten) keeps its separator.
  const m = /^(2[0-9*]{2})([ -]?)(.*)$/.exec(t)
  if (!m || !ONLY_MASK_CHARS.test(m[1]! + m[3]!)) return null
  const stars = t.replace(/[^*]/g, '').length
  if (stars < 3) return null
  const afterCode = /^2[0-9]{2}$/.test(m[1]!) ? m[3]! : t.slice(3)
  return /[20]/.test(afterCode) ? 'mailguard' : 'asterisks'
}

/** A line of a masked multi-line banner whose code was lost with the rest (`*****…`): asterisks, `2`/`0`, spaces. */
export const MASKED_CONTINUATION = /^\*[*20 \t]*$/

/**
 * The masked lines of the greeting, judged on the greeting as a whole: the firewall rewrites every character of
 * it, so a greeting that still has words in any of its lines is a real banner decorated with asterisks (a
 * `220-*****` ruler in a legal notice), not a masked one. Continuation lines without a code (the firewall rewrote
 * only the first `220-`) belong to the greeting.
 */
export function maskedGreetingLines(
  lines: readonly TranscriptLine[],
): Array<{ line: TranscriptLine; variant: 'mailguard' | 'asterisks' }> {
  const server = lines.filter((l) => l.direction === 'server')
  const first = server.findIndex((l) => /^2\d\d/.test(l.text.trim()) || MASKED_CONTINUATION.test(l.text.trim()))
  if (first < 0) return []
  const greeting: TranscriptLine[] = []
  for (const l of server.slice(first)) {
    const t = l.text.trim()
    if (greeting.length > 0 && !/^220/.test(t) && !MASKED_CONTINUATION.test(t) && !bannerMaskVariant(t)) break
    greeting.push(l)
    if (/^220 /.test(t) && !MASKED_CONTINUATION.test(t.slice(4))) break
  }
  const words = greeting.some((l) => /[A-Za-z]{2,}/.test(l.text) && bannerMaskVariant(l.text) === null)
  if (words) return []
  return greeting.flatMap((l) => {
    const variant = bannerMaskVariant(l.text) ?? (MASKED_CONTINUATION.test(l.text.trim()) ? 'asterisks' : null)
    return variant ? [{ line: l, variant }] : []
  })
}
