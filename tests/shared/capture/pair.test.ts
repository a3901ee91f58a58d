/**
 * Pairing two captures of the same traffic taken on two interfaces (src/shared/capture/pair.ts): with static NAT the
 * mail host's address differs between the inside and the outside capture (real vs mapped), so pairing must not
 * depend on it; the client's port and the start time decide.
 */
import { describe, expect, it } from 'vitest'
import { pairTranscripts } from '../../../src/shared/capture/pair'
import type { CaptureTranscript } from '../../../src/shared/capture/types'

const stream = { chunks: [], missing: 0, capped: false }

function transcript(server: string, clientPort: number, start: number, client = '203.0.113.7'): CaptureTranscript {
  return {
    connection: {
      index: 1,
      client: { address: client, port: clientPort },
      server: { address: server, port: 25 },
      start,
      sawSyn: true,
      toServer: stream,
      toClient: stream,
    },
    lines: [],
    encryptedAfter: false,
    encrypted: false,
  }
}

const key = (t: CaptureTranscript) => `${t.connection.server.address}:${t.connection.client.port}`

describe('pairing inside and outside captures', () => {
  it('pairs by client port although the server is real on one side and mapped on the other', () => {
    const inside = [transcript('192.168.10.25', 40001, 1_000), transcript('192.168.10.25', 40002, 2_000)]
    // Listed in the other order, and the second one started first: the port decides, not the order or the address.
    const outside = [transcript('198.51.100.25', 40002, 1_500), transcript('198.51.100.25', 40001, 900)]
    const pairs = pairTranscripts(inside, outside).map((p) => `${key(p.a)} = ${key(p.b)}`)
    expect(pairs).toEqual(['192.168.10.25:40001 = 198.51.100.25:40001', '192.168.10.25:40002 = 198.51.100.25:40002'])
  })

  it('egress: the client is real inside and mapped outside, and still pairs by its port', () => {
    const inside = [transcript('127.0.0.1', 40005, 5_000, '192.168.10.25')]
    const outside = [transcript('127.0.0.1', 40005, 5_100, '198.51.100.25')]
    expect(pairTranscripts(inside, outside)).toHaveLength(1)
  })

  it('counter-example: different ports that started far apart (over 10 s) do not pair', () => {
    const inside = [transcript('192.168.10.25', 40001, 0), transcript('192.168.10.25', 40003, 1)]
    const outside = [transcript('198.51.100.25', 40002, 60_000_000)]
    expect(pairTranscripts(inside, outside)).toEqual([])
  })
})
