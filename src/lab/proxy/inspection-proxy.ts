/**
 * The inspecting path: a TCP proxy on 127.0.0.1 in front of the mail host. Each new connection asks the simulated
 * firewall for its policy at that moment, so a configuration change over SSH applies to the next connection, just as
 * on a real ASA. Streams both ways with back-pressure, so large messages pass without being held in memory.
 */
import { connect, createServer, type Server, type Socket } from 'node:net'
import { ConnectionTap, legViews, type MailHostEnd, SMTP_PORT } from '../capture/tap'
import { listenOnLoopback } from '../endpoints/listen'
import type { InspectingFirewall } from './policy'
import { type InspectorOutput, SmtpInspector } from './smtp-inspector'

export interface InspectionProxyOptions {
  upstream: { host: string; port: number }
  /** null: no firewall in the path (a plain relay). */
  firewall: InspectingFirewall | null
  port?: number
  idleTimeoutMs?: number
  connectTimeoutMs?: number
  /** Interface names for syslog lines: the client's and the server's side (default outside → inside). */
  interfaces?: { client: string; server: string }
  /**
   * Which end is the configuration's mail host, for the addresses in capture packets: the server (default, mail
   * coming in) or the client (the site's own mail leaving through the egress path).
   */
  mailHostEnd?: MailHostEnd
}

export interface InspectionProxy {
  host: '127.0.0.1'
  port: number
  close(): Promise<void>
}

export async function startInspectionProxy(options: InspectionProxyOptions): Promise<InspectionProxy> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => handle(client, options, sockets))
  server.on('error', () => {})
  const port = await listenOnLoopback(server, options.port)
  return {
    host: '127.0.0.1',
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

function handle(client: Socket, options: InspectionProxyOptions, sockets: Set<Socket>): void {
  const policy = options.firewall?.currentPolicy() ?? { kind: 'off' as const }
  const upstream = connect({ host: options.upstream.host, port: options.upstream.port })
  for (const s of [client, upstream]) {
    sockets.add(s)
    s.setNoDelay(true)
    s.setTimeout(options.idleTimeoutMs ?? 300_000, () => s.destroy())
    s.on('close', () => {
      sockets.delete(s)
      const other = s === client ? upstream : client
      if (!other.destroyed) other.end()
    })
    s.on('error', () => {
      const other = s === client ? upstream : client
      other.destroy()
    })
  }
  const connectTimer = setTimeout(() => {
    client.destroy()
    upstream.destroy()
  }, options.connectTimeoutMs ?? 10_000)
  upstream.once('connect', () => clearTimeout(connectTimer))
  client.on('close', () => clearTimeout(connectTimer))

  const names = options.interfaces ?? { client: 'outside', server: 'inside' }
  const tap = tapFor(client, options, names)
  if (tap) {
    tap.clientAccepted()
    upstream.once('connect', () => tap.serverConnected())
    client.once('end', () => tap.clientClosed())
    upstream.once('end', () => tap.serverClosed())
  }

  if (policy.kind === 'off') {
    if (tap) {
      // Extra listeners beside the pipes: the same chunk on both sides, with the pipes' back-pressure intact.
      client.on('data', (chunk: Buffer) => {
        tap.fromClient(chunk)
        tap.toServer(chunk)
      })
      upstream.on('data', (chunk: Buffer) => {
        tap.fromServer(chunk)
        tap.toClient(chunk)
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
    return
  }
  const firewall = options.firewall!
  const flow = {
    client: `${names.client}:${client.remoteAddress ?? '127.0.0.1'}/${client.remotePort ?? 0}`,
    server: `${names.server}:${options.upstream.host}/${options.upstream.port}`,
  }
  const inspector = new SmtpInspector(policy, firewall.counters, (m) => firewall.log(m), flow)
  const apply = (outputs: InspectorOutput[], source: Socket) => {
    for (const o of outputs) {
      if ('action' in o) {
        if (o.action === 'reset') {
          client.resetAndDestroy()
          upstream.resetAndDestroy()
        } else {
          client.destroy()
          upstream.destroy()
        }
        return
      }
      const target = o.to === 'server' ? upstream : client
      if (target.destroyed) continue
      if (o.to === 'server') tap?.toServer(o.data)
      else tap?.toClient(o.data)
      if (!target.write(o.data)) {
        source.pause()
        target.once('drain', () => source.resume())
      }
    }
  }
  client.on('data', (chunk: Buffer) => {
    tap?.fromClient(chunk)
    apply(inspector.fromClient(chunk), client)
  })
  upstream.on('data', (chunk: Buffer) => {
    tap?.fromServer(chunk)
    apply(inspector.fromServer(chunk), upstream)
  })
}

/**
 * The device's capture hooks for this connection, or undefined when the path has no device with captures. The
 * server side is shown on port 25 (the proxy's own port is a lab artefact), the client with its real port; the mail
 * host's end with the addresses the device's configuration gives it on each interface, asked now, so a NAT changed
 * over SSH (asa-nat-commands.ts) applies from the next connection on.
 */
function tapFor(
  client: Socket,
  options: InspectionProxyOptions,
  interfaces: { client: string; server: string },
): ConnectionTap | undefined {
  const firewall = options.firewall
  const store = firewall?.captures
  if (!firewall || !store) return undefined
  const mailHost = options.mailHostEnd ?? 'server'
  const peer = mailHost === 'server' ? 'client' : 'server'
  const host = firewall.mailHostAddresses?.(interfaces[mailHost], interfaces[peer])
  const ends = {
    client: { address: client.remoteAddress ?? '127.0.0.1', port: client.remotePort ?? 0 },
    server: { address: options.upstream.host, port: SMTP_PORT },
  }
  return new ConnectionTap(store, legViews(interfaces, mailHost, host, ends))
}
