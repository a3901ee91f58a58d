/**
 * SMTP servers that misbehave on purpose, on 127.0.0.1 (or ::1), for the probe's tests and benches:
 * raw-socket behaviours (slow drip, endless line, binary noise, close after banner, silence) and a small
 * scripted SMTP responder whose every answer, line ending, pacing and STARTTLS behaviour is chosen by
 * the test (a masked ESA behind an ASA, a PIX Mailguard, a DKIM-dropping old PIX, a TLS handshake that
 * breaks). Every server tracks its sockets and `close()` ends them all. Every loop is bounded.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type Server, type Socket } from 'node:net'
import { TLSSocket } from 'node:tls'
import selfsigned from 'selfsigned'

export interface TestServer {
  host: string
  port: number
  /** Connections accepted so far. */
  connections: number
  close(): Promise<void>
}

export type Behaviour = (socket: Socket) => void

export async function startServer(behaviour: Behaviour, host = '127.0.0.1', port = 0): Promise<TestServer> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    handle.connections++
    sockets.add(socket)
    socket.setNoDelay(true)
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
    behaviour(socket)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  const handle: TestServer = {
    host,
    port: address.port,
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
  return handle
}

/** Runs `tick` every `ms` until it returns false, the socket closes, or `max` ticks have run. */
function every(socket: Socket, ms: number, max: number, tick: (n: number) => boolean): void {
  let n = 0
  const timer = setInterval(() => {
    if (socket.destroyed || n >= max || !tick(n++)) clearInterval(timer)
  }, ms)
  socket.on('close', () => clearInterval(timer))
}

export const hostile = {
  /** Sends `text` one byte every `ms`; never finishes a reply in reasonable time. */
  slowDrip(text = '220 slow.example ESMTP drip drip drip\r\n', ms = 50): Behaviour {
    return (socket) => every(socket, ms, 10_000, (n) => socket.write(text[n % text.length]!) || true)
  },
  /** One line that never ends: 1 KiB of `A` per tick, no line feed, up to 64 MiB. */
  endlessLine(): Behaviour {
    const chunk = Buffer.alloc(1024, 0x41)
    return (socket) => {
      socket.write('220')
      every(socket, 1, 65_536, () => socket.write(chunk) || true)
    }
  },
  /** Random bytes, line feeds included, up to 1 MiB. */
  binaryNoise(): Behaviour {
    return (socket) => every(socket, 1, 1024, () => socket.write(randomBytes(1024)) || true)
  },
  closeAfterBanner(banner = '220 bye.example ESMTP\r\n'): Behaviour {
    return (socket) => socket.end(banner)
  },
  /** Accepts and says nothing. */
  silent(): Behaviour {
    return () => {}
  },
  /** An endless multi-line reply: 64 `220-` lines per tick, forever (bounded at 100k ticks). */
  endlessReply(): Behaviour {
    return (socket) =>
      every(socket, 1, 100_000, (n) => {
        const lines = Array.from({ length: 64 }, (_, i) => `220-line ${n * 64 + i}\r\n`)
        return socket.write(lines.join('')) || true
      })
  },
}

export interface SmtpScript {
  banner?: string[]
  /** Reply lines for EHLO; `null` refuses EHLO with `500 5.5.1 Command unrecognized` (Mailguard). */
  ehlo?: string[] | null
  helo?: string[]
  starttls?: string[]
  /** After a `220` to STARTTLS: do TLS, send garbage, close, or inject a line before TLS. */
  afterStarttls?: 'tls' | 'garbage' | 'close' | 'inject'
  tls?: { key: string; cert: string; maxVersion?: 'TLSv1.1' | 'TLSv1.2'; ciphers?: string }
  /** Reply to the end of DATA; `drop-if-dkim` closes the connection when the message has a DKIM-Signature. */
  dataEnd?: 'accept' | 'drop-if-dkim'
  lineEnding?: '\r\n' | '\n'
  /** Sends each byte in its own write with a pause: a server behind a very small MSS, or a hostile one. */
  byteAtATime?: boolean
  /** Receives every message body (the DATA lines). */
  onMessage?: (lines: string[]) => void
}

/** A tiny SMTP server that answers exactly as scripted. Replies are given without line endings. */
export function scriptedSmtp(script: SmtpScript): Behaviour {
  const eol = script.lineEnding ?? '\r\n'
  return (socket) => speak(socket, script, eol, false)
}

