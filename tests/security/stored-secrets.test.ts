/**
 * Issue 14: a remembered password is bound to (transport, host, port, user), not to the profile id. Editing the profile
 * to point elsewhere forgets it, so it is never sent to another server; over telnet (clear text) a password is neither
 * remembered nor sent without being typed again. Through the app's own handlers, against ssh2 and telnet servers on
 * 127.0.0.1 that record every password they are offered.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { type createHandlers, dispatch } from '../../src/main/api-handlers'
import { aesEncryptor } from '../main/secrets/aes-encryptor'
import { type RecordingSshServer, startRecordingSshServer } from '../main/transports/ssh-test-server'
import { generateHostKey } from '../support/asa-like-cli.ssh'
import { startTelnetDevice, type TelnetDevice } from '../support/asa-like-cli.telnet'
import { type Closer, startApp } from './app-harness'

const closers: Closer[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

function app() {
  const started = startApp(aesEncryptor(), closers)
  const { services } = started
  const secretsFile = () => (existsSync(services.secrets.path) ? readFileSync(services.secrets.path, 'utf8') : '{}')
  return { ...started, secretsFile }
}

async function sshServer(): Promise<RecordingSshServer> {
  const server = await startRecordingSshServer([generateHostKey()], 'Stored-Pw-1')
  closers.push(() => server.close())
  return server
}

async function open(handlers: ReturnType<typeof createHandlers>, input: Record<string, unknown>) {
  const opened = await dispatch(handlers, 'session.open', input)
  if (opened.ok)
    await dispatch(handlers, 'session.close', { sessionId: (opened.value as { sessionId: string }).sessionId })
  return opened
}

describe('remembered passwords follow the host, not the profile', () => {
  it('are forgotten when the profile points to another port, and never reach the other server', async () => {
    const { handlers, secretsFile } = app()
    const first = await sshServer()
    const second = await sshServer()
    const profile = {
      id: randomUUID(),
      name: 'fw',
      transport: 'ssh',
      host: '127.0.0.1',
      port: first.port,
      username: 'admin',
    }
    await dispatch(handlers, 'profiles.saveDevice', profile)
    expect((await open(handlers, { profileId: profile.id, password: 'Stored-Pw-1', remember: true })).ok).toBe(true)
    // Remembered: the next connection needs no typing.
    expect((await open(handlers, { profileId: profile.id })).ok).toBe(true)
    expect(first.passwords).toEqual(['Stored-Pw-1', 'Stored-Pw-1'])
    expect(secretsFile()).toContain(profile.id)

    await dispatch(handlers, 'profiles.saveDevice', { ...profile, port: second.port })
    expect(secretsFile()).not.toContain(profile.id)
    expect((await open(handlers, { profileId: profile.id })).ok).toBe(false)
    expect(second.passwords).not.toContain('Stored-Pw-1')

    // Pointing back does not bring it back: it was forgotten, not hidden.
    await dispatch(handlers, 'profiles.saveDevice', profile)
    expect((await open(handlers, { profileId: profile.id })).ok).toBe(false)
    expect(first.passwords.filter((p) => p === 'Stored-Pw-1')).toHaveLength(2)
  })

  it('a changed user name is another binding too; an unchanged profile saved again keeps the password', async () => {
    const { handlers, secretsFile } = app()
    const server = await sshServer()
    const profile = {
      id: randomUUID(),
      name: 'fw',
      transport: 'ssh',
      host: '127.0.0.1',
      port: server.port,
      username: 'admin',
    }
    await dispatch(handlers, 'profiles.saveDevice', profile)
    await open(handlers, { profileId: profile.id, password: 'Stored-Pw-1', remember: true })
    await dispatch(handlers, 'profiles.saveDevice', { ...profile, name: 'renamed' })
    expect(secretsFile()).toContain(profile.id)
    await dispatch(handlers, 'profiles.saveDevice', { ...profile, username: 'other' })
    expect(secretsFile()).not.toContain(profile.id)
  })

  it('over telnet a password is not remembered and a stored one is not sent without being typed again', async () => {
    const { handlers, services, secretsFile } = app()
    const device: TelnetDevice = await startTelnetDevice({ platform: 'pix6', linePassword: 'Telnet-Pw-1' })
    closers.push(() => device.close())
    const ssh = await sshServer()
    const id = randomUUID()
    // Remembered over SSH first, then the same profile is switched to telnet on the same host.
    await dispatch(handlers, 'profiles.saveDevice', {
      id,
      name: 'fw',
      transport: 'ssh',
      host: '127.0.0.1',
      port: ssh.port,
      username: 'admin',
    })
    await open(handlers, { profileId: id, password: 'Stored-Pw-1', remember: true })
    await dispatch(handlers, 'profiles.saveDevice', {
      id,
      name: 'fw',
      transport: 'telnet',
      host: '127.0.0.1',
      port: device.port,
    })
    expect(secretsFile()).not.toContain(id)

    expect((await open(handlers, { profileId: id, password: 'Telnet-Pw-1', remember: true })).ok).toBe(true)
    expect(secretsFile()).not.toContain(id)
    expect(services.secrets.canStore).toBe(true)

    // Without typing it, the evidence script has no password to send: the device never receives one.
    const opened = await dispatch(handlers, 'session.open', { profileId: id })
    expect(opened.ok).toBe(true)
    const sessionId = (opened as { value: { sessionId: string } }).value.sessionId
    await dispatch(handlers, 'session.attach', { sessionId })
    await dispatch(handlers, 'session.runEvidence', { sessionId })
    await dispatch(handlers, 'session.close', { sessionId })
    const received = device.clis.flatMap((c) => c.received)
    expect(received).not.toContain('Stored-Pw-1')
    expect(received.filter((l) => l === 'Telnet-Pw-1')).toHaveLength(0)
  })
})
