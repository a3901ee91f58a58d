/**
 * The session log of one device connection, kept in the case as it happens: every received chunk and sent
 * line with its time (raw), every command with its cleaned output, and at the end both logs as attachments.
 * Passwords and the enable secret are never stored: the driver masks what it sends, and anything received
 * that contains a known secret (a device echoing it back) or a password field of a configuration is masked.
 */
import { JOURNAL, type JournalSink } from '../../shared/journal/events'
import { redactDeviceText } from '../../shared/redaction'
import type { TrafficEvent } from './driver-types'
import type { StepResult } from './evidence-script'

/** What the log needs of a case (CaseHandle from src/main/cases fits). */
export interface CaseSink extends JournalSink {
  attach(name: string, content: Buffer | string): { name: string }
  /** Told the secrets the rules masked, so the case removes their repeats elsewhere too (CaseHandle.learn). */
  learn?(values: readonly string[]): void
}

export const MASK = '********'
/** Raw events are written to the journal in batches: after each command, or at this size. */
const RAW_BATCH_BYTES = 256 * 1024

export interface SessionLogOptions {
  peer: string
  transport: string
  secrets: Array<string | undefined>
  now?: () => Date
}

export class SessionLog {
  private raw: string[] = []
  private rawBytes = 0
  private pendingRaw: string[] = []
  private pendingBytes = 0
  private readonly cleaned: string[] = []
  private readonly secrets: string[]
  private readonly now: () => Date
  private closed = false
  private pendingIn = ''
  private pendingInAt = new Date(0)

  constructor(
    private readonly sink: CaseSink | null,
    private readonly options: SessionLogOptions,
  ) {
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = options.secrets.filter((s): s is string => !!s && s.length >= 2).sort((a, b) => b.length - a.length)
    this.now = options.now ?? (() => new Date())
    // The session's credentials are secrets for the whole case: a repeat anywhere else is removed too.
    if (this.secrets.length > 0) this.sink?.learn?.(this.secrets)
    this.sink?.append(JOURNAL.deviceSessionOpened, { peer: options.peer, transport: options.transport })
  }

  /**
   * Masks known secrets (`********`), then everything the report's rules find, with the report's marker
   * (src/shared/redaction, one rule set for logs, journal and report: issue 14), in what was sent and received alike.
   */
  redact(text: string): string {
    let out = text
    for (const secret of this.secrets) out = out.split(secret).join(MASK)
    const redacted = redactDeviceText(out)
    if (redacted.redactions.length > 0) this.sink?.learn?.(redacted.redactions.map((r) => r.value))
    return redacted.text
  }

  /**
   * Received text is written per complete line (with the time its first byte came), so a secret split
   * across two chunks is still masked whole; sent lines are written as they go.
   */
  record(event: TrafficEvent): void {
    if (this.closed) return
    if (event.direction === 'in') {
      if (!this.pendingIn) this.pendingInAt = event.at
      this.pendingIn += event.data
      const nl = this.pendingIn.lastIndexOf('\n')
      if (nl >= 0) {
        this.writeRaw(this.pendingInAt, '<', this.pendingIn.slice(0, nl + 1))
        this.pendingIn = this.pendingIn.slice(nl + 1)
        this.pendingInAt = event.at
      }
      // A device that never ends a line must not grow this without limit.
      if (this.pendingIn.length > 64 * 1024) this.flushIn()
      return
    }
    this.flushIn()
    this.writeRaw(event.at, '>', event.secret ? MASK : event.data)
  }

  private flushIn(): void {
    if (!this.pendingIn) return
    this.writeRaw(this.pendingInAt, '<', this.pendingIn)
    this.pendingIn = ''
  }

  private writeRaw(at: Date, direction: '<' | '>', data: string): void {
    const line = `${at.toISOString()} ${direction} ${JSON.stringify(this.redact(data))}`
    this.raw.push(line)
    this.rawBytes += line.length
    this.pendingRaw.push(line)
    this.pendingBytes += line.length
    if (this.pendingBytes >= RAW_BATCH_BYTES) this.flushRaw()
  }

  step(step: StepResult): void {
    if (this.closed) return
    this.flushIn()
    const output = this.redact(step.output)
    this.cleaned.push(`${step.startedAt} ${step.prompt} ${step.command}`)
    for (const line of output.replace(/\n$/, '').split('\n'))
      if (output) this.cleaned.push(`${step.startedAt}   ${line}`)
    this.flushRaw()
    this.sink?.append(JOURNAL.deviceCommand, {
      stepId: step.stepId,
      command: step.command,
      context: step.context,
      mode: step.mode,
      failed: step.failed,
      failureText: step.failureText,
      startedAt: step.startedAt,
      elapsedMs: step.elapsedMs,
      output,
    })
  }

  /** Writes what is left and attaches both logs; returns the attachment names. */
  close(reason?: string): { raw?: string; cleaned?: string } {
    if (this.closed) return {}
    this.flushIn()
    this.flushRaw()
    this.closed = true
    if (!this.sink) return {}
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    const host = this.options.peer.replace(/^[a-z]+:\/\/(?:[^@/]*@)?/, '').replace(/[^\w.-]+/g, '_')
    const raw = this.sink.attach(`session-${host}-${stamp}-raw.log`, `${this.raw.join('\n')}\n`).name
    const cleaned = this.sink.attach(`session-${host}-${stamp}.log`, `${this.cleaned.join('\n')}\n`).name
    this.sink.append(JOURNAL.deviceSessionClosed, {
      peer: this.options.peer,
      reason,
      raw,
      cleaned,
      rawBytes: this.rawBytes,
    })
    return { raw, cleaned }
  }

  get rawLines(): readonly string[] {
    return this.raw
  }

  get cleanedLines(): readonly string[] {
    return this.cleaned
  }

  private flushRaw(): void {
    if (this.pendingRaw.length === 0) return
    this.sink?.append(JOURNAL.deviceRaw, { lines: this.pendingRaw })
    this.pendingRaw = []
    this.pendingBytes = 0
  }
}
