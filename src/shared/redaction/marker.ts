/**
 * What a removed secret is replaced with. One visible, language-neutral marker, so a reader sees that something was
 * there (and the PDF's text layer says so too) while the value itself never leaves the case folder.
 */
export const REDACTION_MARKER = '[REDACTED]'

/** Why a piece of text was removed; the report counts redactions per kind. */
export type SecretKind =
  | 'password'
  | 'pre-shared-key'
  | 'snmp-community'
  | 'aaa-key'
  | 'private-key'
  | 'other-key'
  | 'marked'
  | 'repeated'

export const SECRET_KINDS: readonly SecretKind[] = [
  'password',
  'pre-shared-key',
  'snmp-community',
  'aaa-key',
  'private-key',
  'other-key',
  'marked',
  'repeated',
]

/** One removed value: where it was (1-based line, 0-based columns in the original line) and what kind it was. */
export interface Redaction {
  line: number
  start: number
  end: number
  kind: SecretKind
  /** The removed text. Kept in memory only, so the caller can look for the same value elsewhere; never rendered. */
  value: string
}
