/**
 * The prompt-state machine. It reads device behaviour from src/shared/devices and talks through any
 * ByteChannel (SSH shell, telnet, serial): logs in, enters enable, turns paging off and runs one command
 * at a time. A line is only sent once the previous one has echoed and the prompt is back, which is also
 * what keeps an inspecting firewall from seeing partial lines.
 */
import { StringDecoder } from 'node:string_decoder'
import {
  type DeviceProfile,
  isSameDevicePrompt,
  type ParsedPrompt,
  PROFILES,
  parsePrompt,
  platformFromPrompt,
} from '../../shared/devices'
import { cleanTerminalText } from '../../shared/devices/clean'
import { LOGIN_FAILURES, PASSWORD_PROMPT, USERNAME_PROMPT } from '../../shared/devices/common'
import type { ByteChannel } from '../transports/channel'
import { extractOutput, findFailure } from './command-output'
import { type CommandResult, type Credentials, DriverError, type TrafficEvent } from './driver-types'
import { ScreenBuffer } from './screen-buffer'
import { SerialQueue } from './serial-queue'

export interface DriverOptions {
  credentials: Credentials
  /** Forces a platform; otherwise guessed from the prompt and refined with setProfile() after `show version`. */
  profile?: DeviceProfile
  promptTimeoutMs?: number
  commandTimeoutMs?: number
  /** Quiet time after which an empty line is sent once to wake a console up. */
  nudgeAfterMs?: number
  maxOutputBytes?: number
  lineEnding?: string
  onTraffic?: (event: TrafficEvent) => void
}

export interface RunOptions {
  timeoutMs?: number
}

type LoginState = { kind: 'prompt'; prompt: ParsedPrompt } | { kind: 'username' } | { kind: 'password' }

const TIMEOUT = Symbol('timeout')
const LOGIN_BUFFER_CHARS = 256 * 1024

export class DeviceDriver {
  private readonly buffer = new ScreenBuffer()
  private readonly trafficDecoder = new StringDecoder('utf8')
  private waiter: { check: () => void; fail: (error: Error) => void } | null = null
  private readonly queue = new SerialQueue()
  private current: ParsedPrompt | null = null
  private desynced = false
  private closedError: DriverError | null = null
  profile: DeviceProfile
  /** A platform given by the caller is kept even if `show version` says otherwise. */
  private readonly forcedProfile: boolean
  private readonly unsubscribe: Array<() => void>
  private readonly opts: Required<Omit<DriverOptions, 'profile' | 'onTraffic'>> & Pick<DriverOptions, 'onTraffic'>

  constructor(
    private readonly channel: ByteChannel,
    options: DriverOptions,
  ) {
    this.profile = options.profile ?? PROFILES.asa
    this.opts = {
      credentials: options.credentials,
      promptTimeoutMs: options.promptTimeoutMs ?? 20_000,
      commandTimeoutMs: options.commandTimeoutMs ?? 60_000,
      nudgeAfterMs: options.nudgeAfterMs ?? 1_500,
      maxOutputBytes: options.maxOutputBytes ?? 32 * 1024 * 1024,
      lineEnding: options.lineEnding ?? '\r',
      onTraffic: options.onTraffic,
    }
    this.forcedProfile = options.profile !== undefined
    this.unsubscribe = [
      channel.onData((chunk) => {
        this.buffer.push(chunk)
        if (this.opts.onTraffic) {
          // Its own decoder: a character split across two chunks is logged whole, in the second one.
          const data = this.trafficDecoder.write(chunk)
          if (data) this.opts.onTraffic({ direction: 'in', data, at: new Date() })
        }
        this.waiter?.check()
      }),
      channel.onClose(() => {
        this.closedError = new DriverError('closed', { peer: channel.peer })
        this.waiter?.fail(this.closedError)
      }),
    ]
  }

  get prompt(): ParsedPrompt | null {
    return this.current
  }

