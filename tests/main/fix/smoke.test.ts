import { describe, expect, it } from 'vitest'
import { analyzeSnapshot } from '../../../src/main/fix/analysis'
import { useLabFix } from './lab-session'

describe('smoke', () => {
  const env = useLabFix('asa9-default')
  it('runs', async () => {
    const { fix } = await env.open()
    const snap = await fix.read()
    console.log(
      snap.hostname,
      snap.platform,
      snap.version,
      snap.contextMode,
      snap.failover,
      snap.prompt,
      snap.configHash,
    )
    const a = analyzeSnapshot(snap)
    console.log(
      a.causes.map((c) => c.id),
      a.remedies.map((r) => r.id),
      a.skipped,
    )
    const remedy = a.remedies.find((r) => r.id === 'asa.allow-tls-map')!
    const p = await fix.preview(remedy)
    console.log(JSON.stringify(p, null, 1).slice(0, 3000))
    const r = await fix.apply({ token: p.token!, typedHostname: snap.hostname, confirmedBy: 'tester' })
    console.log(JSON.stringify(r, null, 1).slice(0, 4000))
    const lab = env.lab()
    const v = await fix.verify(remedy, [
      { target: { host: '127.0.0.1', port: lab.smtp.port, vantage: 'through' }, before: null },
      { target: { host: '127.0.0.1', port: lab.direct.port, vantage: 'direct' }, before: null },
    ])
    console.log(JSON.stringify({ ...v, probes: v.probes.map((x) => x.passed) }, null, 1).slice(0, 4000))
    expect(1).toBe(1)
  })
})
