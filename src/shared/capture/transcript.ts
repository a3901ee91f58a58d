/**
 * A reassembled TCP connection read as an SMTP conversation (RFC 5321): lines of both directions in capture order,
 * each with the time and frame of its first byte. The message body after a 354 reply is summarised, not kept
 * (a capture may hold megabytes of mail; only the dialogue is evidence). After STARTTLS is answered with 220
 * (RFC 3207 §4) the rest is TLS and is counted, not split into lines; a connection that is TLS from its first byte
 * (port 465, RFC 8314) is marked `encrypted`. A connection where neither side speaks SMTP yields null.
 */
import type { CaptureLine, CaptureTranscript, StreamChunk, TcpConnection, TcpStream } from './types'

/** Lines longer than this are cut (RFC 5321 §4.5.3.1.4 allows 512 octets; 4096 matches MAX_LINE_READ). */
const MAX_LINE = 4096

interface RawLine {
  text: string
  ts: number
  frame: number
  /** Stream offset just past the line's LF. */
  end: number
  /** Bytes the capture missed before this line. */
  gapBefore: number
}

/** Splits one direction into lines, reading at most `limit` lines (the rest of a binary stream is not wanted). */
function* lines(stream: TcpStream): Generator<RawLine> {
  let buf: number[] = []
  let start: { ts: number; frame: number; gap: number } | null = null
  let offset = 0
  let pendingGap = 0
  for (const chunk of stream.chunks) {
    pendingGap += chunk.gapBefore
    if (chunk.gapBefore > 0 && start) {
      // A gap inside a line: what was before it is a line of its own (cut), so nothing is glued across the hole.
      yield { text: decode(buf), ts: start.ts, frame: start.frame, end: offset, gapBefore: start.gap }
      buf = []
      start = null
    }
    offset += chunk.gapBefore
    const d = chunk.data
    for (let i = 0; i < d.length; i++) {
      const b = d[i]!
      if (!start) {
        start = { ts: chunk.ts, frame: chunk.frame, gap: pendingGap }
        pendingGap = 0
      }
      offset++
      if (b === 0x0a) {
        if (buf.length > 0 && buf[buf.length - 1] === 0x0d) buf.pop()
        yield { text: decode(buf), ts: start.ts, frame: start.frame, end: offset, gapBefore: start.gap }
        buf = []
        start = null
      } else if (buf.length < MAX_LINE) buf.push(b)
    }
  }
  if (start && buf.length > 0)
    yield { text: decode(buf), ts: start.ts, frame: start.frame, end: offset, gapBefore: start.gap }
}

function decode(bytes: readonly number[]): string {
  return String.fromCharCode(...bytes)
}

function firstBytes(stream: TcpStream): Uint8Array | null {
  const c: StreamChunk | undefined = stream.chunks[0]
  return c && c.gapBefore === 0 ? c.data : null
}

function isTlsRecord(bytes: Uint8Array | null): boolean {
  // A TLS handshake record: type 22, version 3.x (RFC 8446 §5.1).
  return bytes !== null && bytes.length >= 2 && bytes[0] === 0x16 && bytes[1] === 0x03
}

const REPLY = /^\d{3}(?:[ -]|$)/
const GREETING_COMMAND = /^(?:EHLO|HELO|LHLO)\b/i

function totalBytes(stream: TcpStream): number {
  let n = 0
  for (const c of stream.chunks) n += c.data.length
  return n
}

function gapNote(bytes: number, at: RawLine): CaptureLine {
  return { direction: 'note', text: `[${bytes} bytes missing from the capture]`, ts: at.ts, frame: at.frame }
}

