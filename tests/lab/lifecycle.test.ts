import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startLab } from '../../src/lab'
import { LineClient } from './helpers/line-client'
import { ShellClient } from './helpers/ssh-shell'
import { TelnetClient } from './helpers/telnet-client'

const stateDir = mkdtempSync(join(tmpdir(), 'unmask-lab-lifecycle-'))
afterAll(() => rmSync(stateDir, { recursive: true, force: true }))

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}
const portOf = (s: Server) => (s.address() as { port: number }).port
const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()))

describe('lab lifecycle', () => {
  it('stop() ends open SSH, telnet and SMTP sessions', async () => {
    const ssh = await startLab({ scenario: 'asa9-default', stateDir })
    const pix = await startLab({ scenario: 'pix6-mailguard', stateDir })
    const { shell } = await ShellClient.open(ssh.management!.port, 'admin', 'lab-admin')
    await shell.waitFor('ciscoasa> ')
    const smtp = await LineClient.open(ssh.smtp.port)
    await smtp.reply()
    const telnet = await TelnetClient.open(pix.management!.port)
    await telnet.waitFor('Password: ')
    await ssh.stop()
    await pix.stop()
    await shell.closedByPeer()
    await smtp.closedByPeer()
    expect(shell.closed && smtp.closed).toBe(true)
    await new Promise((r) => setTimeout(r, 50))
    expect(telnet.closed).toBe(true)
  })

  it('fails cleanly when a fixed port is taken, leaving no server behind', async () => {
    const busy = await listen()
    const probe = await listen()
    const freePort = portOf(probe)
    await close(probe)
    try {
      await expect(
        startLab({ scenario: 'asa9-default', stateDir, ports: { smtp: portOf(busy), direct: freePort } }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' })
      // The mail host that had started on `direct` was stopped again: the port is free.
      const again = await listen(freePort)
      await close(again)
    } finally {
      await close(busy)
    }
  })

  it('keeps the SSH host key and certificate across restarts in the same state folder', async () => {
    const first = await startLab({ scenario: 'asa9-default', stateDir })
    const key = first.management!.hostKeyFingerprint
    const cert = first.mailHost.certificate.fingerprint256
    await first.stop()
    const second = await startLab({ scenario: 'asa9-default', stateDir })
    expect(second.management!.hostKeyFingerprint).toBe(key)
    expect(second.mailHost.certificate.fingerprint256).toBe(cert)
    await second.stop()
  })

  it('with persistConfig, a written configuration survives a restart; without it the scenario starts fresh', async () => {
    const first = await startLab({ scenario: 'asa9-default', stateDir, persistConfig: true })
    const device = first.device!
    device.running = device.running.filter((n) => !n.line.startsWith('service-policy '))
    device.writeMemory()
    await first.stop()
    const persisted = await startLab({ scenario: 'asa9-default', stateDir, persistConfig: true })
    expect(persisted.device!.currentPolicy().kind).toBe('off')
    await persisted.stop()
    const fresh = await startLab({ scenario: 'asa9-default', stateDir })
    expect(fresh.device!.currentPolicy().kind).toBe('esmtp')
    await fresh.stop()
  })
})
