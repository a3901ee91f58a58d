/**
 * Run as a child process by ssh-load-order.test.ts. ssh2 is loaded first, before any Unmask module, as in
 * the built app where the bundler hoists `require("ssh2")`. The "device" below is an ssh2 Server from that
 * early copy (so it uses the runtime's own group); the client is Unmask's transport with modp2 made
 * unavailable, as in Electron. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Server, utils } from 'ssh2'
import { dhFallbackUseCount, simulateMissingDhGroups } from '../../../src/main/transports/dh-group-fallback'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { connectSsh } from '../../../src/main/transports/ssh-transport'

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unmask-load-order-'))
  const server = new Server(
    {
      hostKeys: [utils.generateKeyPairSync('rsa', { bits: 2048 }).private],
      algorithms: {
        kex: ['diffie-hellman-group1-sha1'],
        serverHostKey: ['ssh-rsa'],
        cipher: ['aes128-cbc'],
        hmac: ['hmac-sha1'],
      },
    },
    (client) => {
      client.on('error', () => {})
      client.on('authentication', (ctx) => ctx.accept())
      client.on('ready', () =>
        client.on('session', (accept) => {
          const session = accept()
          session.on('pty', (ok) => ok?.())
          session.on('shell', (ok) => ok().write('ciscoasa> '))
        }),
      )
    },
  )
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const restore = simulateMissingDhGroups(['modp2'])
  const before = dhFallbackUseCount()
  let result: Record<string, unknown>
  try {
    const channel = await connectSsh({
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      username: 'admin',
      password: 'x',
      legacy: true,
      trust: new HostKeyTrust({ storeFile: join(dir, 'kh'), readOnlyFiles: [] }),
      askHostKey: async () => true,
      timeoutMs: 10_000,
    })
    result = { ok: true, kex: channel.negotiated.kex, fallbackUses: dhFallbackUseCount() - before }
    await channel.close()
  } catch (error) {
    result = { ok: false, error: (error as Error).message, fallbackUses: dhFallbackUseCount() - before }
  } finally {
    restore()
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
  server.close()
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}

void main()
