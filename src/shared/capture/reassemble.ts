/**
 * TCP reassembly: segments grouped by connection (4-tuple; a fresh SYN after data or FIN starts a new connection),
 * each direction ordered by sequence number from its SYN (or the first segment seen), retransmissions and overlaps
 * dropped (first copy wins), gaps counted. Sequence numbers wrap at 2³² (RFC 9293 §3.4), so offsets are taken
 * modulo 2³²; a segment more than 2³¹ behind the start is an old retransmission and is dropped.
 *
 * Memory: payloads stay views into the capture's bytes; a direction keeps at most `maxStreamBytes` (then `capped`).
 */
import { type TcpSegment, tcpSegment } from './segments'
import type { Endpoint, Frame, StreamChunk, TcpConnection, TcpStream } from './types'

/** Ports a mail server listens on (25 SMTP, 587 submission, 465 submissions, 2525 a common alternative). */
export const SMTP_PORTS: ReadonlySet<number> = new Set([25, 465, 587, 2525])

export const MAX_STREAM_BYTES = 16 * 1024 * 1024

interface Pending {
  offset: number
  ts: number
  frame: number
  data: Uint8Array
}

interface Direction {
  base: number | null
  stored: number
  capped: boolean
  pending: Pending[]
  firstPayloadAt: number
}

interface Building {
  index: number
  a: Endpoint
  b: Endpoint
  /** 'a' or 'b' when a SYN without ACK said who opened the connection. */
  opener: 'a' | 'b' | null
  start: number
  finished: boolean
  hadData: boolean
  ab: Direction
  ba: Direction
}

export interface Reassembly {
  connections: TcpConnection[]
  tcpFrames: number
}

function newDirection(): Direction {
  return { base: null, stored: 0, capped: false, pending: [], firstPayloadAt: Number.POSITIVE_INFINITY }
}

export function reassemble(frames: readonly Frame[], maxStreamBytes = MAX_STREAM_BYTES): Reassembly {
  const open = new Map<string, Building>()
  const all: Building[] = []
  let tcpFrames = 0
  for (const frame of frames) {
    const s = tcpSegment(frame)
    if (!s) continue
    tcpFrames++
    const forward = s.src < s.dst || (s.src === s.dst && s.srcPort <= s.dstPort)
    const key = forward ? `${s.src}|${s.srcPort}|${s.dst}|${s.dstPort}` : `${s.dst}|${s.dstPort}|${s.src}|${s.srcPort}`
    let c = open.get(key)
    if (c && s.syn && !s.ack && (c.hadData || c.finished)) c = undefined
    if (!c) {
      const a = { address: s.src, port: s.srcPort }
      const b = { address: s.dst, port: s.dstPort }
      c = {
        index: all.length + 1,
        a,
        b,
        opener: null,
        start: frame.ts,
        finished: false,
        hadData: false,
        ab: newDirection(),
        ba: newDirection(),
      }
      open.set(key, c)
      all.push(c)
    }
    const fromA = s.src === c.a.address && s.srcPort === c.a.port
    if (s.syn && !s.ack && c.opener === null) c.opener = fromA ? 'a' : 'b'
    if (s.fin || s.rst) c.finished = true
    add(fromA ? c.ab : c.ba, s, frame, maxStreamBytes)
    if (s.payload.length > 0) c.hadData = true
  }
  const connections = all.filter((c) => c.hadData).map((c, i) => finish(c, i + 1))
  return { connections, tcpFrames }
}

function add(d: Direction, s: TcpSegment, frame: Frame, max: number): void {
  if (s.syn) {
    d.base = (s.seq + 1) >>> 0
    return
  }
  if (s.payload.length === 0) return
  if (d.base === null) d.base = s.seq
  const offset = (s.seq - d.base) >>> 0
  if (offset >= 0x80000000) return
  if (d.stored + s.payload.length > max) {
    d.capped = true
    return
  }
  d.stored += s.payload.length
  if (frame.ts < d.firstPayloadAt) d.firstPayloadAt = frame.ts
  d.pending.push({ offset, ts: frame.ts, frame: frame.number, data: s.payload })
}

function stream(d: Direction): TcpStream {
  const sorted = d.pending.slice().sort((x, y) => x.offset - y.offset || x.frame - y.frame)
  const chunks: StreamChunk[] = []
  let cursor = 0
  let missing = 0
  for (const p of sorted) {
    const end = p.offset + p.data.length
    if (end <= cursor) continue
    let gapBefore = 0
    if (p.offset > cursor) {
      gapBefore = p.offset - cursor
      missing += gapBefore
      cursor = p.offset
    }
    chunks.push({ ts: p.ts, frame: p.frame, data: p.data.subarray(cursor - p.offset), gapBefore })
    cursor = end
  }
  return { chunks, missing, capped: d.capped }
}

/** Who is the server: the SYN says so; without it, a mail port, then whoever spoke first (SMTP servers do). */
function serverSide(c: Building): 'a' | 'b' {
  if (c.opener) return c.opener === 'a' ? 'b' : 'a'
  const aMail = SMTP_PORTS.has(c.a.port)
  const bMail = SMTP_PORTS.has(c.b.port)
  if (aMail !== bMail) return aMail ? 'a' : 'b'
  if (c.ab.firstPayloadAt !== c.ba.firstPayloadAt) return c.ab.firstPayloadAt < c.ba.firstPayloadAt ? 'a' : 'b'
  return c.a.port <= c.b.port ? 'a' : 'b'
}

function finish(c: Building, index: number): TcpConnection {
  const server = serverSide(c)
  return {
    index,
    client: server === 'a' ? c.b : c.a,
    server: server === 'a' ? c.a : c.b,
    start: c.start,
    sawSyn: c.opener !== null,
    toServer: stream(server === 'a' ? c.ba : c.ab),
    toClient: stream(server === 'a' ? c.ab : c.ba),
  }
}
