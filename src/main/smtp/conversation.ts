/**
 * The SMTP steps of a probe after the TCP connection is open. Each step is a phase of the recorder; a
 * failed read stops the probe with that phase and the channel's reason (ProbeStop), while answers that
 * are merely unwelcome (a 554 banner, a refused STARTTLS) are recorded and the probe goes on to QUIT.
 */
import type { Socket } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { parseEhloReply, type SmtpReply } from '../../shared/evidence/smtp-reply'
import { ambiguousMasks, starttlsReason } from '../../shared/probe/starttls-proof'
import { isIpLiteral } from '../../shared/probe/target'
import type {
  ProbeGreeting,
  ProbeMode,
  ProbeOptions,
  ProbeResult,
  ProbeTarget,
  ProbeTestMessage,
  ProbeTimeouts,
} from '../../shared/probe/types'
import { handshakeTls, type Opened } from './connect'
import { ProbeStop } from './probe-stop'
import type { ProbeRecorder } from './recorder'
import type { SmtpChannel } from './smtp-channel'
import { testMessageLines } from './test-message'
import { describeTls } from './tls-report'
import { trustContext } from './trust-store'

/** A server that has answered everything else but not QUIT is not worth the full reply time. */
const QUIT_WAIT_MS = 5_000

export interface ConversationContext {
  target: ProbeTarget
  options: ProbeOptions
  timeouts: ProbeTimeouts
  rec: ProbeRecorder
  channel: SmtpChannel
  result: ProbeResult
  /** The name the certificate must carry. */
  hostname: string
  remaining: () => number
  step: <T>(work: Promise<T>, release?: (value: T) => void) => Promise<T>
  /** Hands every socket opened here to the probe, which closes them all when it ends. */
  track: (socket: Socket) => void
}

export class Conversation {
  constructor(private readonly c: ConversationContext) {}

  async run(mode: ProbeMode): Promise<void> {
    const { rec, result, options } = this.c
    rec.begin('banner')
    result.banner = await this.ask(null)
    if (result.banner.code !== 220) return this.quit()
    result.greeting = await this.greet('ehlo')
    if (result.greeting.reply.code !== 250) return this.quit()
    if (mode === 'starttls') {
      const secured = await this.starttls(result.greeting)
      if (secured) {
        this.c.channel.attach(secured)
        result.greetingAfterTls = await this.greet('ehlo2')
        if (result.greetingAfterTls.reply.code !== 250) return this.quit()
      }
    }
    if (options.message) await this.sendMessage(options.message)
    await this.quit()
  }

  /** TLS handshake on an open socket: implicit TLS right after connect, or after `220` to STARTTLS. */
  async handshake(socket: Socket): Promise<TLSSocket> {
    const { rec, result, options, hostname, timeouts } = this.c
    rec.begin('tls')
    const opened: Opened<TLSSocket> = await this.c.step(
      handshakeTls(
        {
          socket,
          servername: isIpLiteral(hostname) ? undefined : hostname,
          secureContext: trustContext(options.tls?.ca, options.tls?.legacy === true),
        },
        this.within(timeouts.tlsMs),
        this.c.track,
      ),
      (late) => {
        if (late.ok) late.socket.destroy()
      },
    )
    if (!opened.ok) {
      result.tls = { established: false, chain: [], error: opened.message }
      rec.note('tlsFailed', { error: opened.message })
      const total = opened.code === 'tls-timeout' && this.c.remaining() <= 1
      throw new ProbeStop({ phase: 'tls', code: total ? 'total-timeout' : opened.code, message: opened.message })
    }
    result.tls = describeTls(opened.socket, hostname)
    rec.note('tlsEstablished', { protocol: result.tls.protocol ?? '?', cipher: result.tls.cipher ?? '?' })
    rec.end('ok')
    return opened.socket
  }

  private async greet(phase: 'ehlo' | 'ehlo2'): Promise<ProbeGreeting> {
    const name = this.c.result.target.ehloName
    this.c.rec.begin(phase)
    const ehlo = await this.ask(`EHLO ${name}`)
    if (ehlo.code >= 500 && phase === 'ehlo') {
      const helo = await this.ask(`HELO ${name}`)
      return { command: 'HELO', reply: helo, ehloRefused: ehlo, extensions: [] }
    }
    const view = parseEhloReply(ehlo)
    return {
      command: 'EHLO',
      reply: ehlo,
      extensions: ehlo.code === 250 ? view.extensions : [],
      extensionBeforeGreeting: view.extensionBeforeGreeting ?? undefined,
    }
  }

