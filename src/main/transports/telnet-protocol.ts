/**
 * Telnet option negotiation (RFC 854/855) for a client: ECHO and SUPPRESS-GO-AHEAD from the server,
 * NAWS (RFC 1073) and TERMINAL-TYPE (RFC 1091) from us, everything else refused. Each option's state is
 * tracked so that a request is answered once and never loops (the idea of RFC 1143, kept small).
 * Written here rather than taken from npm: the one maintained option-negotiation package is AGPL-3.0,
 * which this product cannot ship.
 */

export const IAC = 255
export const DONT = 254
export const DO = 253
export const WONT = 252
export const WILL = 251
export const SB = 250
export const SE = 240

export const OPT_ECHO = 1
export const OPT_SGA = 3
export const OPT_TTYPE = 24
export const OPT_NAWS = 31

const TTYPE_IS = 0
const TTYPE_SEND = 1

/** Options the server may do for us (answered DO), and options we offer (answered WILL). */
const ACCEPT_REMOTE = new Set([OPT_ECHO, OPT_SGA])
const ACCEPT_LOCAL = new Set([OPT_NAWS, OPT_TTYPE])

type ParseState = 'data' | 'iac' | 'option' | 'sb' | 'sb-iac'

export class TelnetNegotiator {
  private state: ParseState = 'data'
  private verb = 0
  private sb: number[] = []
  private readonly remoteOn = new Set<number>()
  private readonly localOn = new Set<number>()
  private size: { cols: number; rows: number }

  constructor(
    private readonly send: (bytes: Buffer) => void,
    size = { cols: 200, rows: 48 },
    private readonly terminalType = 'VT100',
  ) {
    this.size = size
  }

  /** Whether the server echoes (then the driver expects echo; it does on every Cisco device). */
  get serverEchoes(): boolean {
    return this.remoteOn.has(OPT_ECHO)
  }

  get nawsEnabled(): boolean {
    return this.localOn.has(OPT_NAWS)
  }

  /** Consumes received bytes: answers negotiation, returns the data bytes. Keeps state across chunks. */
  receive(chunk: Buffer): Buffer {
    const data: number[] = []
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'iac'
          else data.push(byte)
          break
        case 'iac':
          if (byte === IAC) {
            data.push(IAC)
            this.state = 'data'
          } else if (byte === DO || byte === DONT || byte === WILL || byte === WONT) {
            this.verb = byte
            this.state = 'option'
          } else if (byte === SB) {
            this.sb = []
            this.state = 'sb'
          } else this.state = 'data' // NOP, GA, AYT…: nothing to do
          break
        case 'option':
          this.negotiate(this.verb, byte)
          this.state = 'data'
          break
        case 'sb':
          if (byte === IAC) this.state = 'sb-iac'
          else if (this.sb.length < 512) this.sb.push(byte)
          break
        case 'sb-iac':
          if (byte === SE) {
            this.subnegotiation(this.sb)
            this.state = 'data'
          } else {
            if (byte === IAC && this.sb.length < 512) this.sb.push(IAC)
            this.state = 'sb'
          }
          break
      }
    }
    return Buffer.from(data)
  }

  /** Escapes IAC and turns a bare CR into CR NUL, as the NVT requires. */
  encode(data: string | Uint8Array): Buffer {
    const input = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)
    const out: number[] = []
    input.forEach((byte, i) => {
      out.push(byte)
      if (byte === IAC) out.push(IAC)
      else if (byte === 13 && input[i + 1] !== 10) out.push(0)
    })
    return Buffer.from(out)
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows }
    if (this.nawsEnabled) this.sendNaws()
  }

  private negotiate(verb: number, option: number): void {
    if (verb === WILL) {
      if (this.remoteOn.has(option)) return
      if (ACCEPT_REMOTE.has(option)) {
        this.remoteOn.add(option)
        this.send(Buffer.from([IAC, DO, option]))
      } else this.send(Buffer.from([IAC, DONT, option]))
    } else if (verb === WONT) {
      if (!this.remoteOn.delete(option)) return
      this.send(Buffer.from([IAC, DONT, option]))
    } else if (verb === DO) {
      if (this.localOn.has(option)) return
      if (ACCEPT_LOCAL.has(option)) {
        this.localOn.add(option)
        this.send(Buffer.from([IAC, WILL, option]))
        if (option === OPT_NAWS) this.sendNaws()
      } else this.send(Buffer.from([IAC, WONT, option]))
    } else if (verb === DONT) {
      if (!this.localOn.delete(option)) return
      this.send(Buffer.from([IAC, WONT, option]))
    }
  }

  private subnegotiation(bytes: number[]): void {
    if (bytes[0] === OPT_TTYPE && bytes[1] === TTYPE_SEND && this.localOn.has(OPT_TTYPE)) {
      const name = Buffer.from(this.terminalType, 'ascii')
      this.send(Buffer.from([IAC, SB, OPT_TTYPE, TTYPE_IS, ...name, IAC, SE]))
    }
  }

  private sendNaws(): void {
    const field = (n: number) => {
      const v = Math.max(0, Math.min(65535, Math.round(n)))
      const hi = v >> 8
      const lo = v & 0xff
      // A 255 inside a subnegotiation must be doubled.
      return [...(hi === IAC ? [IAC, IAC] : [hi]), ...(lo === IAC ? [IAC, IAC] : [lo])]
    }
    this.send(Buffer.from([IAC, SB, OPT_NAWS, ...field(this.size.cols), ...field(this.size.rows), IAC, SE]))
  }
}
