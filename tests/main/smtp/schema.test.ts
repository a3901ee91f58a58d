/** Stored probe results read back through the schema: real results pass, damaged ones are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probe } from '../../../src/main/smtp/probe'
import { readProbeResult } from '../../../src/shared/probe/schema'
import type { ProbeResult } from '../../../src/shared/probe/types'
import { hostile, makeCertificate, scriptedSmtp, startServer, type TestServer } from '../../support/hostile-smtp'

const servers: TestServer[] = []
const results: ProbeResult[] = []

beforeAll(async () => {
  const tls = await makeCertificate({ commonName: 'mx.lab.test' })
  const clean = await startServer(scriptedSmtp({ tls }))
  const masked = await startServer(
    scriptedSmtp({ ehlo: ['250-x.lab.test', '250 XXXXXXXA'], starttls: ['500 #5.5.1 command not recognized'] }),
  )
  const noise = await startServer(hostile.binaryNoise())
  servers.push(clean, masked, noise)
  const message = { from: 'probe@lab.test', to: 'postmaster@lab.test', dkimSignature: true }
  results.push(
    await probe({ host: '127.0.0.1', port: clean.port, vantage: 'inside' }, { message }),
    await probe({ host: '127.0.0.1', port: masked.port }),
    await probe({ host: '127.0.0.1', port: noise.port }),
  )
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

describe('readProbeResult', () => {
  it('accepts real results, also after a JSON round trip (as in the journal)', () => {
    expect(results.map((r) => r.outcome)).toEqual(['completed', 'completed', 'failed'])
    for (const r of results) {
      expect(readProbeResult(r)).not.toBeNull()
      expect(readProbeResult(JSON.parse(JSON.stringify(r)))).toEqual(JSON.parse(JSON.stringify(r)))
    }
  })

  it('refuses damaged or foreign data', () => {
    const good = JSON.parse(JSON.stringify(results[0])) as Record<string, unknown>
    expect(readProbeResult({ ...good, version: 2 })).toBeNull()
    expect(readProbeResult({ ...good, transcript: undefined })).toBeNull()
    expect(readProbeResult({ ...good, outcome: 'maybe' })).toBeNull()
    expect(readProbeResult({ ...good, error: { phase: 'lunch', code: 'closed', message: '' } })).toBeNull()
    expect(readProbeResult('probe.result')).toBeNull()
    expect(readProbeResult(null)).toBeNull()
  })
})
