/**
 * A TCP proxy that misbehaves on purpose, placed between Unmask and a real server (the lab, Postfix,
 * OpenSSH): it delays, fragments to single bytes, truncates, resets or stalls a connection at a chosen
 * point, so tests can prove every operation still ends, within its timeout, with a structured error.
 */
import { connect, createServer, type Server, type Socket } from 'node:net'

export type Fault =
  | { kind: 'none' }
  /** Every chunk from the server is held this long. */
  | { kind: 'delay'; ms: number }
  /** Server bytes are sent one at a time. */
  | { kind: 'fragment'; gapMs?: number }
  /** After this many server bytes the connection is closed cleanly (FIN). */
  | { kind: 'truncate'; afterBytes: number }
  /** After this many server bytes the connection is reset (RST). */
  | { kind: 'reset'; afterBytes: number }
  /** After this many server bytes nothing more is relayed, in either direction; the sockets stay open. */
  | { kind: 'stall'; afterBytes: number }

export interface FaultProxy {
  port: number
  /** Applies to connections opened from now on. */
  setFault(fault: Fault): void
  /** Connections currently open through the proxy (client side). */
  readonly openConnections: number
  close(): Promise<void>
}

export async function startFaultProxy(targetPort: number, initial: Fault = { kind: 'none' }): Promise<FaultProxy> {
  let fault = initial
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const current = fault
    const upstream = connect({ host: '127.0.0.1', port: targetPort })
    sockets.add(client)
    sockets.add(upstream)
    let fromServer = 0
    let stalled = false
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', () => {
      sockets.delete(client)
      upstream.destroy()
    })
    upstream.on('close', () => {
      sockets.delete(upstream)
      if (!stalled) client.end()
    })
    client.on('error', end)
    upstream.on('error', end)
    client.on('data', (chunk) => {
      if (!stalled) upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => relay(chunk))

    function relay(chunk: Buffer): void {
      if (stalled) return
      switch (current.kind) {
        case 'none':
          client.write(chunk)
          return
        case 'delay':
          upstream.pause()
          setTimeout(() => {
            if (!client.destroyed) client.write(chunk)
            upstream.resume()
          }, current.ms)
          return
        case 'fragment': {
          upstream.pause()
          let i = 0
          const next = () => {
            if (client.destroyed) return
            if (i >= chunk.length) return void upstream.resume()
            client.write(chunk.subarray(i, i + 1))
            i += 1
            // Without a gap, setImmediate still yields between bytes (each is its own write) without timer latency.
            if (current.gapMs) setTimeout(next, current.gapMs)
            else setImmediate(next)
          }
          next()
          return
        }
        case 'truncate':
        case 'reset':
        case 'stall': {
          const room = current.afterBytes - fromServer
          fromServer += chunk.length
          if (room > 0) client.write(chunk.subarray(0, room))
          if (room >= chunk.length) return
          if (current.kind === 'truncate') {
            client.end()
            upstream.destroy()
          } else if (current.kind === 'reset') {
            client.resetAndDestroy()
            upstream.destroy()
          } else {
            stalled = true
          }
        }
      }
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as { port: number }).port,
    setFault: (f) => {
      fault = f
    },
    get openConnections() {
      let n = 0
      for (const s of sockets) if (!s.destroyed && s.remotePort !== targetPort) n += 1
      return n
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