export function smtpTranscript(connection: TcpConnection): CaptureTranscript | null {
  if (isTlsRecord(firstBytes(connection.toServer)) || isTlsRecord(firstBytes(connection.toClient))) {
    const bytes = totalBytes(connection.toServer) + totalBytes(connection.toClient)
    const note: CaptureLine = {
      direction: 'note',
      text: `TLS from the first byte: ${bytes} bytes, encrypted`,
      ts: connection.start,
      frame: 0,
    }
    return { connection, lines: [note], encryptedAfter: false, encrypted: true }
  }
  const server: RawLine[] = []
  for (const l of lines(connection.toClient)) {
    server.push(l)
    if (server.length === 1 && !REPLY.test(l.text)) break
    if (server.length > 100_000) break
  }
  const serverSpeaksSmtp = server.length > 0 && REPLY.test(server[0]!.text)
  const client: CaptureLine[] = []
  const serverOut: CaptureLine[] = []
  let bodyLines = 0
  let bodyBytes = 0
  let inBody = false
  let tlsAt: { clientEnd: number; serverIndex: number; ts: number; frame: number } | null = null
  let firstClient: string | null = null
  let clientEnd = 0
  // Index of the first server line after a client line, found by frame order (frames are capture order).
  const serverAfter = (frame: number): number => {
    let lo = 0
    let hi = server.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (server[mid]!.frame <= frame) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  for (const l of lines(connection.toServer)) {
    if (firstClient === null) {
      firstClient = l.text
      if (!serverSpeaksSmtp && !GREETING_COMMAND.test(l.text)) return null
    }
    if (l.gapBefore > 0) client.push(gapNote(l.gapBefore, l))
    clientEnd = l.end
    if (inBody) {
      if (l.text === '.') {
        inBody = false
        client.push({
          direction: 'note',
          text: `[message: ${bodyLines} lines, ${bodyBytes} bytes]`,
          ts: l.ts,
          frame: l.frame,
        })
        client.push({ direction: 'client', text: '.', ts: l.ts, frame: l.frame })
      } else {
        bodyLines++
        bodyBytes += l.text.length + 2
      }
      continue
    }
    client.push({ direction: 'client', text: l.text, ts: l.ts, frame: l.frame })
    const verb = l.text.trim().toUpperCase()
    if (verb === 'DATA' || verb === 'STARTTLS') {
      const reply = server[serverAfter(l.frame)]
      if (verb === 'DATA' && reply?.text.startsWith('354')) {
        inBody = true
        bodyLines = 0
        bodyBytes = 0
      }
      if (verb === 'STARTTLS' && reply?.text.startsWith('220')) {
        tlsAt = { clientEnd: l.end, serverIndex: serverAfter(l.frame), ts: reply.ts, frame: reply.frame }
        break
      }
    }
  }
  if (firstClient === null && !serverSpeaksSmtp) return null
  const serverLimit = tlsAt ? tlsAt.serverIndex + 1 : server.length
  for (let i = 0; i < serverLimit && i < server.length; i++) {
    const l = server[i]!
    if (l.gapBefore > 0) serverOut.push(gapNote(l.gapBefore, l))
    serverOut.push({ direction: 'server', text: l.text, ts: l.ts, frame: l.frame })
  }
  const merged = mergeByFrame(serverOut, client)
  if (tlsAt) {
    const encryptedBytes =
      totalBytes(connection.toServer) -
      tlsAt.clientEnd +
      Math.max(0, totalBytes(connection.toClient) - (server[tlsAt.serverIndex]?.end ?? 0))
    merged.push({
      direction: 'note',
      text: `TLS started: ${encryptedBytes} further bytes, encrypted`,
      ts: tlsAt.ts,
      frame: tlsAt.frame,
    })
  } else if (clientEnd === 0 && server.length === 0) return null
  return { connection, lines: merged, encryptedAfter: tlsAt !== null, encrypted: false }
}

/** Both directions in capture order; within one frame a direction keeps its own order (a frame is one direction). */
function mergeByFrame(a: readonly CaptureLine[], b: readonly CaptureLine[]): CaptureLine[] {
  const out: CaptureLine[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.frame <= b[j]!.frame)) out.push(a[i++]!)
    else out.push(b[j++]!)
  }
  return out
}
