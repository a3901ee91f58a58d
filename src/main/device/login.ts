/**
 * The login and privilege layer of the device driver, on top of the expect layer (expect.ts): find the first prompt
 * while answering username and password questions, then enter privileged EXEC with the enable secret (or ASA's
 * `login` as a local user when the secret is refused). Which of these a session runs, and whether enable is required,
 * is data: src/shared/devices/session-open.ts.
 */
import { isSameDevicePrompt, type ParsedPrompt, parsePrompt } from '../../shared/devices'
import { LOGIN_FAILURES, PASSWORD_PROMPT, USERNAME_PROMPT } from '../../shared/devices/common'
import type { PlatformProfile } from '../../shared/devices/session-open'
import { type Credentials, DriverError } from './driver-types'
import { type Expect, TIMEOUT } from './expect'

type LoginState = { kind: 'prompt'; prompt: ParsedPrompt } | { kind: 'username' } | { kind: 'password' }

const LOGIN_BUFFER_CHARS = 256 * 1024

export interface LoginTiming {
  promptTimeoutMs: number
  /** Quiet time after which an empty line is sent once to wake a console up. */
  nudgeAfterMs: number
}

/** Waits for the first prompt, answering username/password prompts on the way (each at most three times). */
export async function login(io: Expect, credentials: Credentials, timing: LoginTiming): Promise<ParsedPrompt> {
  const { username, password } = credentials
  const deadline = Date.now() + timing.promptTimeoutMs
  let nudged = false
  let usernames = 0
  let passwords = 0
  for (;;) {
    const remaining = deadline - Date.now()
    if (remaining <= 0) throw new DriverError('promptTimeout', { seen: io.buffer.lastLine().slice(-80) })
    const wait = nudged ? remaining : Math.min(remaining, timing.nudgeAfterMs)
    const state = await io.waitFor(() => loginState(io), wait)
    if (state === TIMEOUT) {
      if (!nudged) {
        nudged = true
        io.sendLine('')
      }
      continue
    }
    const refused = LOGIN_FAILURES.some((re) => re.test(io.buffer.value))
    if (state.kind === 'prompt') {
      io.buffer.take()
      io.prompt = state.prompt
      return state.prompt
    }
    if (refused && usernames + passwords > 0) throw new DriverError('loginFailed', { peer: io.peer })
    io.buffer.take()
    if (state.kind === 'username') {
      if (!username) throw new DriverError('usernameRequired')
      if (++usernames > 3) throw new DriverError('loginFailed', { peer: io.peer })
      io.sendLine(username)
    } else {
      if (password === undefined) throw new DriverError('passwordRequired')
      if (++passwords > 3) throw new DriverError('loginFailed', { peer: io.peer })
      io.sendLine(password, true)
    }
  }
}

function loginState(io: Expect): LoginState | undefined {
  // Before the prompt only the last screenful matters; a device that floods here must not grow memory.
  if (io.buffer.length > LOGIN_BUFFER_CHARS) io.buffer.keepTail(LOGIN_BUFFER_CHARS / 4)
  const last = io.buffer.lastLine()
  const prompt = parsePrompt(last)
  if (prompt) return { kind: 'prompt', prompt }
  if (USERNAME_PROMPT.test(last)) return { kind: 'username' }
  if (PASSWORD_PROMPT.test(last)) return { kind: 'password' }
  return undefined
}

/** Enters privileged mode with the enable secret, or ASA's `login` as a local user when that fails. */
export async function escalate(
  io: Expect,
  profile: PlatformProfile,
  credentials: Credentials,
  promptTimeoutMs: number,
): Promise<ParsedPrompt> {
  const prompt = io.requirePrompt()
  const enable = profile.enable
  if (prompt.mode !== 'user' || !enable) return prompt
  const secret = [credentials.secret ?? '']
  if (await tryPasswordCommand(io, enable.command, secret, enable.passwordPrompt, promptTimeoutMs)) {
    return io.requirePrompt()
  }
  const { username, password } = credentials
  if (enable.loginFallback && username && password !== undefined) {
    const command = enable.loginFallback.command
    if (await tryPasswordCommand(io, command, [password], enable.passwordPrompt, promptTimeoutMs, username)) {
      return io.requirePrompt()
    }
  }
  throw new DriverError('enableFailed', { peer: io.peer })
}

/**
 * Sends a command that asks for a password (enable, login), answers once with the secret and empty
 * lines after that so the device gives up and shows its prompt again; true if privileged mode came.
 */
async function tryPasswordCommand(
  io: Expect,
  command: string,
  secrets: string[],
  passwordPrompt: RegExp,
  promptTimeoutMs: number,
  username?: string,
): Promise<boolean> {
  io.buffer.take()
  io.sendLine(command)
  let answered = 0
  let usernameSent = false
  for (let round = 0; round < 6; round++) {
    const state = await io.waitFor(() => {
      const last = io.buffer.lastLine()
      const prompt = io.buffer.value.includes('\n') ? isSameDevicePrompt(last, io.requirePrompt()) : null
      if (prompt) return { kind: 'prompt' as const, prompt }
      if (USERNAME_PROMPT.test(last)) return { kind: 'username' as const }
      if (passwordPrompt.test(last)) return { kind: 'password' as const }
      return undefined
    }, promptTimeoutMs)
    if (state === TIMEOUT) {
      io.desynced = true
      return false
    }
    io.buffer.take()
    if (state.kind === 'prompt') {
      io.prompt = state.prompt
      return state.prompt.mode !== 'user'
    }
    if (state.kind === 'username') {
      if (!username || usernameSent) io.sendLine('')
      else io.sendLine(username)
      usernameSent = true
    } else {
      io.sendLine(answered < secrets.length ? secrets[answered]! : '', true)
      answered++
    }
  }
  io.desynced = true
  return false
}