function speak(socket: Socket, script: SmtpScript, eol: string, secure: boolean): void {
  const send = pacedWriter(socket, script.byteAtATime === true)
  const reply = (lines: string[]) => send(lines.map((l) => `${l}${eol}`).join(''))
  let buffer = ''
  let inData: string[] | null = null
  if (!secure) reply(script.banner ?? ['220 scripted.example ESMTP'])
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1')
    for (let lf = buffer.indexOf('\n'); lf !== -1; lf = buffer.indexOf('\n')) {
      const line = buffer.slice(0, lf).replace(/\r$/, '')
      buffer = buffer.slice(lf + 1)
      if (inData) {
        if (line !== '.') {
          inData.push(line)
          continue
        }
        const body = inData
        inData = null
        script.onMessage?.(body)
        if (script.dataEnd === 'drop-if-dkim' && body.some((l) => /^DKIM-Signature:/i.test(l))) {
          socket.destroy()
          return
        }
        reply(['250 2.0.0 Ok: queued'])
        continue
      }
      const verb = line.split(' ')[0]!.toUpperCase()
      if (verb === 'EHLO') {
        if (script.ehlo === null) reply(['500 5.5.1 Command unrecognized'])
        else reply(script.ehlo ?? ['250-scripted.example', '250-PIPELINING', '250 STARTTLS'])
      } else if (verb === 'HELO') reply(script.helo ?? ['250 scripted.example'])
      else if (verb === 'STARTTLS') {
        const answer = script.starttls ?? ['220 2.0.0 Ready to start TLS']
        const agrees = answer[0]!.startsWith('220') && !secure
        if (agrees && !script.tls && (script.afterStarttls ?? 'tls') === 'tls') reply(['454 4.7.0 TLS not available'])
        else if (!agrees) reply(answer)
        else {
          socket.off('data', onData)
          return startTls(socket, script, eol, answer[0]!)
        }
      } else if (verb === 'MAIL' || verb === 'RCPT') reply(['250 2.1.0 Ok'])
      else if (verb === 'DATA') {
        inData = []
        reply(['354 End data with <CR><LF>.<CR><LF>'])
      } else if (verb === 'QUIT') {
        reply(['221 2.0.0 Bye'])
        socket.end()
        return
      } else reply(['502 5.5.2 Error: command not recognized'])
    }
  }
  socket.on('data', onData)
}

function startTls(socket: Socket, script: SmtpScript, eol: string, ready: string): void {
  const mode = script.afterStarttls ?? 'tls'
  if (mode === 'close') return void socket.end(`${ready}${eol}`)
  if (mode === 'garbage') {
    socket.write(`${ready}${eol}`)
    every(socket, 5, 20, () => socket.write(randomBytes(512)) || true)
    return
  }
  if (mode === 'inject') socket.write(`${ready}${eol}250 injected before TLS${eol}`)
  else socket.write(`${ready}${eol}`)
  if (!script.tls) return void socket.destroy()
  const { key, cert, maxVersion, ciphers } = script.tls
  const secure = new TLSSocket(socket, {
    isServer: true,
    key,
    cert,
    ...(maxVersion ? { maxVersion, minVersion: 'TLSv1' as const } : {}),
    ...(ciphers ? { ciphers } : {}),
  })
  secure.on('error', () => socket.destroy())
  speak(secure, script, eol, true)
}

/** Writes as given, or one byte per write with a short pause between them. */
function pacedWriter(socket: Socket, byteAtATime: boolean): (text: string) => void {
  if (!byteAtATime) return (text) => void (socket.destroyed || socket.write(text))
  const queue: number[] = []
  let running = false
  const pump = () => {
    const byte = queue.shift()
    if (byte === undefined || socket.destroyed) {
      running = false
      return
    }
    socket.write(Buffer.of(byte))
    setTimeout(pump, 1)
  }
  return (text) => {
    queue.push(...Buffer.from(text, 'latin1'))
    if (!running) {
      running = true
      pump()
    }
  }
}

export interface TestCertificate {
  key: string
  cert: string
}

export interface CertificateOptions {
  commonName?: string
  /** DNS names; IP addresses go in `ips`. */
  names?: string[]
  ips?: string[]
  keyType?: 'rsa' | 'ec'
  notBefore?: Date
  notAfter?: Date
  /** Signs with this CA instead of self-signing. */
  issuer?: TestCertificate
  isCa?: boolean
}

/** A certificate made now, for this test run only. */
export async function makeCertificate(options: CertificateOptions = {}): Promise<TestCertificate> {
  const altNames = [
    ...(options.names ?? ['localhost']).map((value) => ({ type: 2 as const, value })),
    ...(options.ips ?? ['127.0.0.1', '::1']).map((ip) => ({ type: 7 as const, ip })),
  ]
  const extensions = options.isCa
    ? [
        { name: 'basicConstraints' as const, cA: true, critical: true },
        { name: 'keyUsage' as const, keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ]
    : [
        { name: 'basicConstraints' as const, cA: false, critical: true },
        { name: 'keyUsage' as const, digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage' as const, serverAuth: true },
        { name: 'subjectAltName' as const, altNames },
      ]
  const pems = await selfsigned.generate([{ name: 'commonName', value: options.commonName ?? 'localhost' }], {
    keyType: options.keyType ?? 'ec',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(Date.now() - 60_000),
    notAfterDate: options.notAfter ?? new Date(Date.now() + 86_400_000),
    extensions,
    ca: options.issuer ? { key: options.issuer.key, cert: options.issuer.cert } : undefined,
  })
  return { key: pems.private, cert: pems.cert }
}
