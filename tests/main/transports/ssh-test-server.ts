/**
 * A bare ssh2 server on 127.0.0.1 for transport and secret tests: several host keys (as a real ASA with RSA and
 * ECDSA/ed25519 keys), password `pw` accepted, a shell that prints `fw> `, and every password offered recorded, so a
 * test can assert which password reached which server.
 */
import type { AddressInfo } from 'node:net'
import { type Connection, Server } from 'ssh2'

export interface RecordingSshServer {
  port: number
  /** Every password a client offered, in order. */
  passwords: string[]
  close(): Promise<void>
}

export async function startRecordingSshServer(hostKeys: string[], password = 'pw'): Promise<RecordingSshServer> {
  const connections = new Set<Connection>()
  const passwords: string[] = []
  const server = new Server({ hostKeys }, (client) => {
    connections.add(client)
    client.on('error', () => {})
    client.on('close', () => connections.delete(client))
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password') passwords.push(ctx.password)
      if (ctx.method === 'keyboard-interactive')
        return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          passwords.push(...answers)
          return answers[0] === password ? ctx.accept() : ctx.reject()
        })
      return ctx.method === 'password' && ctx.password === password
        ? ctx.accept()
        : ctx.reject(['password', 'keyboard-interactive'])
    })
    client.on('ready', () =>
      client.on('session', (accept) => {
        const session = accept()
        session.on('pty', (ok) => ok?.())
        session.on('shell', (ok) => ok().write('fw> '))
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    passwords,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.end()
        server.close(() => resolve())
      }),
  }
}
