/**
 * One proxied connection as the firewall's two interfaces see it: the client-facing leg (`outside` for mail coming
 * in) carries what the client sent and the replies after inspection, the server-facing leg (`inside`) the server's
 * original replies and the commands after inspection. Each leg keeps real TCP sequence numbers; the server's ISN
 * differs between the legs, as the ASA's TCP sequence number randomization rewrites it. The proxy's own ports are
 * lab artefacts: the server side is shown on the SMTP port 25, which is what the firewall would see. Each leg carries
 * the addresses its interface would see (the mail host real on its own side, mapped on the other: addresses.ts).
 *
 * Sequence numbers are counted always (a few additions); packets are built only while a capture wants them, so the
 * proxy keeps streaming without copies when nobody captures.
 */
import { randomBytes } from 'node:crypto'
import type { MailHostAddresses } from './addresses'
import type { FlowTuple } from './match'
import { buildSegment, ipv4Bytes, TCP_FLAGS } from './packets'
import type { CaptureStore } from './store'

export const SMTP_PORT = 25
const MSS = 1460
const WINDOW = 65535

export interface Endpoint {
  address: string
  port: number
}

/** One interface's view of the connection: its name, and both ends as the packets on that interface carry them. */
export interface LegView {
  iface: string
  client: Endpoint
  server: Endpoint
}

export interface TapEndpoints {
  /** The client-facing interface (`outside` for mail coming in). */
  clientSide: LegView
  /** The server-facing interface. */
  serverSide: LegView
}

/** Which end of the connection is the configuration's mail host: the server for mail coming in, the client for egress. */
export type MailHostEnd = 'client' | 'server'

/**
 * Both legs of one connection: the mail host's end shows its real address on its own interface and its mapped one on
 * the other; the peer keeps its socket address and port on both (no NAT for it in the lab configurations).
 */
export function legViews(
  interfaces: { client: string; server: string },
  mailHost: MailHostEnd,
  host: MailHostAddresses | undefined,
  ends: { client: Endpoint; server: Endpoint },
): TapEndpoints {
  const at = (side: MailHostEnd): LegView => {
    const view = { iface: interfaces[side], client: ends.client, server: ends.server }
    if (!host) return view
    const shown = { ...ends[mailHost], address: side === mailHost ? host.real : host.mapped }
    return mailHost === 'client' ? { ...view, client: shown } : { ...view, server: shown }
  }
  return { clientSide: at('client'), serverSide: at('server') }
}

type Direction = 'toServer' | 'toClient'

class Leg {
  private readonly next: Record<Direction, number>
  private readonly finished: Record<Direction, boolean> = { toServer: false, toClient: false }
  private ipId: Record<Direction, number>

  constructor(
    private readonly store: CaptureStore,
    private readonly view: LegView,
    clientIsn: number,
    serverIsn: number,
  ) {
    this.next = { toServer: clientIsn, toClient: serverIsn }
    this.ipId = { toServer: randomBytes(2).readUInt16BE(), toClient: randomBytes(2).readUInt16BE() }
  }

  private tuple(dir: Direction): FlowTuple {
    const { client, server } = this.view
    return dir === 'toServer'
      ? { src: client.address, dst: server.address, sport: client.port, dport: server.port }
      : { src: server.address, dst: client.address, sport: server.port, dport: client.port }
  }

  private emit(dir: Direction, flags: number, payload: Uint8Array, mss?: number): void {
    const seq = this.next[dir]
    const other: Direction = dir === 'toServer' ? 'toClient' : 'toServer'
    const ack = flags & TCP_FLAGS.ACK ? this.next[other] : 0
    const span = payload.length + (flags & (TCP_FLAGS.SYN | TCP_FLAGS.FIN) ? 1 : 0)
    this.next[dir] = (seq + span) >>> 0
    const t = this.tuple(dir)
    if (!this.store.wants(this.view.iface, t)) return
    const src = ipv4Bytes(t.src)
    const dst = ipv4Bytes(t.dst)
    if (!src || !dst) return
    this.ipId[dir] = (this.ipId[dir] + 1) & 0xffff
    const ttl = 64
    const ip = buildSegment({
      src,
      dst,
      sport: t.sport,
      dport: t.dport,
      seq,
      ack,
      flags,
      ipId: this.ipId[dir],
      ttl,
      window: WINDOW,
      mss,
      payload,
    })
    this.store.record(this.view.iface, {
      ts: this.store.now(),
      ...t,
      flags,
      seq,
      ack,
      window: WINDOW,
      payloadLength: payload.length,
      mss,
      ipId: this.ipId[dir],
      ttl,
      ip,
    })
  }

  handshake(): void {
    this.emit('toServer', TCP_FLAGS.SYN, new Uint8Array(0), MSS)
    this.emit('toClient', TCP_FLAGS.SYN | TCP_FLAGS.ACK, new Uint8Array(0), MSS)
    this.emit('toServer', TCP_FLAGS.ACK, new Uint8Array(0))
  }

  data(dir: Direction, bytes: Uint8Array): void {
    if (this.finished[dir]) return
    for (let at = 0; at < bytes.length; at += MSS) {
      const last = at + MSS >= bytes.length
      this.emit(dir, TCP_FLAGS.ACK | (last ? TCP_FLAGS.PSH : 0), bytes.subarray(at, at + MSS))
    }
  }

  fin(dir: Direction): void {
    if (this.finished[dir]) return
    this.finished[dir] = true
    this.emit(dir, TCP_FLAGS.FIN | TCP_FLAGS.ACK, new Uint8Array(0))
    this.emit(dir === 'toServer' ? 'toClient' : 'toServer', TCP_FLAGS.ACK, new Uint8Array(0))
  }
}

/** The hooks the inspection proxy calls; every method is cheap while no capture matches. */
export class ConnectionTap {
  private readonly outside: Leg
  private readonly inside: Leg

  constructor(store: CaptureStore, ends: TapEndpoints) {
    const clientIsn = randomBytes(4).readUInt32BE()
    this.outside = new Leg(store, ends.clientSide, clientIsn, randomBytes(4).readUInt32BE())
    this.inside = new Leg(store, ends.serverSide, clientIsn, randomBytes(4).readUInt32BE())
  }

  /** The client's connection was accepted (its handshake on the client-facing interface). */
  clientAccepted(): void {
    this.outside.handshake()
  }

  /** The connection to the server is up (its handshake on the server-facing interface). */
  serverConnected(): void {
    this.inside.handshake()
  }

  /** Bytes the client sent, as they arrived on its interface. */
  fromClient(bytes: Uint8Array): void {
    this.outside.data('toServer', bytes)
  }

  /** Bytes leaving towards the server (after inspection). */
  toServer(bytes: Uint8Array): void {
    this.inside.data('toServer', bytes)
  }

  /** Bytes the server sent, as they arrived on its interface. */
  fromServer(bytes: Uint8Array): void {
    this.inside.data('toClient', bytes)
  }

  /** Bytes leaving towards the client (after inspection). */
  toClient(bytes: Uint8Array): void {
    this.outside.data('toClient', bytes)
  }

  clientClosed(): void {
    this.outside.fin('toServer')
    this.inside.fin('toServer')
  }

  serverClosed(): void {
    this.inside.fin('toClient')
    this.outside.fin('toClient')
  }
}
