/**
 * The mail host behind the simulated firewall: smtp-server with STARTTLS, accepting mail for one test domain and
 * keeping it (in memory for tests, and as .eml files in the lab state folder for people).
 */
import { writeFileSync } from 'node:fs'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import { ensureDir } from '../state-dir'
import { type LabCertificate, loadOrCreateCertificate } from './certificate'
import { orderEhloLines, type Persona, type PersonaId, personaFor } from './personas'

export interface MailHostOptions {
  persona: PersonaId
  hostname: string
  /** Mail for this domain (and its subdomains) is accepted; anything else is refused as relaying. */
  domain: string
  stateDir: string
  port?: number
  /** Largest message kept; bigger ones are refused with 552 after being read. */
  maxMessageBytes?: number
}

export interface StoredMessage {
  from: string
  to: string[]
  data: Buffer
  tls: boolean
  receivedAt: string
}

export interface MailHost {
  host: '127.0.0.1'
  port: number
  hostname: string
  domain: string
  persona: PersonaId
  certificate: LabCertificate
  /** Messages received since start, oldest first (at most 1000 kept in memory). */
  messages: StoredMessage[]
  close(): Promise<void>
}

const MAX_KEPT = 1000

export async function startMailHost(options: MailHostOptions): Promise<MailHost> {
  const persona = personaFor(options.persona)
  const certificate = await loadOrCreateCertificate(options.stateDir, options.hostname)
  const mailbox = ensureDir(join(options.stateDir, 'mailbox', options.domain))
  const maxBytes = options.maxMessageBytes ?? 50 * 1024 * 1024
  const messages: StoredMessage[] = []
  let sequence = 0

  const server = new SMTPServer({
    name: options.hostname,
    key: certificate.key,
    cert: certificate.cert,
    logger: false,
    authOptional: true,
    disabledCommands: persona.tls?.offered === false ? ['AUTH', 'STARTTLS'] : ['AUTH'],
    disableReverseLookup: true,
    size: Math.min(persona.size, maxBytes),
    hidePIPELINING: persona.hide.pipelining,
    hideSMTPUTF8: persona.hide.smtputf8,
    hideDSN: persona.hide.dsn,
    hideENHANCEDSTATUSCODES: persona.hide.enhancedStatusCodes,
    heloResponse: persona.heloResponse,
    socketTimeout: 60_000,
    closeTimeout: 1_000,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase() ?? ''
      if (domain === options.domain || domain.endsWith(`.${options.domain}`)) return callback()
      const error = new Error('Relaying denied') as Error & { responseCode: number }
      error.responseCode = 550
      callback(error)
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = []
      let length = 0
      stream.on('data', (chunk: Buffer) => {
        length += chunk.length
        if (length <= maxBytes) chunks.push(chunk)
      })
      stream.on('end', () => {
        if (stream.sizeExceeded || length > maxBytes) {
          const error = new Error('Message too big') as Error & { responseCode: number }
          error.responseCode = 552
          return callback(error)
        }
        const message: StoredMessage = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks),
          tls: session.secure,
          receivedAt: new Date().toISOString(),
        }
        messages.push(message)
        if (messages.length > MAX_KEPT) messages.shift()
        sequence += 1
        const file = `${message.receivedAt.replace(/[:.]/g, '-')}-${process.pid}-${sequence}.eml`
        writeFileSync(join(mailbox, file), message.data)
        callback(null, `Ok: queued as LAB${sequence}`)
      })
    },
  })
  server.on('error', () => {})
  dressConnections(server, persona, options.hostname)

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject)
      resolve()
    })
  })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    host: '127.0.0.1',
    port,
    hostname: options.hostname,
    domain: options.domain,
    persona: options.persona,
    certificate,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

type Send = (code: number, data?: string | string[], context?: string | false) => void
interface ConnectionInternals {
  send: Send
}
interface ServerInternals {
  connect(socket: Socket, socketOptions: unknown): void
  connections: Set<ConnectionInternals>
}

/**
 * smtp-server has no hook for reply wording, so each new connection's `send` is wrapped: greeting, EHLO keyword
 * order, and the reply to unknown commands follow the persona. Everything else is smtp-server's own behaviour.
 */
function dressConnections(server: SMTPServer, persona: Persona, hostname: string): void {
  const internals = server as unknown as ServerInternals
  const connect = internals.connect.bind(server)
  internals.connect = (socket, socketOptions) => {
    const before = new Set(internals.connections)
    connect(socket, socketOptions)
    for (const connection of internals.connections) {
      if (!before.has(connection)) dress(connection, persona, hostname)
    }
  }
}

function dress(connection: ConnectionInternals, persona: Persona, hostname: string): void {
  const send = connection.send.bind(connection)
  let greeted = false
  let unknownCount = 0
  connection.send = (code, data, context) => {
    if (code === 220 && !greeted) {
      greeted = true
      return send(220, persona.greeting(hostname, new Date()), false)
    }
    const tooMany = code === 421 && data === 'Error: too many unrecognized commands'
    if (code === 500 && data === 'Error: command not recognized' && context === 'STARTTLS' && persona.tls) {
      return send(persona.tls.reply.code, persona.tls.reply.text, false)
    }
    if ((code === 500 && data === 'Error: command not recognized') || tooMany) {
      unknownCount += 1
      const limit = persona.badCommandLimit
      if (limit && unknownCount >= limit.count) return send(limit.code, limit.text, false)
      if (tooMany) return send(code, data, context)
      const reply = persona.unknownCommand(typeof context === 'string' ? context : '')
      return send(reply.code, reply.text, false)
    }
    if (code === 214 && persona.help) return send(214, persona.help, false)
    if (code === 250 && Array.isArray(data) && data.length > 1)
      return send(250, orderEhloLines([...data, ...(persona.extraEhlo ?? [])], persona.ehloOrder), context)
    return send(code, data, context)
  }
}
