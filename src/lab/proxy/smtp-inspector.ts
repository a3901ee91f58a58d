/**
 * The SMTP inspection engine of one connection, as a pure state machine: bytes in from either side, bytes out to
 * either side (or a reset). It is the lab's own reading of SMTP and shares nothing with src/shared or src/main.
 *
 * Model (see pix-asa-smtp-inspection.md §1.3, §2, §3, §7):
 * - esmtp: only the 15 allowed verbs pass (plus STARTTLS with allow-tls); anything else is overwritten with X's of
 *   the same length. In an EHLO reply, STARTTLS is masked unless allow-tls, and with the default map every other
 *   keyword the map does not pass is masked too, the last letter running A, B, C… over the masked lines
 *   (ehlo-rewrite.ts, §7.2). The banner text is asterisked with mask-banner. With allow-tls, once the server
 *   answers 220 to STARTTLS the rest is relayed untouched.
 * - mailguard: only the 7 RFC 821 verbs; every other command, EHLO included, becomes a NOOP of the same length on
 *   the way, so the *server* answers it: the firewall never writes an SMTP reply of its own (§7.4: cisco-nsp 2004
 *   "bad commands become NOOP … the PIX cannot itself send 502"; T4733). Banner characters other than 2, 0 and
 *   space become `*`.
 * - delete-lines: a mail gateway (not Cisco) that deletes EHLO lines and relays everything else (§7.5).
 * - A segment of 1-3 bytes that starts a command without a line end is a keystroke of a character-mode telnet: it is
 *   X-ed at once and the rest of that line with it (as Cisco's TechNote 113423 describes). Longer fragments are held
 *   until their line end, so commands split across TCP segments and pipelined commands work.
 * - Command lines longer than 512 bytes drop the connection (`match cmd line length gt 512` of the default map).
 */
import { EhloReplyRewriter } from './ehlo-rewrite'
import { HeaderScanner } from './header-scanner'
import type { FlowNames, InspectionCounters, InspectionPolicy } from './policy'

export type InspectorOutput = { to: 'server' | 'client'; data: Buffer } | { action: 'reset' | 'drop'; reason: string }

type ActivePolicy = Exclude<InspectionPolicy, { kind: 'off' }>

