/**
 * Opening connections with deadlines: TCP, a TLS handshake on an existing socket (STARTTLS) and implicit
 * TLS. Certificates are never rejected during the handshake: the probe records the chain and judges it
 * afterwards (tls-report.ts), because an untrusted certificate is a finding, not a reason to stop looking.
 */
import { connect as netConnect, type Socket } from 'node:net'
import { type ConnectionOptions, type TLSSocket, connect as tlsConnect } from 'node:tls'
import type { ProbeErrorCode } from '../../shared/probe/types'

export type Opened<S> = { ok: true; socket: S } | { ok: false; code: ProbeErrorCode; message: string }

export interface TcpEndpoint {
  address: string
  port: number
  family: 4 | 6
}

export function connectTcp(endpoint: TcpEndpoint, timeoutMs: number): Promise<Opened<Socket>> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: endpoint.address, port: endpoint.port, family: endpoint.family, noDelay: true })
    const timer = setTimeout(
      () => finish({ ok: false, code: 'connect-timeout', message: 'TCP connect timed out' }),
      timeoutMs,
    )
    const onError = (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        code: error.code === 'ECONNREFUSED' ? 'connect-refused' : 'connect-failed',
        message: error.message,
      })
    socket.once('error', onError)
    socket.once('connect', () => finish({ ok: true, socket }))
    let done = false
    function finish(outcome: Opened<Socket>): void {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.off('error', onError)
      if (!outcome.ok) {
        socket.on('error', () => {})
        socket.destroy()
      }
      resolve(outcome)
    }
  })
}

/** Handshake over `options.socket` (STARTTLS) or a fresh connection (implicit TLS, `host`/`port` given). */
export function handshakeTls(
  options: ConnectionOptions,
  timeoutMs: number,
  onSocket?: (socket: TLSSocket) => void,
): Promise<Opened<TLSSocket>> {
  return new Promise((resolve) => {
    // The name is checked apart from the chain (tls-report.ts); Node would otherwise fold it into `authorized`.
    const socket = tlsConnect({ ...options, rejectUnauthorized: false, checkServerIdentity: () => undefined })
    onSocket?.(socket)
    const timer = setTimeout(
      () => finish({ ok: false, code: 'tls-timeout', message: 'TLS handshake timed out' }),
      timeoutMs,
    )
    const onError = (error: NodeJS.ErrnoException) =>
      finish({ ok: false, code: 'tls-failed', message: error.code ? `${error.code}: ${error.message}` : error.message })
    const onClose = () =>
      finish({ ok: false, code: 'tls-failed', message: 'the connection closed during the TLS handshake' })
    socket.once('error', onError)
    socket.once('close', onClose)
    socket.once('secureConnect', () => finish({ ok: true, socket }))
    let done = false
    function finish(outcome: Opened<TLSSocket>): void {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.off('error', onError)
      socket.off('close', onClose)
      if (!outcome.ok) {
        socket.on('error', () => {})
        socket.destroy()
        options.socket?.destroy()
      }
      resolve(outcome)
    }
  })
}
