/**
 * The lab's DNS server (issue 17): authoritative answers from a zone held in memory, on 127.0.0.1 only, over UDP and
 * TCP (RFC 7766), so the probe's MX, A, TXT and TLSA lookups run end to end without the internet. Answers carry the
 * AD bit when the zone says so (standing in for a validating resolver: DANE senders only use DNSSEC-validated TLSA).
 * The zone can be changed while running (a fix, a new policy id) and can make names silent (a resolver timeout) or
 * truncate UDP answers (to exercise the TCP retry). The TCP listener takes the UDP port number.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram'
import { createServer, type Server, type Socket } from 'node:net'
import * as dnsPacket from 'dns-packet'

export interface LabTlsa {
  usage: number
  selector: number
  matchingType: number
  /** Hex. */
  data: string
}

export interface LabZoneEntry {
  mx?: Array<{ preference: number; exchange: string }>
  a?: string[]
  aaaa?: string[]
  /** Each record as one string (split into 255-byte character strings on the wire). */
  txt?: string[]
  tlsa?: LabTlsa[]
  /** Never answer (a timeout). */
  silent?: boolean
  /** Set the TC bit on UDP answers, so the client must ask over TCP. */
  truncateUdp?: boolean
}

export interface LabDnsServer {
  /** `127.0.0.1:PORT` for `--dns` / `Resolver.setServers`. */
  server: string
  zone: Record<string, LabZoneEntry>
  /** Sets the AD bit on every answer (default true). */
  authenticated: boolean
  queries: Array<{ name: string; type: string; transport: 'udp' | 'tcp' }>
  close(): Promise<void>
}

const NXDOMAIN = 3

function chunks(text: string): Buffer[] {
  const data = Buffer.from(text, 'utf8')
  const out: Buffer[] = []
  for (let i = 0; i < data.length; i += 255) out.push(data.subarray(i, i + 255))
  return out.length > 0 ? out : [Buffer.alloc(0)]
}

function answer(handle: LabDnsServer, message: Buffer, transport: 'udp' | 'tcp'): Buffer | null {
  let query: dnsPacket.DecodedPacket
  try {
    query = dnsPacket.decode(message)
  } catch {
    return null
  }
  const question = query.questions?.[0]
  if (!question) return null
  const name = question.name.toLowerCase().replace(/\.$/, '')
  handle.queries.push({ name, type: question.type, transport })
  const entry = handle.zone[name]
  if (entry?.silent) return null
  const base = { name: question.name, ttl: 60, class: 'IN' as const }
  const answers: dnsPacket.Answer[] = []
  const truncated = transport === 'udp' && entry?.truncateUdp === true
  if (entry && !truncated) {
    if (question.type === 'MX') for (const data of entry.mx ?? []) answers.push({ ...base, type: 'MX', data })
    if (question.type === 'A') for (const data of entry.a ?? []) answers.push({ ...base, type: 'A', data })
    if (question.type === 'AAAA') for (const data of entry.aaaa ?? []) answers.push({ ...base, type: 'AAAA', data })
    if (question.type === 'TXT')
      for (const t of entry.txt ?? []) answers.push({ ...base, type: 'TXT', data: chunks(t) })
    if (question.type === 'TLSA')
      for (const t of entry.tlsa ?? [])
        answers.push({
          ...base,
          type: 'TLSA',
          data: {
            usage: t.usage,
            selector: t.selector,
            matchingType: t.matchingType,
            certificate: Buffer.from(t.data, 'hex'),
          },
        })
  }
  const flags =
    dnsPacket.AUTHORITATIVE_ANSWER |
    (handle.authenticated ? dnsPacket.AUTHENTIC_DATA : 0) |
    (truncated ? dnsPacket.TRUNCATED_RESPONSE : 0) |
    (entry ? 0 : NXDOMAIN)
  return dnsPacket.encode({ type: 'response', id: query.id, flags, questions: [question], answers })
}

export async function startLabDns(zone: Record<string, LabZoneEntry>): Promise<LabDnsServer> {
  const udp: UdpSocket = createSocket('udp4')
  const sockets = new Set<Socket>()
  const tcp: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    let buffered = Buffer.alloc(0)
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk])
      if (buffered.length > 65_537) {
        socket.destroy()
        return
      }
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const message = buffered.subarray(2, 2 + buffered.readUInt16BE(0))
        buffered = buffered.subarray(2 + message.length)
        const reply = answer(handle, message, 'tcp')
        if (!reply) continue
        const length = Buffer.alloc(2)
        length.writeUInt16BE(reply.length)
        socket.write(Buffer.concat([length, reply]))
      }
    })
  })
  const handle: LabDnsServer = {
    server: '',
    zone,
    authenticated: true,
    queries: [],
    close: async () => {
      for (const s of sockets) s.destroy()
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ])
    },
  }
  udp.on('message', (message, peer) => {
    const reply = answer(handle, message, 'udp')
    if (reply) udp.send(reply, peer.port, peer.address)
  })
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve))
  const port = udp.address().port
  // The same port number over TCP, as a resolver expects (RFC 7766).
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject)
    tcp.listen(port, '127.0.0.1', resolve)
  })
  handle.server = `127.0.0.1:${port}`
  return handle
}
