/**
 * What an inspecting path does to the lines of one EHLO reply.
 *
 * ASA `inspect esmtp` (pix-asa-smtp-inspection.md §7.2): a masked line keeps its length; every character after
 * `250-` becomes X except the last, which is a running letter over the masked lines of that reply (`XXXA`,
 * `XXXXXXXB`, … `XI`). Source: an Exchange 2003 EHLO reply behind an ASA, hard-coded in a public pcap
 * generator (code index id 45364974905): `250-XXXA` (TURN), SIZE, ETRN, PIPELINING, DSN, ENHANCEDSTATUSCODES,
 * 8bitmime, BINARYMIME passed, `XXXXXXXB` (CHUNKING), `XXXC` (VRFY), a 24-character mask for
 * `X-EXPS GSSAPI NTLM LOGIN` (parameters are masked with the keyword), `AUTH GSSAPI NTLM LOGIN` passed, and
 * `AUTH=LOGIN`, X-LINK2STATE, XEXCH50 and the closing `OK` masked (`XXXXXXXXXF`, `XXXXXXXXXXXG`, `XXXXXXH`, `XI`).
 * STARTTLS is masked by `no allow-tls` (CFG9; T118550 `250 XXXXXXXA` after 8BITMIME and SIZE, which pass).
 * Unconfirmed: what follows `Z` after 26 masked lines, and whether SMTPUTF8 (younger than that capture) is an
 * "others" keyword; the lab masks it, as every keyword not seen passing.
 *
 * Mail gateways that delete lines instead (F-Secure Internet Gatekeeper removes CHUNKING, BINARYMIME, PIPELINING
 * and STARTTLS, §7.5): the line is gone, and when it was the last one the line before it becomes the last.
 */

/** Keywords the default map's `match ehlo-reply-parameter others mask` was seen to let through. */
const PASSES_DEFAULT_MAP = new Set([
  'SIZE',
  'ETRN',
  'PIPELINING',
  'DSN',
  'ENHANCEDSTATUSCODES',
  '8BITMIME',
  'BINARYMIME',
  'AUTH',
])

export interface EhloRules {
  /** `no allow-tls`: the STARTTLS line is masked. */
  maskStarttls: boolean
  /** `match ehlo-reply-parameter others` with `mask`: every keyword not in the pass list is masked. */
  maskOthers: boolean
  /** Keywords whose lines are deleted (a gateway, not an ASA). */
  remove: ReadonlySet<string>
}

const LINE = /^(\d{3})([- ]?)(.*)$/

export class EhloReplyRewriter {
  private seen = 0
  private masked = 0
  /** The last kept line, held back while lines may still be deleted after it. */
  private held: string | undefined

  constructor(
    private readonly rules: EhloRules,
    private readonly onMask: () => void = () => {},
  ) {}

  /** One line of the reply, with its line end; returns the lines (with endings) that go to the client now. */
  line(line: string): string[] {
    const body = line.replace(/\r?\n$/, '')
    const ending = line.slice(body.length)
    const m = LINE.exec(body)
    const first = this.seen++ === 0
    if (!m) return this.keep(line, false)
    const last = m[2] !== '-'
    const text = m[3]!
    const keyword = (text.split(' ')[0] ?? '').toUpperCase()
    if (!first && this.rules.remove.has(keyword)) return this.drop(last)
    if (!first && this.masks(keyword) && text.length > 0) {
      this.onMask()
      const letter = String.fromCharCode(65 + (this.masked++ % 26))
      return this.keep(`${m[1]}${m[2]}${'X'.repeat(text.length - 1)}${letter}${ending}`, last)
    }
    return this.keep(line, last)
  }

  private masks(keyword: string): boolean {
    if (keyword === 'STARTTLS') return this.rules.maskStarttls
    return this.rules.maskOthers && !PASSES_DEFAULT_MAP.has(keyword)
  }

  private keep(line: string, last: boolean): string[] {
    if (this.rules.remove.size === 0) return [line]
    const out = this.held === undefined ? [] : [this.held]
    this.held = last ? undefined : line
    return last ? [...out, line] : out
  }

  /** A deleted line; if it was the last, the held line is sent as the last (`250-` becomes `250 `). */
  private drop(last: boolean): string[] {
    if (!last || this.held === undefined) return []
    const held = this.held.replace(/^(\d{3})-/, '$1 ')
    this.held = undefined
    return [held]
  }
}
