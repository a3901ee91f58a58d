/**
 * A firewall that vanishes mid-session (cable pulled, failover, ACL change) must end the session rather
 * than leave it hanging: SSH keepalives go unanswered and the channel closes with an error.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { connectSsh } from '../../../src/main/transports/ssh-transport'
import { type SshDevice, startSshDevice } from '../../support/asa-like-cli.ssh'
import { makeTempDir } from '../../support/temp-dir'

/** A TCP relay that can start swallowing everything, like a path that silently drops packets. */
async function startBlackholeRelay(
  targetPort: number,
): Promise<{ port: number; blackhole(): void; close(): Promise<void> }> {
  let dropping = false
  const sockets = new Set<Socket>()
  const server: Server = createServer((inbound) => {
    const outbound = tcpConnect({ host: '127.0.0.1', port: targetPort })
    for (const s of [inbound, outbound]) {
      sockets.add(s)
      s.on('error', () => {})
    }
    inbound.on('data', (d) => !dropping && outbound.write(d))
    outbound.on('data', (d) => !dropping && inbound.write(d))
    inbound.on('close', () => outbound.destroy())
    outbound.on('close', () => inbound.destroy())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    port: (server.address() as { port: number }).port,
    blackhole: () => {
      dropping = true
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      }),
  }
}

describe('SSH keepalive', () => {
  let device: SshDevice | undefined
  let relay: Awaited<ReturnType<typeof startBlackholeRelay>> | undefined
  const tmp = makeTempDir()
  afterEach(async () => {
    await relay?.close()
    await device?.close()
    tmp.remove()
  })

  it('closes the channel with an error when the peer stops answering', async () => {
    device = await startSshDevice()
    relay = await startBlackholeRelay(device.port)
    const channel = await connectSsh({
      host: '127.0.0.1',
      port: relay.port,
      username: 'admin',
      password: 'admin-pass',
      trust: new HostKeyTrust({ storeFile: join(tmp.path, 'kh'), readOnlyFiles: [] }),
      askHostKey: async () => true,
      keepaliveIntervalMs: 100,
      keepaliveCountMax: 2,
    })
    const closed = new Promise<Error | undefined>((resolve) => channel.onClose(resolve))
    relay.blackhole()
    const reason = await closed
    expect(channel.closed).toBe(true)
    expect(reason?.message).toMatch(/keepalive/i)
  })
})
