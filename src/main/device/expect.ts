/**
 * The expect layer of the device driver: what arrives on the channel, waiting for a condition on it with a timeout,
 * the current prompt, sending lines, and running one command to its prompt while answering the pager. It knows
 * nothing about logging in or privilege (login.ts) and runs one operation at a time only because the driver's queue
 * calls it that way (driver.ts).
 */
import { StringDecoder } from 'node:string_decoder'
import { isSameDevicePrompt, type ParsedPrompt, parsePrompt } from '../../shared/devices'
import { cleanTerminalText } from '../../shared/devices/clean'
import type { PlatformProfile } from '../../shared/devices/session-open'
import type { ByteChannel } from '../transports/channel'
import { extractOutput, findFailure } from './command-output'
import { type CommandResult, DriverError, type TrafficEvent } from './driver-types'
import { ScreenBuffer } from './screen-buffer'

export const TIMEOUT = Symbol('timeout')

export interface ExpectOptions {
  lineEnding: string
  maxOutputBytes: number
  promptTimeoutMs: number
  onTraffic?: (event: TrafficEvent) => void
}

export class Expect {
  readonly buffer = new ScreenBuffer()
  private readonly trafficDecoder = new StringDecoder('utf8')
  private waiter: { check: () => void; fail: (error: Error) => void } | null = null
  private closedError: DriverError | null = null
  private readonly unsubscribe: Array<() => void>
  /** The prompt as last seen; null until the login layer found the first one. */
  prompt: ParsedPrompt | null = null
  /** Set when a wait timed out mid-command: the next command first finds the prompt again. */
  desynced = false

  constructor(
    private readonly channel: ByteChannel,
    private readonly options: ExpectOptions,
  ) {
    this.unsubscribe = [
      channel.onData((chunk) => {
        this.buffer.push(chunk)
        if (options.onTraffic) {
          // Its own decoder: a character split across two chunks is logged whole, in the second one.
          const data = this.trafficDecoder.write(chunk)
          if (data) options.onTraffic({ direction: 'in', data, at: new Date() })
        }
        this.waiter?.check()
      }),
      channel.onClose(() => {
        this.closedError = new DriverError('closed', { peer: channel.peer })
        this.waiter?.fail(this.closedError)
      }),
    ]
  }

  get peer(): string {
    return this.channel.peer
  }

  requirePrompt(): ParsedPrompt {
    if (!this.prompt) throw new DriverError('promptTimeout', { seen: '' })
    return this.prompt
  }

  sendLine(text: string, secret = false): void {
    this.channel.write(text + this.options.lineEnding)
    this.options.onTraffic?.({ direction: 'out', data: secret ? '********' : text, secret, at: new Date() })
  }

  write(key: string): void {
    this.channel.write(key)
    this.options.onTraffic?.({ direction: 'out', data: key, secret: false, at: new Date() })
  }

  /** Resolves with the first non-undefined value of `check` (run now and on every chunk), or TIMEOUT. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number): Promise<T | typeof TIMEOUT> {
    if (this.closedError) return Promise.reject(this.closedError)
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        this.waiter = null
      }
      const timer = setTimeout(() => {
        done()
        resolve(TIMEOUT)
      }, timeoutMs)
      this.waiter = {
        check: () => {
          const value = check()
          if (value !== undefined) {
            done()
            resolve(value)
          }
        },
        fail: (error) => {
          done()
          reject(error)
        },
      }
      this.waiter.check()
    })
  }

  /** Sends one command and collects its output until the same device's prompt returns, answering the pager. */
  async execute(command: string, timeoutMs: number, profile: PlatformProfile): Promise<CommandResult> {
    if (this.desynced) await this.resync(profile)
    const known = this.requirePrompt()
    const startedAt = new Date()
    const t0 = performance.now()
    this.buffer.take()
    const startBytes = this.buffer.bytes
    // Complete lines move out of the screen buffer as they arrive, so a 20,000-line configuration is copied once,
    // not re-scanned on every chunk.
    const parts: string[] = []
    let sawLine = false
    this.sendLine(command)
    const { more, continueKey } = profile.paging
    const outcome = await this.waitFor(() => {
      if (this.buffer.bytes - startBytes > this.options.maxOutputBytes) return { kind: 'limit' as const }
      const last = this.buffer.lastLine()
      if (more.test(last)) {
        // Keep what came before the pager prompt; the prompt and its erase sequence are not output.
        this.buffer.dropLastLine()
        const before = this.buffer.take()
        if (before) {
          parts.push(cleanTerminalText(before))
          sawLine = true
        }
        this.write(continueKey)
        return undefined
      }
      const lines = this.buffer.takeCompleteLines()
      if (lines) {
        parts.push(cleanTerminalText(lines))
        sawLine = true
      }
      if (!sawLine) return undefined
      const prompt = isSameDevicePrompt(last, known)
      return prompt ? { kind: 'prompt' as const, prompt } : undefined
    }, timeoutMs)
    parts.push(cleanTerminalText(this.buffer.take()))
    // Cleaned piece by piece as it arrived; only the last line is left to clean here.
    const collected = parts.join('')
    const elapsedMs = Math.round(performance.now() - t0)
    const base = { command, startedAt: startedAt.toISOString(), elapsedMs }
    if (outcome === TIMEOUT || outcome.kind === 'limit') {
      this.desynced = true
      const output = extractOutput(collected, command, false, true)
      const failureText = outcome === TIMEOUT ? 'timeout' : 'output-limit'
      return { ...base, output, mode: known.mode, failed: true, failureText }
    }
    this.prompt = outcome.prompt
    const output = extractOutput(collected, command, true, true)
    const failureLine = findFailure(output, profile.failure)
    return {
      ...base,
      output,
      mode: outcome.prompt.mode,
      failed: failureLine !== null,
      failureText: failureLine ?? undefined,
    }
  }

  /** After a timeout: leave a pager, send an empty line and wait for a prompt again. */
  private async resync(profile: PlatformProfile): Promise<void> {
    if (profile.paging.more.test(this.buffer.lastLine())) this.write('q')
    this.buffer.take()
    this.sendLine('')
    const prompt = await this.waitFor(() => {
      const p = parsePrompt(this.buffer.lastLine())
      return p && this.buffer.value.includes('\n') ? p : undefined
    }, this.options.promptTimeoutMs)
    if (prompt === TIMEOUT) throw new DriverError('desynchronised', { peer: this.channel.peer })
    this.buffer.take()
    this.prompt = prompt
    this.desynced = false
  }

  dispose(): void {
    for (const off of this.unsubscribe) off()
    this.waiter?.fail(new DriverError('closed', { peer: this.channel.peer }))
  }
}