  /**
   * Sends STARTTLS (even unadvertised, unless switched off — and then still when a masked line could hide it, so
   * the reply proves what the mask was); returns the TLS socket when the server agreed.
   */
  private async starttls(greeting: ProbeGreeting): Promise<TLSSocket | null> {
    const { rec, result, channel, options } = this.c
    const advertised = greeting.extensions.some((e) => e.keyword === 'STARTTLS')
    const masked = greeting.extensions.some((e) => e.masked !== null)
    const starttls: NonNullable<ProbeResult['starttls']> = { advertised, masked, sent: false }
    const ambiguous = advertised ? [] : ambiguousMasks(greeting.extensions)
    if (ambiguous.length > 0) starttls.ambiguousMasks = ambiguous
    result.starttls = starttls
    const reason = starttlsReason(starttls, options.starttlsAlways !== false)
    if (!reason) return null
    rec.begin('starttls')
    starttls.reply = await this.ask('STARTTLS')
    starttls.sent = true
    starttls.sentBecause = reason
    if (starttls.reply.code !== 220) return null
    const detached = channel.detach()
    if (!detached) throw this.channelStop()
    if (detached.discardedBytes > 0) rec.note('discarded', { bytes: detached.discardedBytes })
    return this.handshake(detached.socket)
  }

  private async sendMessage(message: ProbeTestMessage): Promise<void> {
    const report: NonNullable<ProbeResult['message']> = {
      outcome: 'not-sent',
      dkimSignature: message.dkimSignature === true,
    }
    this.c.result.message = report
    this.c.rec.begin('message')
    const steps: Array<[string, number[]]> = [
      [`MAIL FROM:<${message.from}>`, [250]],
      [`RCPT TO:<${message.to}>`, [250, 251]],
      ['DATA', [354]],
    ]
    for (const [command, wanted] of steps) {
      const reply = await this.ask(command)
      if (!wanted.includes(reply.code)) {
        report.outcome = 'rejected'
        report.reply = reply
        return
      }
    }
    report.lines = testMessageLines(message)
    if (!this.c.channel.sendData(report.lines)) throw this.channelStop()
    try {
      report.reply = await this.ask(null)
      report.outcome = report.reply.code === 250 ? 'accepted' : 'rejected'
    } catch (error) {
      if (error instanceof ProbeStop && ['closed', 'reply-timeout'].includes(error.error.code))
        report.outcome = 'dropped'
      throw error
    }
  }

  private async quit(): Promise<void> {
    const { rec, channel, result } = this.c
    rec.begin('quit')
    if (!channel.send('QUIT')) return rec.end('failed')
    const read = await this.c.step(channel.readReply(Math.min(QUIT_WAIT_MS, this.within(this.c.timeouts.replyMs))))
    if (read.ok) {
      result.quit = read.reply
      rec.end('ok')
    } else {
      rec.note('noQuitReply', { error: read.failure.message })
      rec.end('failed')
    }
  }

  /** Sends a command (or nothing, for the banner and the end of DATA) and reads the whole reply. */
  private async ask(command: string | null): Promise<SmtpReply> {
    const { channel, rec } = this.c
    if (command !== null && !channel.send(command)) throw this.channelStop()
    const read = await this.c.step(channel.readReply(this.within(this.c.timeouts.replyMs)))
    if (read.ok) return read.reply
    // A reply deadline cut short by the probe's own deadline is the total timeout, whichever timer fired first.
    const total = read.failure.code === 'reply-timeout' && this.c.remaining() <= 1
    throw new ProbeStop({
      phase: rec.phase,
      code: total ? 'total-timeout' : read.failure.code,
      message: total ? `the probe took longer than ${this.c.timeouts.totalMs} ms` : read.failure.message,
    })
  }

  private channelStop(): ProbeStop {
    const failure = this.c.channel.failure ?? { code: 'closed' as const, message: 'the connection is closed' }
    return new ProbeStop({ phase: this.c.rec.phase, code: failure.code, message: failure.message })
  }

  private within(ms: number): number {
    return Math.max(1, Math.min(ms, this.c.remaining()))
  }
}
