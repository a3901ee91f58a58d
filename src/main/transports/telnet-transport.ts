/** Telnet to a firewall (PIX 6.x has no usable SSH): a TCP socket with option negotiation on top. */
import { connect as tcpConnect } from 'node:net'
import { type ByteChannel, ChannelEnd, DataListeners, TransportError } from './channel'
import { TelnetNegotiator } from './telnet-protocol'

export interface TelnetOptions {
  host: string
  port?: number
  cols?: number
  rows?: number
  timeoutMs?: number
}

export interface TelnetChannel extends ByteChannel {
  readonly kind: 'telnet'
  readonly negotiator: TelnetNegotiator
}

export function connectTelnet(options: TelnetOptions): Promise<TelnetChannel> {
  const port = options.port ?? 23
  const peer = `telnet://${options.host}:${port}`
  const timeoutMs = options.timeoutMs ?? 15_000
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: options.host, port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new TransportError('timeout', { peer, ms: timeoutMs }))
    }, timeoutMs)
    const data = new DataListeners()
    const end = new ChannelEnd()
    const negotiator = new TelnetNegotiator(
      (bytes) => {
        if (!socket.destroyed) socket.write(bytes)
      },
      { cols: options.cols ?? 200, rows: options.rows ?? 48 },
    )
    socket.on('data', (chunk: Buffer) => {
      const payload = negotiator.receive(chunk)
      if (payload.length) data.emit(payload)
    })
    const finish = (error?: Error): void => {
      end.finish(error)
    }
    socket.once('error', (error) => {
      clearTimeout(timer)
      reject(new TransportError('connectFailed', { peer, reason: error.message }))
      finish(error)
    })
    socket.on('close', () => finish())
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.setNoDelay(true)
      socket.setKeepAlive(true, 15_000)
      resolve({
        kind: 'telnet',
        peer,
        negotiator,
        get closed() {
          return end.closed
        },
        write: (chunk) => {
          if (!end.closed) socket.write(negotiator.encode(chunk))
        },
        onData: (listener) => data.add(listener),
        onClose: (listener) => end.onClose(listener),
        resize: (cols, rows) => negotiator.resize(cols, rows),
        close: () =>
          new Promise<void>((done) => {
            if (end.closed) return done()
            socket.once('close', () => done())
            socket.end()
            setTimeout(() => {
              socket.destroy()
              done()
            }, 1_000).unref()
          }),
      })
    })
  })
}
