/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP) for MX tests: answers MX, A and AAAA from a zone given
 * by the test, NXDOMAIN for names it does not know, and can stay silent for names listed as `silent`.
 */
import { createSocket, type Socket } from 'node:dgram'
import * as dnsPacket from 'dns-packet'

export interface ZoneEntry {
  mx?: Array<{ preference: number; exchange: string }>
  a?: string[]
  aaaa?: string[]
  /** Never answer queries for this name (a resolver timeout). */
  silent?: boolean
}

export interface DnsServer {
  /** `127.0.0.1:PORT`, ready for `Resolver.setServers`. */
  server: string
  queries: number
  close(): Promise<void>
}

const NXDOMAIN = 3

export async function startDnsServer(zone: Record<string, ZoneEntry>): Promise<DnsServer> {
  const socket: Socket = createSocket('udp4')
  const handle: DnsServer = {
    server: '',
    queries: 0,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
  socket.on('message', (message, peer) => {
    handle.queries++
    let query: dnsPacket.DecodedPacket
    try {
      query = dnsPacket.decode(message)
    } catch {
      return
    }
    const question = query.questions?.[0]
    if (!question) return
    const entry = zone[question.name.toLowerCase().replace(/\.$/, '')]
    if (entry?.silent) return
    const answers: dnsPacket.Answer[] = []
    const base = { name: question.name, ttl: 60, class: 'IN' as const }
    if (entry && question.type === 'MX')
      for (const mx of entry.mx ?? []) answers.push({ ...base, type: 'MX', data: mx })
    if (entry && question.type === 'A') for (const a of entry.a ?? []) answers.push({ ...base, type: 'A', data: a })
    if (entry && question.type === 'AAAA')
      for (const a of entry.aaaa ?? []) answers.push({ ...base, type: 'AAAA', data: a })
    const response = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (entry ? 0 : NXDOMAIN),
      questions: [question],
      answers,
    })
    socket.send(response, peer.port, peer.address)
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  handle.server = `127.0.0.1:${socket.address().port}`
  return handle
}
