import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type OpenChannel, SessionService } from '../../../src/main/sessions/session-service'
import type { EventName, EventPayload } from '../../../src/shared/api'
import { deviceProfileSchema } from '../../../src/shared/profiles'
import { socketChannel } from '../../support/socket-channel'

const profile = deviceProfileSchema.parse({
  id: '7d5a2b70-8f0e-4a55-9a53-0a4c8d0f2a11',
  name: 'asa-lab',
  transport: 'telnet',
  host: '127.0.0.1',
})

let server: Server | undefined
let peers: Socket[] = []
afterEach(async () => {
  for (const p of peers) p.destroy()
  peers = []
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** A device that greets with a prompt and echoes what it receives. */
async function fakeDevicePort(): Promise<number> {
  server = createServer((socket) => {
    peers.push(socket)
    socket.write('ciscoasa> ')
    socket.on('data', (d) => socket.write(d))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

function recorder() {
  const events: Array<{ event: EventName; payload: unknown }> = []
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload })
  const data = () =>
    events
      .filter((e) => e.event === 'session.data')
      .map((e) => (e.payload as { data: string }).data)
      .join('')
  return { events, emit, data }
}

describe('session service', () => {
  it('streams device output as events and sends input to the device', async () => {
    const port = await fakeDevicePort()
    const r = recorder()
    const service = new SessionService(() => socketChannel(port), r.emit)
    const { sessionId } = await service.open(profile, {})
    // Nothing is lost before the terminal listens: the greeting is held, then released on attach.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(r.data()).toBe('')
    service.attach(sessionId)
    await expect.poll(r.data).toBe('ciscoasa> ')
    service.write(sessionId, 'show version\r')
    await expect.poll(r.data).toBe('ciscoasa> show version\r')
    expect(
      r.events.filter((e) => e.event === 'session.state').map((e) => (e.payload as { state: string }).state),
    ).toEqual(['connecting', 'connected'])
    await service.close(sessionId)
    await expect.poll(() => r.events.at(-1)?.payload).toMatchObject({ state: 'closed' })
    expect(service.openSessions).toBe(0)
    expect(() => service.write(sessionId, 'x')).toThrow('no such session')
  })

  it('asks the user about an unknown host key and proceeds only when accepted', async () => {
    const port = await fakeDevicePort()
    const r = recorder()
    const info = { host: '127.0.0.1', port, keyType: 'ssh-ed25519', fingerprint: 'SHA256:abc' }
    const opener: OpenChannel = async (_p, _c, ask) => {
      if (!(await ask(info))) throw new Error('host key refused by the user')
      return socketChannel(port)
    }
    const service = new SessionService(opener, r.emit)
    const refused = service.open(profile, {})
    await expect.poll(() => r.events.find((e) => e.event === 'session.hostKey')).toBeDefined()
    const question = r.events.find((e) => e.event === 'session.hostKey')!.payload as { requestId: string }
    expect(question).toMatchObject({ fingerprint: 'SHA256:abc', keyType: 'ssh-ed25519' })
    service.decideHostKey(question.requestId, false)
    await expect(refused).rejects.toThrow('refused')
    expect(r.events.at(-1)?.payload).toMatchObject({ state: 'failed', message: 'host key refused by the user' })

    const accepted = service.open(profile, {})
    await expect.poll(() => r.events.filter((e) => e.event === 'session.hostKey').length).toBe(2)
    const second = r.events.filter((e) => e.event === 'session.hostKey')[1]!.payload as { requestId: string }
    service.decideHostKey(second.requestId, true)
    await expect(accepted).resolves.toHaveProperty('sessionId')
    await service.closeAll()
  })

  it('refuses an unanswered host-key question after the timeout', async () => {
    const r = recorder()
    const opener: OpenChannel = async (_p, _c, ask) => {
      if (!(await ask({ host: 'h', port: 22, keyType: 'ssh-rsa', fingerprint: 'SHA256:x' }))) throw new Error('refused')
      throw new Error('must not get here')
    }
    const service = new SessionService(opener, r.emit, 50)
    await expect(service.open(profile, {})).rejects.toThrow('refused')
  })

  it('rejects oversized input without touching the device', async () => {
    const port = await fakeDevicePort()
    const service = new SessionService(() => socketChannel(port), recorder().emit)
    const { sessionId } = await service.open(profile, {})
    expect(() => service.write(sessionId, 'x'.repeat(70_000))).toThrow('too large')
    await service.closeAll()
  })
})
