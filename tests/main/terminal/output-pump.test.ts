import { createServer, type Server, Socket } from 'node:net'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { OutputPump } from '../../../src/main/terminal/output-pump'

let server: Server | undefined
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

describe('terminal output pump', () => {
  it('never splits a multi-byte UTF-8 character, even when bytes arrive one at a time', () => {
    const source = new PassThrough()
    const received: string[] = []
    const pump = new OutputPump(source, (t) => received.push(t))
    const text = '한국어 ✓ 😀 XXXXXXXA\r\n'
    for (const byte of Buffer.from(text, 'utf8')) source.write(Buffer.from([byte]))
    source.end()
    expect(received.join('')).toBe(text)
    for (const piece of received) expect(piece).not.toContain('\uFFFD')
    pump.dispose()
  })

  it('caps chunk size without cutting surrogate pairs', () => {
    const source = new PassThrough()
    const received: string[] = []
    new OutputPump(source, (t) => received.push(t), { maxChunk: 3, highWatermark: 1000, lowWatermark: 1 })
    source.write('a😀b😀c')
    expect(received.join('')).toBe('a😀b😀c')
    for (const piece of received) {
      expect(piece.length).toBeLessThanOrEqual(3)
      expect(/[\uD800-\uDBFF]$/.test(piece)).toBe(false)
    }
  })

  it('pauses a real TCP stream at the high watermark and resumes after acknowledgements', async () => {
    const total = 2_000_000
    server = createServer((socket) => {
      socket.end(Buffer.alloc(total, 'x'))
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const socket = new Socket()
    let received = 0
    let maxUnacked = 0
    let pausedSeen = false
    const pump = new OutputPump(
      socket,
      (t) => {
        received += t.length
        maxUnacked = Math.max(maxUnacked, pump.unacknowledged)
        if (pump.isPaused) pausedSeen = true
      },
      { highWatermark: 50_000, lowWatermark: 10_000, maxChunk: 16_384 },
    )
    socket.connect(port, '127.0.0.1')
    // A slow renderer: acknowledges in small steps on a timer, so backpressure must hold the rest.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (pump.isPaused) pausedSeen = true
        pump.ack(20_000)
        if (received === total && pump.unacknowledged === 0) {
          clearInterval(timer)
          resolve()
        }
      }, 1)
      socket.on('error', reject)
    })
    socket.destroy()
    expect(received).toBe(total)
    expect(pausedSeen).toBe(true)
    // Unacknowledged data never runs far past the high watermark (one socket read at most).
    expect(maxUnacked).toBeLessThan(50_000 + 70_000)
  })

  it('ignores nonsense acknowledgements and rejects inverted watermarks', () => {
    const source = new PassThrough()
    const pump = new OutputPump(source, () => {}, { highWatermark: 10, lowWatermark: 2 })
    source.write('0123456789ab')
    expect(pump.isPaused).toBe(true)
    pump.ack(-5)
    pump.ack(Number.NaN)
    expect(pump.isPaused).toBe(true)
    pump.ack(12)
    expect(pump.isPaused).toBe(false)
    expect(() => new OutputPump(new PassThrough(), () => {}, { highWatermark: 5, lowWatermark: 5 })).toThrow()
  })
})
