/** Escaping for the report's HTML and CSS, and the one place where a redaction marker becomes visible markup. */
import { REDACTION_MARKER } from '../../redaction'

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML[c]!)
}

const MARKER_HTML = `<span class="redacted">${esc(REDACTION_MARKER)}</span>`

/** Text that came from the case: escaped, with every redaction marker shown as a highlighted badge. */
export function caseText(text: string): string {
  return esc(text).split(esc(REDACTION_MARKER)).join(MARKER_HTML)
}

/**
 * A CSS string literal (for `content:` in page margin boxes). It sits inside a <style> element, where HTML escaping does
 * not apply, so `<` and `>` become CSS escapes: a customer named `</style><script>` cannot end the style sheet.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\3c ')
    .replace(/>/g, '\\3e ')
    .replace(/[\r\n]+/g, ' ')
  return `"${escaped}"`
}
