/**
 * The recorder's own transcript lines (direction `note`). Each keeps a canonical English text, which is
 * part of the recorded data (the evidence parser reads `TLS established` / `TLS handshake failed` from it,
 * whatever the UI language), and a key with parameters, which the CLI and the UI translate for display.
 */
export const NOTE_TEXTS = {
  connected: 'connected to {{address}}',
  // Addresses only: a host name could contain words the evidence parser reads in notes (`tls-ok.example`).
  resolved: 'resolved to {{addresses}}',
  tlsEstablished: 'TLS established: {{protocol}} {{cipher}}',
  tlsFailed: 'TLS handshake failed: {{error}}',
  discarded: 'discarded {{bytes}} bytes the server sent after its reply to STARTTLS',
  lineTooLong: 'line longer than {{max}} bytes: {{start}}…',
  noQuitReply: 'no reply to QUIT: {{error}}',
  messageSent: 'test message sent: {{lines}} lines, {{bytes}} bytes',
} as const

export type NoteKey = keyof typeof NOTE_TEXTS
export type NoteParams = Record<string, string | number>

export interface ProbeNote {
  key: NoteKey
  params: NoteParams
}

export function noteText(key: NoteKey, params: NoteParams): string {
  return NOTE_TEXTS[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
}
