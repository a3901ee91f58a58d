/**
 * Two live probes compared line by line, and the `smtp.path-differs` rule over them: a clean server and
 * the same server seen through masking inspection differ; two clean views, or a banner whose clock ticks,
 * do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probe } from '../../../src/main/smtp/probe'
import { createTranslator } from '../../../src/shared/i18n'
import { compareProbes } from '../../../src/shared/probe/compare'
import { probeAnalysis, probeFindings } from '../../../src/shared/probe/findings'
import type { ProbeResult } from '../../../src/shared/probe/types'
import {
  makeCertificate,
  type SmtpScript,
  scriptedSmtp,
  startServer,
  type TestServer,
} from '../../support/hostile-smtp'

const servers: TestServer[] = []
const results: Record<string, ProbeResult> = {}

const CLEAN_EHLO = ['250-mx.lab.test', '250-PIPELINING', '250-SIZE 10240000', '250-8BITMIME', '250 STARTTLS']

async function probeScript(name: string, vantage: string, script: SmtpScript): Promise<void> {
  const server = await startServer(scriptedSmtp(script))
  servers.push(server)
  results[name] = await probe({ host: server.host, port: server.port, vantage })
}

beforeAll(async () => {
  const tls = await makeCertificate({ commonName: 'mx.lab.test' })
  await probeScript('inside', 'inside', { banner: ['220 mx.lab.test ESMTP Postfix'], ehlo: CLEAN_EHLO, tls })
  await probeScript('inside2', 'inside-again', { banner: ['220 mx.lab.test ESMTP Postfix'], ehlo: CLEAN_EHLO, tls })
  await probeScript('outside', 'outside', {
    banner: ['220 ******************************'],
    ehlo: ['250-mx.lab.test', '250-PIPELINING', '250-SIZE 10240000', '250-8BITMIME', '250 XXXXXXXA'],
    starttls: ['500 5.5.2 Error: command not recognized'],
  })
  await probeScript('stripped', 'stripped', {
    banner: ['220 mx.lab.test ESMTP Postfix'],
    ehlo: ['250-mx.lab.test', '250-PIPELINING', '250-SIZE 10240000', '250 8BITMIME'],
    starttls: ['502 5.5.2 Error: command not recognized'],
  })
  await probeScript('clock1', 'clock-a', { banner: ['220 esa.lab.test ESMTP Sat, 28 Nov 2026 17:00:01'], tls })
  await probeScript('clock2', 'clock-b', { banner: ['220 esa.lab.test ESMTP Sat, 28 Nov 2026 17:00:09'], tls })
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

describe('comparing two probes', () => {
  it('aligns banner, EHLO, extensions (mask on the row of the keyword it hides), STARTTLS reply and TLS', () => {
    const c = compareProbes(results.inside!, results.outside!)
    expect(c.left).toBe('probe:inside')
    expect(c.right).toBe('probe:outside')
    const byKey = new Map(c.rows.map((r) => [`${r.aspect}:${r.key}`, r]))
    expect(byKey.get('banner:banner')).toMatchObject({
      same: false,
      left: { text: '220 mx.lab.test ESMTP Postfix' },
      right: { text: '220 ******************************' },
    })
    expect(byKey.get('extension:STARTTLS')).toMatchObject({
      same: false,
      left: { text: '250 STARTTLS' },
      right: { text: '250 XXXXXXXA' },
    })
    expect(byKey.get('extension:SIZE')?.same).toBe(true)
    expect(byKey.get('starttls:starttls')).toMatchObject({
      left: { text: '220 2.0.0 Ready to start TLS' },
      right: { text: '500 5.5.2 Error: command not recognized' },
    })
    expect(byKey.get('tls:tls')?.left?.text).toMatch(/^established TLSv1\.[23] /)
    expect(byKey.get('tls:tls')?.right).toBeUndefined()
    // Each cell points at its own transcript line.
    const ext = byKey.get('extension:STARTTLS')!
    expect(results.outside!.transcript[ext.right!.line! - 1]?.text).toBe('250 XXXXXXXA')
    expect(c.differences.map((d) => d.kind).sort()).toEqual([
      'banner-masked',
      'extension-masked',
      'starttls-advertised',
      'starttls-reply',
      'tls-outcome',
    ])
  })

  it('finds no difference between two clean views', () => {
    const c = compareProbes(results.inside!, results.inside2!)
    expect(c.differences).toEqual([])
    expect(c.rows.filter((r) => r.aspect !== 'tls').every((r) => r.same)).toBe(true)
  })

  it('shows but does not count a banner that differs only in its clock', () => {
    const c = compareProbes(results.clock1!, results.clock2!)
    expect(c.rows.find((r) => r.aspect === 'banner')?.same).toBe(false)
    expect(c.differences).toEqual([])
  })
})

describe('rule smtp.path-differs', () => {
  it('fires on the masked path, naming both sides and pointing at lines on each', () => {
    const findings = probeFindings([results.inside!, results.outside!])
    const f = findings.filter((x) => x.id === 'smtp.path-differs')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ severity: 'critical', params: { left: 'probe:inside', right: 'probe:outside' } })
    expect(String(f[0]!.params?.differences)).toContain('STARTTLS')
    const sources = new Set(f[0]!.evidence.map((e) => e.source))
    expect(sources).toEqual(new Set(['probe:inside', 'probe:outside']))
    expect(f[0]!.evidence.some((e) => e.excerpt === '250 XXXXXXXA')).toBe(true)
    // The other SMTP rules see the outside probe too.
    expect(findings.some((x) => x.id === 'smtp.starttls-masked')).toBe(true)
    expect(findings.filter((x) => x.id === 'smtp.tls-ok').map((x) => x.evidence[0]?.source)).toEqual(['probe:inside'])
  })

  it('stays silent for two clean views, a ticking banner, and a single probe', () => {
    const silent = (rs: ProbeResult[]) => probeFindings(rs).filter((x) => x.id === 'smtp.path-differs')
    expect(silent([results.inside!, results.inside2!])).toEqual([])
    expect(silent([results.clock1!, results.clock2!])).toEqual([])
    expect(silent([results.outside!])).toEqual([])
  })

  it('proves a path that removes STARTTLS without a trace, where one probe alone cannot', () => {
    // Alone, the stripped view looks like a server without STARTTLS; next to the inside view it is the path.
    const alone = probeAnalysis([results.stripped!])
    expect(alone.findings.map((f) => f.id)).not.toContain('smtp.starttls-masked')
    const both = probeAnalysis([results.inside!, results.stripped!])
    const differs = both.findings.find((f) => f.id === 'smtp.path-differs')
    expect(differs?.params?.differences).toContain('STARTTLS')
    // The two views are labelled direct/through for the rules (the one missing STARTTLS is through): a deleted
    // line, not a mask, names the gateway cause (§7.5).
    expect(both.causes[0]?.id).toBe('gateway-deletes-starttls')
    expect(both.causes.map((c) => c.id)).not.toContain('server-no-starttls')
  })

  it('says how STARTTLS went missing: masked in place (ASA) or its line deleted (a gateway, §7.5)', () => {
    const masked = compareProbes(results.inside!, results.outside!).differences
    expect(masked).toContainEqual({ kind: 'starttls-advertised', keys: ['STARTTLS'], how: 'masked' })
    const deleted = compareProbes(results.inside!, results.stripped!)
    expect(deleted.differences).toContainEqual({ kind: 'starttls-advertised', keys: ['STARTTLS'], how: 'deleted' })
    expect(deleted.rows.find((r) => r.key === 'STARTTLS')).toMatchObject({ left: { text: '250 STARTTLS' } })
    expect(deleted.rows.find((r) => r.key === 'STARTTLS')?.right).toBeUndefined()
  })

  it('keeps two probes with the same label apart', () => {
    const f = probeFindings([results.inside!, { ...results.outside!, target: results.inside!.target }])
    const differs = f.find((x) => x.id === 'smtp.path-differs')
    expect(differs?.params).toMatchObject({ left: 'probe:inside', right: 'probe:inside (2)' })
  })

  it('has its texts in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const t = createTranslator(lang)
      const title = t('findings.smtp.path-differs.title', { left: 'probe:a', right: 'probe:b' })
      expect(title).toContain('probe:a')
      expect(t('findings.smtp.path-differs.explanation', { differences: 'TLS' })).toContain('TLS')
    }
  })
})
