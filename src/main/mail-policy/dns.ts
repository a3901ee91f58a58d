/**
 * The DNS lookups of the mail-policy check, each with a deadline and as a result (never an exception):
 *   - TXT (`_mta-sts.DOMAIN`, `_smtp._tls.DOMAIN`) through node:dns `Resolver.resolveTxt`, a private resolver when
 *     servers are given (the lab's loopback DNS), the system's servers otherwise;
 *   - TLSA (`_25._tcp.MX`): node:dns has no TLSA before Node 22.15/23.9 (the CLI runs on Node 20), so the query is
 *     built with dns-packet and sent over UDP to the same servers, with the DNSSEC OK bit (RFC 3225) so that a
 *     validating resolver reports the AD bit; a truncated answer is asked again over TCP (RFC 7766). Answers are
 *     bounded by the protocol (UDP datagram, 16-bit TCP length) and by MAX_TCP_ANSWER.
 */
import { createSocket } from 'node:dgram'
import { getServers, Resolver } from 'node:dns/promises'
import { isIP, Socket } from 'node:net'
import * as dnsPacket from 'dns-packet'
import type { TlsaRecord } from '../../shared/mail-policy/dane'
import type { LookupFailure } from '../../shared/mail-policy/types'

export interface DnsOptions {
  /** `127.0.0.1:5353`, `[::1]:53` or a bare address; the system's servers when absent. */
  servers?: string[]
  timeoutMs: number
}

const MAX_TCP_ANSWER = 65_535
const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN'])

function failure(reason: LookupFailure['reason'], message: string): LookupFailure {
  return { ok: false, reason, message }
}

/** The TXT records of a name, each joined from its character strings (RFC 7208 §3.3 style); none = []. */
export async function lookupTxt(
  name: string,
  options: DnsOptions,
): Promise<{ ok: true; value: string[] } | LookupFailure> {
  const resolver = new Resolver({ timeout: Math.max(1, Math.min(options.timeoutMs, 5_000)), tries: 2 })
  try {
    if (options.servers?.length) resolver.setServers(options.servers)
  } catch (error) {
    return failure('dns-failed', `bad DNS server: ${(error as Error).message}`)
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<LookupFailure>((resolve) => {
    timer = setTimeout(() => {
      resolver.cancel()
      resolve(failure('dns-timeout', `no DNS answer for ${name} within ${options.timeoutMs} ms`))
    }, options.timeoutMs)
  })
  const answer = resolver.resolveTxt(name).then(
    (records) => ({ ok: true as const, value: records.map((chunks) => chunks.join('')) }),
    (error: NodeJS.ErrnoException) =>
      error.code && NO_RECORD.has(error.code)
        ? { ok: true as const, value: [] }
        : failure(
            error.code === 'ECANCELLED' ? 'dns-timeout' : 'dns-failed',
            `${error.code ?? ''} ${error.message}`.trim(),
          ),
  )
  try {
    return await Promise.race([answer, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function serverAddress(server: string): { host: string; port: number } | null {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server)
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2] ?? 53) }
  if (isIP(server)) return { host: server, port: 53 }
  const hostPort = /^([^:]+):(\d+)$/.exec(server)
  if (hostPort && isIP(hostPort[1]!)) return { host: hostPort[1]!, port: Number(hostPort[2]) }
  return null
}

function query(name: string, id: number): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: 'TLSA', name, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: 1232,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: dnsPacket.DNSSEC_OK,
        flag_do: true,
        options: [],
      },
    ],
  })
}

function overUdp(message: Buffer, host: string, port: number, deadline: Promise<never>): Promise<Buffer> {
  const socket = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4')
  const answer = new Promise<Buffer>((resolve, reject) => {
    socket.once('error', reject)
    socket.on('message', (data) => {
      if (data.length >= 2 && data.readUInt16BE(0) === message.readUInt16BE(0)) resolve(data)
    })
    socket.send(message, port, host)
  })
  return Promise.race([answer, deadline]).finally(() => socket.close())
}

function overTcp(message: Buffer, host: string, port: number, deadline: Promise<never>): Promise<Buffer> {
  const socket = new Socket()
  const answer = new Promise<Buffer>((resolve, reject) => {
    let buffered = Buffer.alloc(0)
    socket.once('error', reject)
    socket.once('close', () => reject(new Error('connection closed before the answer')))
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk])
      if (buffered.length > MAX_TCP_ANSWER + 2) return reject(new Error('answer too large'))
      if (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0))
        resolve(buffered.subarray(2, 2 + buffered.readUInt16BE(0)))
    })
    socket.connect(port, host, () => {
      const length = Buffer.alloc(2)
      length.writeUInt16BE(message.length)
      socket.write(Buffer.concat([length, message]))
    })
  })
  return Promise.race([answer, deadline]).finally(() => socket.destroy())
}

const NXDOMAIN = 3

/** TLSA records at `name` (`_25._tcp.mx.example`), and whether the resolver vouched for them (AD bit). */
export async function lookupTlsa(
  name: string,
  options: DnsOptions,
): Promise<{ ok: true; records: TlsaRecord[]; authenticated: boolean } | LookupFailure> {
  const server = (options.servers?.length ? options.servers : getServers())[0]
  const address = server ? serverAddress(server) : null
  if (!address) return failure('dns-failed', `no usable DNS server (${server ?? 'none configured'})`)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no DNS answer for ${name} within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    )
  })
  deadline.catch(() => {})
  const id = Math.floor(Math.random() * 65_535)
  try {
    const message = query(name, id)
    let response = dnsPacket.decode(await overUdp(message, address.host, address.port, deadline))
    if ((response.flags ?? 0) & dnsPacket.TRUNCATED_RESPONSE)
      response = dnsPacket.decode(await overTcp(message, address.host, address.port, deadline))
    const rcode = (response.flags ?? 0) & 0x0f
    if (rcode === NXDOMAIN) return { ok: true, records: [], authenticated: false }
    if (rcode !== 0) return failure('dns-failed', `DNS answer code ${rcode} for ${name}`)
    const records = (response.answers ?? []).flatMap((a): TlsaRecord[] =>
      a.type === 'TLSA'
        ? [
            {
              usage: a.data.usage,
              selector: a.data.selector,
              matchingType: a.data.matchingType,
              data: Buffer.from(a.data.certificate).toString('hex'),
            },
          ]
        : [],
    )
    return { ok: true, records, authenticated: ((response.flags ?? 0) & dnsPacket.AUTHENTIC_DATA) !== 0 }
  } catch (error) {
    const message = (error as Error).message
    return failure(message.startsWith('no DNS answer') ? 'dns-timeout' : 'dns-failed', message)
  } finally {
    clearTimeout(timer)
  }
}