const ESMTP_ALLOWED = new Set([
  'HELO',
  'MAIL',
  'RCPT',
  'DATA',
  'RSET',
  'NOOP',
  'QUIT',
  'AUTH',
  'EHLO',
  'ETRN',
  'HELP',
  'SAML',
  'SEND',
  'SOML',
  'VRFY',
])
const MAILGUARD_ALLOWED = new Set(['HELO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'NOOP', 'QUIT'])
const MAX_COMMAND_LINE = 512
const MAX_HELD_BYTES = 1024 * 1024
const MAX_SERVER_LINE = 64 * 1024
const MAX_RECIPIENTS = 100
const DEFAULT_MAP = '_default_esmtp_map'

export class SmtpInspector {
  private clientState: 'command' | 'await-data' | 'data' | 'await-tls' | 'passthrough' = 'command'
  private clientLine = ''
  private taintedLine = false
  private held: Buffer[] = []
  private heldBytes = 0
  private serverLine = ''
  /** Verbs whose replies the server still owes, oldest first. */
  private pending: string[] = ['BANNER']
  private ehlo: EhloReplyRewriter | undefined
  private dataTail = ''
  private headers: HeaderScanner | undefined
  /** RCPT commands in the current mail transaction (the default map drops the connection above 100). */
  private recipients = 0
  private ended = false

  constructor(
    private readonly policy: ActivePolicy,
    private readonly counters: InspectionCounters,
    private readonly log: (message: string) => void = () => {},
    private readonly flow: FlowNames = { client: 'outside:0.0.0.0/0', server: 'inside:0.0.0.0/25' },
  ) {}

  fromClient(chunk: Buffer): InspectorOutput[] {
    const out: InspectorOutput[] = []
    if (this.ended) return out
    this.counters.packet += 1
    this.clientBytes(chunk, out, true)
    return out
  }

  fromServer(chunk: Buffer): InspectorOutput[] {
    const out: InspectorOutput[] = []
    if (this.ended) return out
    this.counters.packet += 1
    if (this.clientState === 'passthrough') {
      out.push({ to: 'client', data: chunk })
      return out
    }
    let text = chunk.toString('latin1')
    while (text.length > 0) {
      const lf = text.indexOf('\n')
      if (lf === -1) {
        this.serverLine += text
        if (this.serverLine.length > MAX_SERVER_LINE) this.end(out, 'drop', 'server line too long')
        return out
      }
      const line = this.serverLine + text.slice(0, lf + 1)
      text = text.slice(lf + 1)
      this.serverLine = ''
      this.serverReplyLine(line, out)
      if (this.ended) return out
      if (this.relaying()) {
        if (text.length > 0) out.push({ to: 'client', data: Buffer.from(text, 'latin1') })
        return out
      }
    }
    return out
  }

  /** True once TLS was allowed to start: from then on bytes are relayed untouched. */
  private relaying(): boolean {
    return this.clientState === 'passthrough'
  }

  // ---- client to server ----

  private clientBytes(chunk: Buffer, out: InspectorOutput[], isSegment: boolean): void {
    switch (this.clientState) {
      case 'passthrough':
        out.push({ to: 'server', data: chunk })
        return
      case 'await-data':
      case 'await-tls':
        this.hold(chunk, out)
        return
      case 'data':
        this.dataBytes(chunk, out)
        return
      case 'command':
        this.commandBytes(chunk, out, isSegment)
    }
  }

  private hold(chunk: Buffer, out: InspectorOutput[]): void {
    this.held.push(chunk)
    this.heldBytes += chunk.length
    if (this.heldBytes > MAX_HELD_BYTES) this.end(out, 'drop', 'too much data before the server replied')
  }

  private commandBytes(chunk: Buffer, out: InspectorOutput[], isSegment: boolean): void {
    let text = chunk.toString('latin1')
    if (isSegment && this.clientLine === '' && !this.taintedLine && text.length < 4 && !text.includes('\n')) {
      // A keystroke, not a command: the engine cannot hold it as a command and masks it.
      this.taintedLine = true
      this.counters.commandsMasked += 1
      out.push({ to: 'server', data: Buffer.from(text.replace(/[^\r]/g, 'X'), 'latin1') })
      return
    }
    while (text.length > 0 && this.clientState === 'command' && !this.ended) {
      const lf = text.indexOf('\n')
      if (lf === -1) {
        if (this.taintedLine) {
          out.push({ to: 'server', data: Buffer.from(text.replace(/[^\r]/g, 'X'), 'latin1') })
          return
        }
        this.clientLine += text
        if (this.clientLine.length > MAX_COMMAND_LINE) this.tooLong(out)
        return
      }
      const piece = text.slice(0, lf + 1)
      text = text.slice(lf + 1)
      if (this.taintedLine) {
        this.taintedLine = false
        out.push({ to: 'server', data: Buffer.from(piece.replace(/[^\r\n]/g, 'X'), 'latin1') })
        this.pending.push('X')
        continue
      }
      const line = this.clientLine + piece
      this.clientLine = ''
      if (line.replace(/\r?\n$/, '').length > MAX_COMMAND_LINE) {
        this.tooLong(out)
        return
      }
      this.commandLine(line, out)
    }
    if (text.length > 0 && !this.ended) this.clientBytes(Buffer.from(text, 'latin1'), out, false)
  }

  private tooLong(out: InspectorOutput[]): void {
    this.counters.cmdLineTooLong += 1
    this.dropByMatch(out, 1, 'cmd line length gt 512')
  }

  /** A default-map `match … drop-connection log` fired: syslog 108004, then the connection goes. */
  private dropByMatch(out: InspectorOutput[], classNumber: number, match: string): void {
    this.counters.drop += 1
    this.log(
      `%ASA-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from ${this.flow.client} to ${this.flow.server}; matched Class ${classNumber}: ${match}`,
    )
    this.end(out, 'drop', match)
  }

  private commandLine(line: string, out: InspectorOutput[]): void {
    const body = line.replace(/\r?\n$/, '')
    const ending = line.slice(body.length)
    const verb = (body.split(' ')[0] ?? '').toUpperCase()
    if (this.policy.kind === 'mailguard') {
      this.mailguardCommand(verb, body, ending, out)
      return
    }
    const allowed =
      this.policy.kind === 'delete-lines' || ESMTP_ALLOWED.has(verb) || (verb === 'STARTTLS' && this.policy.allowTls)
    if (!allowed) {
      this.counters.commandsMasked += 1
      out.push({ to: 'server', data: Buffer.from('X'.repeat(body.length) + ending, 'latin1') })
      this.pending.push('X')
      return
    }
    if (
      verb === 'RCPT' &&
      this.policy.kind === 'esmtp' &&
      this.policy.map === DEFAULT_MAP &&
      ++this.recipients > MAX_RECIPIENTS
    ) {
      this.counters.rcptTooMany += 1
      this.dropByMatch(out, 2, 'cmd RCPT count gt 100')
      return
    }
    if (verb === 'MAIL' || verb === 'RSET' || verb === 'HELO' || verb === 'EHLO') this.recipients = 0
    out.push({ to: 'server', data: Buffer.from(line, 'latin1') })
    this.pending.push(verb)
    if (verb === 'DATA') this.clientState = 'await-data'
    if (verb === 'STARTTLS') this.clientState = 'await-tls'
  }

  private mailguardCommand(verb: string, body: string, ending: string, out: InspectorOutput[]): void {
    if (!MAILGUARD_ALLOWED.has(verb)) {
      // EHLO too: it reaches the server as a NOOP, and the server's own reply (typically `250 OK`) comes back.
      this.counters.commandsMasked += 1
      const noop = body.length >= 5 ? `NOOP ${'X'.repeat(body.length - 5)}` : 'X'.repeat(body.length)
      out.push({ to: 'server', data: Buffer.from(noop + ending, 'latin1') })
      this.pending.push('NOOP')
      return
    }
    out.push({ to: 'server', data: Buffer.from(body + ending, 'latin1') })
    this.pending.push(verb)
    if (verb === 'DATA') this.clientState = 'await-data'
  }

  private dataBytes(chunk: Buffer, out: InspectorOutput[]): void {
    const text = chunk.toString('latin1')
    const window = this.dataTail + text
    const end = window.indexOf('\r\n.\r\n')
    const cut = end === -1 ? text.length : end + 5 - this.dataTail.length
    const body = text.slice(0, cut)
    const finding = this.headers?.feed(body)
    if (finding === 'signature-header') {
      this.counters.resetDrop += 1
      this.log(
        `%ASA-4-507003: tcp flow from ${this.flow.client} to ${this.flow.server} terminated by inspection engine, reason - inspector disconnected, dropped packet.`,
      )
      this.end(out, 'reset', 'duplicate header bug (DKIM/DomainKeys signature header)')
      return
    }
    if (finding === 'header-line-too-long') {
      this.counters.headerLineTooLong += 1
      this.dropByMatch(out, 4, 'header line length gt 998')
      return
    }
    out.push({ to: 'server', data: Buffer.from(body, 'latin1') })
    if (end === -1) {
      this.dataTail = window.slice(-4)
      return
    }
    this.clientState = 'command'
    this.pending.push('END-OF-DATA')
    const rest = text.slice(cut)
    if (rest.length > 0) this.clientBytes(Buffer.from(rest, 'latin1'), out, false)
  }

  // ---- server to client ----

  private serverReplyLine(line: string, out: InspectorOutput[]): void {
    const verb = this.pending[0] ?? ''
    const shown = verb === 'BANNER' ? [this.maskBanner(line)] : verb === 'EHLO' ? this.rewriteEhlo(line) : [line]
    for (const l of shown) out.push({ to: 'client', data: Buffer.from(l, 'latin1') })
    if (!/^\d{3}(?!-)/.test(line)) return
    this.pending.shift()
    this.ehlo = undefined
    const code = Number(line.slice(0, 3))
    if (verb === 'DATA') this.afterDataReply(code, out)
    if (verb === 'STARTTLS') this.afterTlsReply(code, out)
  }

  /** One line of an EHLO reply, through a rewriter that lives for that one reply (its running letter too). */
  private rewriteEhlo(line: string): string[] {
    const policy = this.policy
    if (policy.kind === 'mailguard') return [line]
    this.ehlo ??= new EhloReplyRewriter(
      policy.kind === 'esmtp'
        ? {
            maskStarttls: !policy.allowTls,
            maskOthers: policy.maskOthers ?? policy.map === DEFAULT_MAP,
            remove: new Set(),
          }
        : { maskStarttls: false, maskOthers: false, remove: new Set(policy.remove.map((k) => k.toUpperCase())) },
      () => {
        this.counters.ehloMask += 1
      },
    )
    return this.ehlo.line(line)
  }

  private maskBanner(line: string): string {
    const body = line.replace(/\r?\n$/, '')
    const ending = line.slice(body.length)
    if (this.policy.kind === 'mailguard') {
      this.counters.maskBanner += 1
      return body.replace(/[^20 ]/g, '*') + ending
    }
    if (this.policy.kind !== 'esmtp' || !this.policy.maskBanner) return line
    this.counters.maskBanner += 1
    return body.slice(0, 4) + '*'.repeat(Math.max(0, body.length - 4)) + ending
  }

  private afterDataReply(code: number, out: InspectorOutput[]): void {
    this.clientState = code === 354 ? 'data' : 'command'
    this.dataTail = '\r\n'
    this.headers = new HeaderScanner({
      signatures: this.policy.kind !== 'delete-lines' && this.policy.duplicateHeaderBug,
      lineLength: this.policy.kind === 'esmtp' && this.policy.map === DEFAULT_MAP,
    })
    this.recipients = 0
    this.release(out)
  }

  private afterTlsReply(code: number, out: InspectorOutput[]): void {
    if (code === 220) {
      this.clientState = 'passthrough'
      this.counters.tlsAllowed += 1
      if (this.policy.kind === 'esmtp' && this.policy.logTls) {
        this.log(
          `%ASA-6-108007: TLS started on ESMTP session between client ${this.flow.client} and server ${this.flow.server}`,
        )
      }
    } else {
      this.clientState = 'command'
    }
    this.release(out)
  }

  private release(out: InspectorOutput[]): void {
    const held = Buffer.concat(this.held)
    this.held = []
    this.heldBytes = 0
    if (held.length > 0) this.clientBytes(held, out, false)
  }

  private end(out: InspectorOutput[], action: 'reset' | 'drop', reason: string): void {
    this.ended = true
    out.push({ action, reason })
  }
}
