/**
 * The spellings of SMTP inspection per platform and software train, as data. Each entry says how the configuration
 * writes it, what it does to a mail dialog and the line that switches it off, so that parsers and remedies read
 * the same table instead of special-casing words.
 *
 * Sources:
 * - `fixup protocol smtp PORT` (PIX ≤ 6.3, FWSM 1.x/2.x): PIX 6.3 command reference, `fixup protocol smtp`; Mailguard
 *   lets the seven RFC 821 commands through and turns others into NOOP (knowledge §2, §7.4).
 * - `inspect smtp` (FWSM 3.x+ MPF): Catalyst 6500 / 7600 FWSM configuration guide, "SMTP and Extended SMTP
 *   Inspection": "The inspect smtp command supports seven RFC 821 commands (DATA, HELO, MAIL, NOOP, QUIT, RCPT,
 *   RSET). The inspect esmtp command supports those seven commands and … EHLO …" and "If a policy map contains both
 *   the inspect smtp command and the inspect esmtp command, only the first command listed in the policy map is
 *   applied" (https://www.manualslib.com/manual/441987/Cisco-7604.html?page=511). A real FWSM 3.1(1) running-config
 *   with `inspect smtp` under `class inspection_default` is tests/fixtures/pastes/fwsm_3.1-1_running-config_inspect_smtp.txt.
 * - `inspect esmtp [MAP]` (PIX 7.x, ASA 7.0+, FWSM 3.1+, FTD's LINA): ASA command reference `inspect esmtp`; masks
 *   unknown EHLO keywords and STARTTLS unless the map has `allow-tls` (7.2(3)+/8.0(3)+ on PIX/ASA).
 */

export type SmtpInspectionBehaviour =
  /** Only the RFC 821 commands pass; EHLO is turned into NOOP, so no extension (STARTTLS included) is ever offered. */
  | 'mailguard'
  /** ESMTP-aware: EHLO passes, unknown keywords and STARTTLS are masked (X's) unless the map allows TLS. */
  | 'esmtp'

export interface SmtpInspectionSpelling {
  /** `fixup` for `fixup protocol smtp`, `inspect` for MPF `inspect KEYWORD`. */
  form: 'fixup' | 'inspect'
  keyword: 'smtp' | 'esmtp'
  behaviour: SmtpInspectionBehaviour
  /** Platforms (PlatformFamily words) whose configurations use this spelling. */
  platforms: readonly string[]
  /** The configuration line that switches it off, `{map}`/`{port}` filled by the caller. */
  removeLine: string
}

export const SMTP_INSPECTION_SPELLINGS: readonly SmtpInspectionSpelling[] = [
  {
    form: 'fixup',
    keyword: 'smtp',
    behaviour: 'mailguard',
    platforms: ['pix', 'fwsm'],
    removeLine: 'no fixup protocol smtp {port}',
  },
  { form: 'inspect', keyword: 'smtp', behaviour: 'mailguard', platforms: ['fwsm'], removeLine: 'no inspect smtp' },
  {
    form: 'inspect',
    keyword: 'esmtp',
    behaviour: 'esmtp',
    platforms: ['asa', 'pix', 'fwsm', 'ftd'],
    removeLine: 'no inspect esmtp{map}',
  },
]

/** The spelling an MPF `inspect PROTOCOL` line uses when it is SMTP inspection; null for other protocols. */
export function smtpInspectSpelling(protocol: string): SmtpInspectionSpelling | null {
  const word = protocol.toLowerCase()
  return SMTP_INSPECTION_SPELLINGS.find((s) => s.form === 'inspect' && s.keyword === word) ?? null
}
