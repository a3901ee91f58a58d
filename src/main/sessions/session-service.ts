/**
 * Live device sessions for the desktop app: one per terminal tab. Output flows to the renderer through an
 * OutputPump (acknowledged, paused at the high watermark); input from the renderer goes to the device.
 * Unknown host keys are put to the user through a `session.hostKey` event and answered with
 * `decideHostKey`; an unanswered question is refused after a while, never accepted.
 */
import { randomUUID } from 'node:crypto'
import type { EventName, EventPayload } from '../../shared/api'
import { JOURNAL } from '../../shared/journal/events'
import type { DeviceProfile } from '../../shared/profiles'
import type { CaseHandle, CaseStore } from '../cases/case-store'
import { HOST_KEY_QUESTION_TIMEOUT_MS, HostKeyQuestions } from '../device/host-key-questions'
import { SessionLog } from '../device/session-log'
import { KeystrokeLines } from '../terminal/keystroke-lines'
import { OutputPump, type PausableSource } from '../terminal/output-pump'
import type { ByteChannel } from '../transports/channel'
import type { HostKeyInfo } from '../transports/host-key-trust'
import { runEvidenceInTerminal, type TerminalEvidence } from './terminal-evidence'

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface SessionCredentials {
  password?: string
  secret?: string
}

/** A channel that may also support backpressure (ssh2 channels and sockets do; a serial port may not). */
export type SessionChannel = ByteChannel & { pause?(): void; resume?(): void }

export type OpenChannel = (
  profile: DeviceProfile,
  credentials: SessionCredentials,
  askHostKey: (info: HostKeyInfo) => Promise<boolean>,
) => Promise<SessionChannel>

interface LiveSession {
  id: string
  profile: DeviceProfile
  channel: SessionChannel
  pump: OutputPump
  credentials: SessionCredentials
  /** The case's session log (raw and cleaned, secrets masked), when the session belongs to a case. */
  log?: SessionLog
  /** Typed keystrokes gathered into lines for the log (a password line masked). */
  keys?: KeystrokeLines
  case?: CaseHandle
  /** While the evidence script runs, the engineer's keystrokes wait here. */
  heldInput: string[] | null
  /** Output held until the renderer's terminal has subscribed (null once it has), so no banner is lost. */
  held: { chunks: string[] | null }
}

const MAX_WRITE = 64 * 1024

export class SessionService {
  private readonly sessions = new Map<string, LiveSession>()

  constructor(
    private readonly openChannel: OpenChannel,
    private readonly emit: Emit,
    hostKeyTimeoutMs = HOST_KEY_QUESTION_TIMEOUT_MS,
    private readonly cases?: CaseStore,
    /** Host-key questions have one owner (src/main/device/host-key-questions.ts), shared with remediation. */
    private readonly hostKeys = new HostKeyQuestions(emit, hostKeyTimeoutMs),
  ) {}

  async open(profile: DeviceProfile, credentials: SessionCredentials, caseId?: string): Promise<{ sessionId: string }> {
    const id = randomUUID()
    this.emit('session.state', { sessionId: id, state: 'connecting', profileId: profile.id })
    let channel: SessionChannel
    try {
      channel = await this.openChannel(profile, credentials, (info) => this.hostKeys.ask({ sessionId: id }, info))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.emit('session.state', { sessionId: id, state: 'failed', profileId: profile.id, message })
      throw error
    }
    const held: LiveSession['held'] = { chunks: [] }
    // Held output still counts as unacknowledged, so a terminal that never attaches pauses the device.
    const pump = new OutputPump(pausable(channel), (data) => {
      if (held.chunks) held.chunks.push(data)
      else this.emit('session.data', { sessionId: id, data })
    })
    const session: LiveSession = { id, profile, channel, pump, held, credentials, heldInput: null }
    if (caseId && this.cases) {
      session.case = this.cases.open(caseId)
      session.log = new SessionLog(session.case, {
        peer: channel.peer,
        transport: channel.kind,
        secrets: [credentials.password, credentials.secret],
      })
      const log = session.log
      const keys = new KeystrokeLines((line, secret) =>
        log.record({ direction: 'out', data: line, secret, at: new Date() }),
      )
      session.keys = keys
      channel.onData((chunk) => {
        const data = chunk.toString('latin1')
        keys.output(data)
        log.record({ direction: 'in', data, at: new Date() })
      })
    }
    this.sessions.set(id, session)
    channel.onClose((reason) => {
      pump.dispose()
      try {
        session.keys?.flush()
        session.log?.close(reason?.message)
        session.case?.close()
      } catch (error) {
        // The case folder went away (a removed USB stick): the session still ends cleanly.
        this.emit('session.state', { sessionId: id, state: 'failed', profileId: profile.id, message: String(error) })
      }
      this.sessions.delete(id)
      this.emit('session.state', { sessionId: id, state: 'closed', profileId: profile.id, message: reason?.message })
    })
    this.emit('session.state', { sessionId: id, state: 'connected', profileId: profile.id })
    return { sessionId: id }
  }