  /** True while the driver owns the line; the terminal holds the user's keystrokes meanwhile. */
  get busy(): boolean {
    return this.queue.busy
  }

  onIdle(listener: () => void): () => void {
    return this.queue.onIdle(listener)
  }

  /** Switches to the platform `show version` revealed (unless one was forced). */
  setProfile(profile: DeviceProfile): void {
    if (!this.forcedProfile) this.profile = profile
  }

  /** Waits for the first prompt, answering username/password prompts on the way. */
  open(): Promise<ParsedPrompt> {
    return this.queue.run(() => this.login())
  }

  /** Enters privileged mode with the enable secret, or ASA's `login` as a local user when that fails. */
  enable(): Promise<ParsedPrompt> {
    return this.queue.run(() => this.escalate())
  }

  /** Switches paging off; returns the command that worked, or null (the pager is then answered as it comes). */
  disablePaging(): Promise<string | null> {
    return this.queue.run(async () => {
      for (const command of this.profile.paging.disable) {
        const result = await this.execute(command, this.opts.promptTimeoutMs)
        if (!result.failed) return command
      }
      return null
    })
  }

  run(command: string, options: RunOptions = {}): Promise<CommandResult> {
    return this.queue.run(() => this.execute(command, options.timeoutMs ?? this.opts.commandTimeoutMs))
  }

  dispose(): void {
    for (const off of this.unsubscribe) off()
    this.waiter?.fail(new DriverError('closed', { peer: this.channel.peer }))
  }

  private async login(): Promise<ParsedPrompt> {
    const { username, password } = this.opts.credentials
    const deadline = Date.now() + this.opts.promptTimeoutMs
    let nudged = false
    let usernames = 0
    let passwords = 0
    for (;;) {
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new DriverError('promptTimeout', { seen: this.buffer.lastLine().slice(-80) })
      const wait = nudged ? remaining : Math.min(remaining, this.opts.nudgeAfterMs)
      const state = await this.waitFor(() => this.loginState(), wait)
      if (state === TIMEOUT) {
        if (!nudged) {
          nudged = true
          this.sendLine('')
        }
        continue
      }
      const refused = LOGIN_FAILURES.some((re) => re.test(this.buffer.value))
      if (state.kind === 'prompt') {
        this.buffer.take()
        this.current = state.prompt
        if (!this.forcedProfile) this.profile = PROFILES[platformFromPrompt(state.prompt)]
        return state.prompt
      }
      if (refused && usernames + passwords > 0) throw new DriverError('loginFailed', { peer: this.channel.peer })
      this.buffer.take()
      if (state.kind === 'username') {
        if (!username) throw new DriverError('usernameRequired')
        if (++usernames > 3) throw new DriverError('loginFailed', { peer: this.channel.peer })
        this.sendLine(username)
      } else {
        if (password === undefined) throw new DriverError('passwordRequired')
        if (++passwords > 3) throw new DriverError('loginFailed', { peer: this.channel.peer })
        this.sendLine(password, true)
      }
    }
  }

  private loginState(): LoginState | undefined {
    // Before the prompt only the last screenful matters; a device that floods here must not grow memory.
    if (this.buffer.length > LOGIN_BUFFER_CHARS) this.buffer.keepTail(LOGIN_BUFFER_CHARS / 4)
    const last = this.buffer.lastLine()
    const prompt = parsePrompt(last)
    if (prompt) return { kind: 'prompt', prompt }
    if (USERNAME_PROMPT.test(last)) return { kind: 'username' }
    if (PASSWORD_PROMPT.test(last)) return { kind: 'password' }
    return undefined
  }

