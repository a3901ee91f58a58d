/** Escaping for the report's HTML and CSS, and the one place where a redaction marker becomes visible markup. */
import { REDACTION_MARKER } from '../../redaction'
import { BIDI_CONTROL, stripBidi } from '../../text/bidi'

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML[c]!)
}

const MARKER_HTML = `<span class="redacted">${esc(REDACTION_MARKER)}</span>`

/**
 * Text that came from the case: escaped, with every redaction marker shown as a highlighted badge. Text carrying
 * bidirectional controls is isolated (<bdi>), so an override cannot reorder the sentence around it (issue 14).
 */
export function caseText(text: string): string {
  const html = esc(text).split(esc(REDACTION_MARKER)).join(MARKER_HTML)
  return BIDI_CONTROL.test(text) ? `<bdi>${html}</bdi>` : html
}

/** Characters a CSS string may hold as they are; everything else is written as a hex escape. */
const CSS_SAFE = /[A-Za-z0-9 .,_()/#:@+!?%*=-]/

/**
 * A CSS string literal (for `content:` in page margin boxes). It sits inside a <style> element, where HTML escaping does
 * not apply: every character outside a small safe set becomes a CSS hex escape (`\\3c `), so neither `</style>`, a
 * quote, a backslash nor a form feed (a CSS newline, which ends a string) can leave the literal (issue 14). Line breaks
 * become spaces, NUL becomes U+FFFD as CSS would read it, and bidi controls are dropped: CSS content cannot isolate
 * them.
 */
export function cssString(text: string): string {
  let escaped = ''
  for (const c of stripBidi(text).replace(/[\r\n\f\u2028\u2029]+/g, ' ')) {
    const code = c === '\0' ? 0xfffd : c.codePointAt(0)!
    escaped += CSS_SAFE.test(c) ? c : `\\${code.toString(16)} `
  }
  return `"${escaped}"`
}
