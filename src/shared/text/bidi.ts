/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–E), isolates (U+2066–9), the implicit marks
 * (U+200E/F, U+061C). Text from a device, a mail server or a case field can carry them and make a line read in
 * another order than it is ("Trojan Source", CVE-2021-42574; Unicode Standard Annex #9, table 2). The CLI shows them
 * escaped (escapeBidi); the report isolates such text (<bdi>) and drops them where isolation is impossible (CSS).
 */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g')

/** Each control as `\uXXXX`: readable on a terminal, and inside a JSON string the same escape reads back as the char. */
export function escapeBidi(text: string): string {
  return BIDI_CONTROL.test(text)
    ? text.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text
}

export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}