  private async escalate(): Promise<ParsedPrompt> {
    const prompt = this.requirePrompt()
    const enable = this.profile.enable
    if (prompt.mode !== 'user' || !enable) return prompt
    if (await this.tryPasswordCommand(enable.command, [this.opts.credentials.secret ?? ''], enable.passwordPrompt)) {
      return this.requirePrompt()
    }
    const { username, password } = this.opts.credentials
    if (enable.loginFallback && username && password !== undefined) {
      if (await this.tryPasswordCommand(enable.loginFallback.command, [password], enable.passwordPrompt, username)) {
        return this.requirePrompt()
      }
    }
    throw new DriverError('enableFailed', { peer: this.channel.peer })
  }

  /**
   * Sends a command that asks for a password (enable, login), answers once with the secret and empty
   * lines after that so the device gives up and shows its prompt again; true if privileged mode came.
   */
  private async tryPasswordCommand(
    command: string,
    secrets: string[],
    passwordPrompt: RegExp,
    username?: string,
  ): Promise<boolean> {
    this.buffer.take()
    this.sendLine(command)
    let answered = 0
    let usernameSent = false
    for (let round = 0; round < 6; round++) {
      const state = await this.waitFor(() => {
        const last = this.buffer.lastLine()
        const prompt = this.buffer.value.includes('\n') ? isSameDevicePrompt(last, this.requirePrompt()) : null
        if (prompt) return { kind: 'prompt' as const, prompt }
        if (USERNAME_PROMPT.test(last)) return { kind: 'username' as const }
        if (passwordPrompt.test(last)) return { kind: 'password' as const }
        return undefined
      }, this.opts.promptTimeoutMs)
      if (state === TIMEOUT) {
        this.desynced = true
        return false
      }
      this.buffer.take()
      if (state.kind === 'prompt') {
        this.current = state.prompt
        return state.prompt.mode !== 'user'
      }
      if (state.kind === 'username') {
        if (!username || usernameSent) this.sendLine('')
        else this.sendLine(username)
        usernameSent = true
      } else {
        this.sendLine(answered < secrets.length ? secrets[answered] : '', true)
        answered++
      }
    }
    this.desynced = true
    return false
  }

  private async execute(command: string, timeoutMs: number): Promise<CommandResult> {
    if (this.desynced) await this.resync()
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
    const { more, continueKey } = this.profile.paging
    const outcome = await this.waitFor(() => {
      if (this.buffer.bytes - startBytes > this.opts.maxOutputBytes) return { kind: 'limit' as const }
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
    this.current = outcome.prompt
    const output = extractOutput(collected, command, true, true)
    const failureLine = findFailure(output, this.profile.failure)
    return {
      ...base,
      output,
      mode: outcome.prompt.mode,
      failed: failureLine !== null,
      failureText: failureLine ?? undefined,
    }
  }

  /** After a timeout: leave a pager, send an empty line and wait for a prompt again. */
  private async resync(): Promise<void> {
    if (this.profile.paging.more.test(this.buffer.lastLine())) this.write('q')
    this.buffer.take()
    this.sendLine('')
    const prompt = await this.waitFor(() => {
      const p = parsePrompt(this.buffer.lastLine())
      return p && this.buffer.value.includes('\n') ? p : undefined
    }, this.opts.promptTimeoutMs)
    if (prompt === TIMEOUT) throw new DriverError('desynchronised', { peer: this.channel.peer })
    this.buffer.take()
    this.current = prompt
    this.desynced = false
  }

  private requirePrompt(): ParsedPrompt {
    if (!this.current) throw new DriverError('promptTimeout', { seen: '' })
    return this.current
  }

  private sendLine(text: string, secret = false): void {
    this.channel.write(text + this.opts.lineEnding)
    this.opts.onTraffic?.({ direction: 'out', data: secret ? '********' : text, secret, at: new Date() })
  }

  private write(key: string): void {
    this.channel.write(key)
    this.opts.onTraffic?.({ direction: 'out', data: key, secret: false, at: new Date() })
  }

  /** Resolves with the first non-undefined value of `check` (run now and on every chunk), or TIMEOUT. */
  private waitFor<T>(check: () => T | undefined, timeoutMs: number): Promise<T | typeof TIMEOUT> {
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
}