  /** The renderer's terminal is listening: release what arrived before it was. */
  attach(sessionId: string): void {
    const { held } = this.get(sessionId)
    const chunks = held.chunks ?? []
    held.chunks = null
    for (const data of chunks) this.emit('session.data', { sessionId, data })
  }

  write(sessionId: string, data: string): void {
    if (data.length > MAX_WRITE) throw new Error('input too large')
    const session = this.get(sessionId)
    if (session.heldInput) {
      session.heldInput.push(data)
      return
    }
    session.keys?.input(data)
    session.channel.write(data)
  }

  /** Runs the evidence script in the session's own shell (the terminal shows it); typed input waits meanwhile. */
  async runEvidence(sessionId: string): Promise<TerminalEvidence> {
    const session = this.get(sessionId)
    if (session.heldInput) throw new Error('the evidence script is already running in this session')
    session.heldInput = []
    try {
      const source = `device:${session.profile.name}`
      const { username } = session.profile.transport === 'serial' ? { username: undefined } : session.profile
      const evidence = await runEvidenceInTerminal(
        session.channel,
        { username, password: session.credentials.password, secret: session.credentials.secret },
        source,
        (event) => {
          // What the device sent is logged from the channel already; log what the driver typed (secrets masked).
          if (event.direction === 'out') session.log?.record(event)
        },
      )
      if (session.case) {
        session.case.attach(`${source.replace(/[^\w.-]+/g, '_')}.txt`, evidence.transcript)
        session.case.append(JOURNAL.deviceEvidence, {
          peer: session.channel.peer,
          platform: evidence.platform,
          facts: evidence.analysis.facts,
        })
      }
      return evidence
    } finally {
      const held = session.heldInput ?? []
      session.heldInput = null
      for (const data of held) this.write(sessionId, data)
    }
  }

  resize(sessionId: string, cols: number, rows: number): void {
    this.get(sessionId).channel.resize(cols, rows)
  }

  ack(sessionId: string, chars: number): void {
    this.sessions.get(sessionId)?.pump.ack(chars)
  }

  async close(sessionId: string): Promise<void> {
    await this.sessions.get(sessionId)?.channel.close()
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)))
    this.hostKeys.refuseAll()
  }

  decideHostKey(requestId: string, accept: boolean): void {
    this.hostKeys.decide(requestId, accept)
  }

  get openSessions(): number {
    return this.sessions.size
  }

  private get(sessionId: string): LiveSession {
    const session = this.sessions.get(sessionId)
    if (!session) throw new Error('no such session')
    return session
  }
}

/** Adapts a ByteChannel to the pump's source shape. */
function pausable(channel: SessionChannel): PausableSource {
  const offs = new Map<(chunk: Buffer | string) => void, () => void>()
  return {
    on(event: 'data' | 'end' | 'close', listener: ((chunk: Buffer | string) => void) | (() => void)) {
      if (event === 'data')
        offs.set(listener as (c: Buffer | string) => void, channel.onData(listener as (c: Buffer) => void))
      else channel.onClose(() => (listener as () => void)())
      return this
    },
    off(_event: 'data', listener: (chunk: Buffer | string) => void) {
      offs.get(listener)?.()
      offs.delete(listener)
      return this
    },
    pause: () => channel.pause?.(),
    resume: () => channel.resume?.(),
  } as PausableSource
}
