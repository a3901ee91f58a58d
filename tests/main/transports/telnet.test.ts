import { afterEach, describe, expect, it, vi } from 'vitest'
import { DeviceDriver } from '../../../src/main/device/driver'
import type { ByteChannel } from '../../../src/main/transports/channel'
import {
  DO,
  DONT,
  IAC,
  OPT_ECHO,
  OPT_NAWS,
  SB,
  SE,
  TelnetNegotiator,
  WILL,
  WONT,
} from '../../../src/main/transports/telnet-protocol'
import { connectTelnet } from '../../../src/main/transports/telnet-transport'
import { startTelnetDevice, type TelnetDevice } from '../../support/asa-like-cli.telnet'

describe('telnet option negotiation', () => {
  it('separates data from commands split across chunks and unescapes IAC IAC', () => {
    const sent: Buffer[] = []
    const n = new TelnetNegotiator((b) => sent.push(b))
    const a = n.receive(Buffer.from([65, IAC]))
    const b = n.receive(Buffer.from([WILL, OPT_ECHO, 66, IAC, IAC, 67]))
    expect(Buffer.concat([a, b])).toEqual(Buffer.from([65, 66, IAC, 67]))
    expect(sent).toEqual([Buffer.from([IAC, DO, OPT_ECHO])])
    expect(n.serverEchoes).toBe(true)
  })

  it('answers each request once, refuses unknown options and never loops', () => {
    const sent: Buffer[] = []
    const n = new TelnetNegotiator((b) => sent.push(b), { cols: 300, rows: 255 })
    n.receive(Buffer.from([IAC, DO, OPT_NAWS, IAC, DO, OPT_NAWS, IAC, WILL, 42, IAC, DO, 39]))
    expect(sent).toEqual([
      Buffer.from([IAC, WILL, OPT_NAWS]),
      // 300 = 0x012C, 255 rows = 0x00FF doubled inside SB
      Buffer.from([IAC, SB, OPT_NAWS, 1, 44, 0, IAC, IAC, IAC, SE]),
      Buffer.from([IAC, DONT, 42]),
      Buffer.from([IAC, WONT, 39]),
    ])
    sent.length = 0
    n.receive(Buffer.from([IAC, WONT, 42]))
    expect(sent).toEqual([])
  })

  it('escapes outgoing IAC and pads a bare CR with NUL', () => {
    const n = new TelnetNegotiator(() => {})
    expect(n.encode('a\rb\r\n')).toEqual(Buffer.from([97, 13, 0, 98, 13, 10]))
    expect(n.encode(Buffer.from([IAC]))).toEqual(Buffer.from([IAC, IAC]))
  })

  it('ignores subnegotiation bodies and keeps the data after them', () => {
    const n = new TelnetNegotiator(() => {})
    expect(n.receive(Buffer.from([IAC, SB, 5, 1, 2, IAC, IAC, 3, IAC, SE, 72]))).toEqual(Buffer.from([72]))
  })
})

describe('telnet transport against a PIX 6.x-like telnet server', () => {
  let device: TelnetDevice | undefined
  let channel: ByteChannel | undefined
  afterEach(async () => {
    await channel?.close()
    await device?.close()
  })

  it('negotiates NAWS and TTYPE, logs in with the line password and collects show fixup', async () => {
    device = await startTelnetDevice({ enableSecret: 'pix-enable' })
    const telnet = await connectTelnet({ host: '127.0.0.1', port: device.port, cols: 132, rows: 50 })
    channel = telnet
    const driver = new DeviceDriver(telnet, {
      credentials: { password: 'telnet-pass', secret: 'pix-enable' },
      promptTimeoutMs: 5_000,
    })
    expect(await driver.open()).toMatchObject({ hostname: 'pixfirewall', mode: 'user' })
    expect(await driver.enable()).toMatchObject({ mode: 'enable' })
    const fixup = await driver.run('show fixup')
    expect(fixup.output).toContain('fixup protocol smtp 25')
    expect(fixup.failed).toBe(false)
    expect(device.sizes[0]).toEqual({ cols: 132, rows: 50 })
    expect(device.terminalTypes).toEqual(['VT100'])
    expect(device.replies).toEqual(expect.arrayContaining(['DO 1', 'DO 3', 'WILL 31', 'WILL 24']))
    // Lines arrive whole: CR NUL is the NVT line end, never a stray character in the command.
    expect(device.clis[0].received).toEqual(['telnet-pass', 'enable', 'pix-enable', 'show fixup'])
    telnet.resize(100, 30)
    await vi.waitFor(() => expect(device?.sizes.at(-1)).toEqual({ cols: 100, rows: 30 }))
    driver.dispose()
  })

  it('refuses a connection to a closed port with connectFailed', async () => {
    const closed = await startTelnetDevice()
    const port = closed.port
    await closed.close()
    await expect(connectTelnet({ host: '127.0.0.1', port, timeoutMs: 3_000 })).rejects.toMatchObject({
      code: 'connectFailed',
    })
  })
})
