/**
 * The device driver: one command at a time over any ByteChannel (SSH shell, telnet, serial), reading device
 * behaviour from src/shared/devices. Two layers under it: expect.ts (prompt, wait, pager) and login.ts (login,
 * privilege). How a session is opened (login → enable → identify → paging) is data run by open-session.ts. A line is
 * only sent once the previous one has echoed and the prompt is back, which is also what keeps an inspecting firewall
 * from seeing partial lines.
 */
import { type ParsedPrompt, PROFILES, platformFromPrompt } from '../../shared/devices'
import type { PlatformProfile } from '../../shared/devices/session-open'
import type { ByteChannel } from '../transports/channel'
import type { CommandResult, Credentials, TrafficEvent } from './driver-types'
import { Expect } from './expect'
import { escalate, login } from './login'
import { SerialQueue } from './serial-queue'

export interface DriverOptions {
  credentials: Credentials
  /** Forces a platform; otherwise guessed from the prompt and refined with setProfile() after `show version`. */
  profile?: PlatformProfile
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

export class DeviceDriver {
  private readonly io: Expect
  private readonly queue = new SerialQueue()
  private currentProfile: PlatformProfile
  /** A platform given by the caller is kept even if `show version` says otherwise. */
  private readonly forcedProfile: boolean
  private readonly credentials: Credentials
  private readonly promptTimeoutMs: number
  private readonly commandTimeoutMs: number
  private readonly nudgeAfterMs: number

  constructor(channel: ByteChannel, options: DriverOptions) {
    this.currentProfile = options.profile ?? PROFILES.asa
    this.forcedProfile = options.profile !== undefined
    this.credentials = options.credentials
    this.promptTimeoutMs = options.promptTimeoutMs ?? 20_000
    this.commandTimeoutMs = options.commandTimeoutMs ?? 60_000
    this.nudgeAfterMs = options.nudgeAfterMs ?? 1_500
    this.io = new Expect(channel, {
      lineEnding: options.lineEnding ?? '\r',
      maxOutputBytes: options.maxOutputBytes ?? 32 * 1024 * 1024,
      promptTimeoutMs: this.promptTimeoutMs,
      onTraffic: options.onTraffic,
    })
  }

  get prompt(): ParsedPrompt | null {
    return this.io.prompt
  }

  /** The platform behaviour in use: guessed from the first prompt, then from `show version` (unless forced). */
  get profile(): PlatformProfile {
    return this.currentProfile
  }

  /** True while the driver owns the line; the terminal holds the user's keystrokes meanwhile. */
  get busy(): boolean {
    return this.queue.busy
  }

  onIdle(listener: () => void): () => void {
    return this.queue.onIdle(listener)
  }

  /** Switches to the platform `show version` revealed (unless one was forced). */
  setProfile(profile: PlatformProfile): void {
    if (!this.forcedProfile) this.currentProfile = profile
  }

  /** Waits for the first prompt, answering username/password prompts on the way. */
  open(): Promise<ParsedPrompt> {
    return this.queue.run(async () => {
      const prompt = await login(this.io, this.credentials, {
        promptTimeoutMs: this.promptTimeoutMs,
        nudgeAfterMs: this.nudgeAfterMs,
      })
      this.setProfile(PROFILES[platformFromPrompt(prompt)])
      return prompt
    })
  }

  /** Enters privileged mode with the enable secret, or ASA's `login` as a local user when that fails. */
  enable(): Promise<ParsedPrompt> {
    return this.queue.run(() => escalate(this.io, this.currentProfile, this.credentials, this.promptTimeoutMs))
  }

  /** Switches paging off; returns the command that worked, or null (the pager is then answered as it comes). */
  disablePaging(): Promise<string | null> {
    return this.queue.run(async () => {
      for (const command of this.currentProfile.paging.disable) {
        const result = await this.io.execute(command, this.promptTimeoutMs, this.currentProfile)
        if (!result.failed) return command
      }
      return null
    })
  }

  run(command: string, options: RunOptions = {}): Promise<CommandResult> {
    return this.queue.run(() =>
      this.io.execute(command, options.timeoutMs ?? this.commandTimeoutMs, this.currentProfile),
    )
  }

  dispose(): void {
    this.io.dispose()
  }
}
