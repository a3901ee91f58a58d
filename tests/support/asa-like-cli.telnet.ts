/**
 * A telnet server on 127.0.0.1 whose session is the scripted CLI (a PIX 6.x with a line password by
 * default). It negotiates like a Cisco telnet server: WILL ECHO, WILL SGA, DO NAWS, DO TTYPE.
 */
import { type AddressInfo, createServer, type Socket } from 'node:net'
import { AsaLikeCli, type AsaLikeCliOptions } from './asa-like-cli'

const IAC = 255
const SB = 250
const SE = 240
const WILL = 251
const DO = 253

export interface TelnetDevice {
  port: number
  clis: AsaLikeCli[]
  /** NAWS sizes received, in order. */
  sizes: Array<{ cols: number; rows: number }>
  terminalTypes: string[]
  /** Option replies received: `WILL 31`, `DO 1`… */
  replies: string[]
  close(): Promise<void>
}

export async function startTelnetDevice(cli: AsaLikeCliOptions = {}): Promise<TelnetDevice> {
  const sockets = new Set<Socket>()
  const device: TelnetDevice = { port: 0, clis: [], sizes: [], terminalTypes: [], replies: [], close: async () => {} }
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
    socket.write(Buffer.from([IAC, WILL, 1, IAC, WILL, 3, IAC, DO, 31, IAC, DO, 24]))
    const session = new AsaLikeCli(
      (text) => socket.write(text),
      () => socket.end(),
      { platform: 'pix6', loginPrompt: 'password', linePassword: 'telnet-pass', ...cli },
    )
    device.clis.push(session)
    let state: 'data' | 'iac' | 'opt' | 'sb' | 'sb-iac' = 'data'
    let verb = 0
    let sb: number[] = []
    socket.on('data', (chunk: Buffer) => {
      const text: number[] = []
      for (const byte of chunk) {
        if (state === 'data') {
          if (byte === IAC) state = 'iac'
          else if (byte !== 0) text.push(byte)
        } else if (state === 'iac') {
          if (byte === SB) {
            state = 'sb'
            sb = []
          } else if (byte >= 251 && byte <= 254) {
            verb = byte
            state = 'opt'
          } else state = 'data'
        } else if (state === 'opt') {
          device.replies.push(`${['WILL', 'WONT', 'DO', 'DONT'][verb - 251]} ${byte}`)
          if (verb === WILL && byte === 24) socket.write(Buffer.from([IAC, SB, 24, 1, IAC, SE]))
          state = 'data'
        } else if (state === 'sb') {
          if (byte === IAC) state = 'sb-iac'
          else sb.push(byte)
        } else {
          if (byte === SE) {
            if (sb[0] === 31) device.sizes.push({ cols: sb[1] * 256 + sb[2], rows: sb[3] * 256 + sb[4] })
            if (sb[0] === 24 && sb[1] === 0) device.terminalTypes.push(Buffer.from(sb.slice(2)).toString('ascii'))
            state = 'data'
          } else {
            sb.push(byte)
            state = 'sb'
          }
        }
      }
      if (text.length) session.input(Buffer.from(text).toString('utf8'))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  device.port = (server.address() as AddressInfo).port
  device.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
  return device
}
