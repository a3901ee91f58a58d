/**
 * `unmask probe` in-process through runCli against loopback servers: a host, a comparison, the MX hosts
 * of a domain (loopback DNS server) with progress, case journal entries, JSON, Korean output, usage errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io'
import { runCli } from '../../src/cli/program'
import { type Lab, startLab } from '../../src/lab'
import { CaseStore } from '../../src/main/cases/case-store'
import { readProbeResult } from '../../src/shared/probe/schema'
import type { ProbeResult } from '../../src/shared/probe/types'
import { startDnsServer } from '../main/smtp/support/dns-server'
import { hostile, makeCertificate, scriptedSmtp, startServer, type TestServer } from '../support/hostile-smtp'

const home = mkdtempSync(join(tmpdir(), 'unmask-probe-cli-'))
const servers: Array<{ close(): Promise<void> }> = []
let clean: TestServer
let masked: TestServer

async function run(argv: string[], lang = 'en'): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (s) => {
      out += s
    },
    err: (s) => {
      err += s
    },
    env: { LANG: `${lang}_US.UTF-8`, UNMASK_HOME: home },
    readStdin: async () => '',
  }
  const code = await runCli(argv, io)
  return { code, out, err }
}

beforeAll(async () => {
  const tls = await makeCertificate({ commonName: 'mx.lab.test' })
  clean = await startServer(scriptedSmtp({ banner: ['220 mx.lab.test ESMTP Postfix'], tls }))
  masked = await startServer(
    scriptedSmtp({
      banner: ['220 *******************'],
      ehlo: ['250-mx.lab.test', '250-PIPELINING', '250 XXXXXXXA'],
      starttls: ['500 #5.5.1 command not recognized'],
    }),
  )
  servers.push(clean, masked)
})

afterEach(async () => {
  await Promise.all(servers.splice(2).map((s) => s.close()))
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  rmSync(home, { recursive: true, force: true })
})

describe('unmask probe', () => {
  it('prints the timed transcript, TLS, findings and a verdict for one host', async () => {
    const r = await run(['probe', `127.0.0.1:${clean.port}`, '--vantage', 'inside', '--ehlo', 'me.lab.test'])
    expect(r.code).toBe(0)
    expect(r.out).toContain(`SMTP probe of 127.0.0.1:${clean.port} (STARTTLS, vantage inside)`)
    expect(r.out).toMatch(/\+\d+(\.\d)? ms {2}C: EHLO me\.lab\.test/)
    expect(r.out).toContain('S: 220 mx.lab.test ESMTP Postfix')
    expect(r.out).toMatch(/Timings\n {2}connect .* ms, banner .*TLS handshake .*; total .* ms/)
    expect(r.out).toContain('Certificate 1: CN=mx.lab.test')
    expect(r.out).toContain('[smtp.tls-ok]')
    expect(r.out).not.toContain('Likely causes')
    expect(r.out).toMatch(/Verdict: TLS works \(TLSv1\.[23]\) but the certificate does not verify/)
    expect(r.err).toBe('')
  })

  it('names the masking in the verdict for a masked path', async () => {
    const r = await run(['probe', `127.0.0.1:${masked.port}`])
    expect(r.code).toBe(1)
    expect(r.out).toContain('[smtp.starttls-masked]')
    expect(r.out).toMatch(/Likely causes\n {2}.+\[path-inspection\]/)
    expect(r.out).toContain('Verdict: STARTTLS is masked on this path')
  })

  it('--compare prints both transcripts, the path-differs finding and the aligned table', async () => {
    const r = await run([
      'probe',
      `127.0.0.1:${clean.port}`,
      '--vantage',
      'inside',
      '--compare',
      `127.0.0.1:${masked.port}`,
      '--compare-vantage',
      'outside',
    ])
    expect(r.code).toBe(1)
    expect(r.out.indexOf('vantage inside')).toBeLessThan(r.out.indexOf('vantage outside'))
    expect(r.out).toContain('[smtp.path-differs]')
    expect(r.out).toContain('The mail path answers differently from probe:inside and probe:outside')
    expect(r.out).toMatch(/≠ 250 STARTTLS +250 XXXXXXXA/)
    expect(r.out).toMatch(/≠ TLS established: TLSv1\.[23] \S+ +—/)
    expect(r.out).toContain('Verdict: probe:inside and probe:outside see different answers')
  })

  it('--compare of two clean views says the paths are the same', async () => {
    const r = await run(['probe', `127.0.0.1:${clean.port}`, '--compare', `127.0.0.1:${clean.port}`, '--json'])
    const report = JSON.parse(r.out) as { kind: string; comparison: { verdict: { id: string }; findings: unknown[] } }
    expect(report.kind).toBe('compare')
    expect(report.comparison.verdict.id).toBe('paths-same')
    expect(report.comparison.findings).toEqual([])
  })

  it('--json gives the full results with findings and verdicts', async () => {
    const r = await run(['probe', `127.0.0.1:${masked.port}`, '--json'])
    const report = JSON.parse(r.out) as {
      probes: Array<{
        result: ProbeResult
        findings: Array<{ id: string }>
        causes: Array<{ id: string }>
        verdict: { id: string }
      }>
    }
    expect(report.probes).toHaveLength(1)
    const [p] = report.probes
    expect(p!.result.starttls).toMatchObject({ masked: true, sent: true })
    expect(p!.result.transcript.length).toBeGreaterThan(5)
    expect(p!.findings.map((f) => f.id)).toContain('smtp.starttls-masked')
    expect(p!.verdict.id).toBe('starttls-masked')
    expect(p!.causes.map((c) => c.id)).toEqual(['path-inspection'])
  })

  it('probes every MX host of a domain, the plan on stderr', async () => {
    // Two MX hosts on two loopback addresses, same port (the port applies to every MX host).
    const mx2 = await startServer(scriptedSmtp({ banner: ['220 mx2.lab.test ESMTP'] }), '127.0.0.2')
    servers.push(mx2)
    const mx1 = await startServer(scriptedSmtp({ banner: ['220 mx1.lab.test ESMTP'] }), '127.0.0.4', mx2.port)
    servers.push(mx1)
    const dns = await startDnsServer({
      'lab.test': {
        mx: [
          { preference: 20, exchange: 'mx2.lab.test' },
          { preference: 10, exchange: 'mx1.lab.test' },
        ],
      },
      'mx1.lab.test': { a: ['127.0.0.4'] },
      'mx2.lab.test': { a: ['127.0.0.2'] },
    })
    servers.push(dns)
    const r = await run(['probe', 'lab.test', '--port', String(mx2.port), '--dns', dns.server, '--json'])
    expect(r.code).toBe(0)
    expect(r.err).toContain('MX hosts of lab.test: mx1.lab.test (10), mx2.lab.test (20)')
    // The [done/total] progress is one line drawn only on a terminal and never with --json (issue 23;
    // tests/cli/progress.test.ts shows it on a pseudo-terminal).
    expect(r.err).not.toMatch(/\[\d\/2\]/)
    const report = JSON.parse(r.out) as { kind: string; probes: Array<{ result: ProbeResult }> }
    expect(report.kind).toBe('domain')
    expect(report.probes.map((p) => p.result.target.host)).toEqual(['mx1.lab.test', 'mx2.lab.test'])
    expect(report.probes.map((p) => p.result.banner?.lines[0]?.raw)).toEqual([
      '220 mx1.lab.test ESMTP',
      '220 mx2.lab.test ESMTP',
    ])
    expect(report.probes.every((p) => p.result.outcome === 'completed')).toBe(true)
  })

  it('a host name with a port is probed as a host, without MX lookup', async () => {
    const dns = await startDnsServer({ 'mx.lab.test': { a: ['127.0.0.1'] } })
    servers.push(dns)
    const r = await run(['probe', `mx.lab.test:${clean.port}`, '--dns', dns.server, '--json'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(dns.queries).toBe(2) // A and AAAA for the host, no MX query
  })

  it('saves each result, and the comparison, into the case journal', async () => {
    const created = new CaseStore(home).create({ customer: 'ACME' })
    created.close()
    const r = await run([
      'probe',
      `127.0.0.1:${clean.port}`,
      '--compare',
      `127.0.0.1:${masked.port}`,
      '--case',
      created.dir,
    ])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`Saved 3 entries into case ${created.id}.`)
    const detail = new CaseStore(home).read(created.id)
    expect(detail.entries.map((e) => e.type)).toEqual([
      'case.created',
      'probe.result',
      'probe.result',
      'probe.comparison',
    ])
    const saved = detail.entries.filter((e) => e.type === 'probe.result').map((e) => e.data as ProbeResult)
    expect(saved.map((s) => s.target.port).sort()).toEqual([clean.port, masked.port].sort())
    expect(saved.every((s) => s.transcript.length > 0)).toBe(true)
    // What the journal holds reads back as a valid result (the report and the app rely on that).
    expect(saved.every((s) => readProbeResult(s) !== null)).toBe(true)
  })

  it('speaks Korean', async () => {
    const r = await run(['probe', `127.0.0.1:${masked.port}`], 'ko')
    expect(r.out).toContain('대화 기록')
    // The recorder's own lines are translated; what the server said is shown as received.
    expect(r.out).toMatch(/-- 127\.0\.0\.1:\d+에 연결됨/)
    expect(r.out).toContain('S: 250 XXXXXXXA')
    expect(r.out).toContain('판정: 이 경로에서 STARTTLS가 가려집니다')
  })

  it('exits 3 when the probe cannot complete, and says where it stopped', async () => {
    const silent = await startServer(hostile.silent())
    servers.push(silent)
    const r = await run(['probe', `127.0.0.1:${silent.port}`, '--timeout', '300'])
    expect(r.code).toBe(3)
    expect(r.out).toMatch(/Stopped in phase banner: (no complete reply in time|the probe ran out of time)/)
  })

  it('rejects bad usage with exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['probe', 'not a host'], /is not HOST\[:PORT\] or a domain name/],
      [['probe', '127.0.0.1:99999'], /is not HOST\[:PORT\]/],
      [['probe', '127.0.0.1', '--timeout', 'soon'], /--timeout must be a positive whole number/],
      [['probe', '127.0.0.1', '--implicit-tls', '--plain'], /cannot be combined/],
      [['probe', 'lab.test', '--port', '0'], /--port must be a number from 1 to 65535/],
      [['probe', '127.0.0.1', '--test-to', 'a@b.test'], /--test-to needs --test-from/],
      [['probe', '127.0.0.1', '--case', join(home, 'nope')], /No case/],
    ]
    for (const [argv, message] of cases) {
      const r = await run(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.err).toMatch(message)
      expect(r.out).toBe('')
    }
  })
})

describe('unmask probe --egress (issue 13.2), against the lab’s egress providers on loopback only', () => {
  let lab: Lab
  beforeAll(async () => {
    lab = await startLab({ scenario: 'egress-providers', stateDir: join(home, 'lab-egress') })
  })
  afterAll(async () => {
    await lab?.stop()
  })
  const list = (which: 'smtp' | 'direct') => lab.providers.map((p) => `${p[which].host}:${p[which].port}`)

  it('all providers masked through the egress path: says the local path masks STARTTLS, exit 1', async () => {
    const r = await run(['probe', '--egress', list('smtp').join(',')])
    expect(r.code).toBe(1)
    expect(r.out).toContain('Outbound check: 3 remote MX hosts probed from here at once')
    expect(r.out).toContain('The local path masks STARTTLS: all 3 destinations that answered lose it')
    expect(r.out.match(/masked \(SMTP inspection on the path\)/g)).toHaveLength(3)
    expect(r.err).toMatch(/\[3\/3\]/)
  })

  it('reads the hosts from a file; the same providers reached directly do not mask, exit 0', async () => {
    const file = join(home, 'egress-hosts.txt')
    writeFileSync(file, `# providers seen without the firewall\n${list('direct').join('\n')}\n`)
    const r = await run(['probe', '--egress-list', file, '--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.defaultList).toBe(false)
    expect(report.conclusion.id).toBe('local-path-clean')
    expect(report.probes).toHaveLength(3)
  })

  it('says what it means when only some destinations mask, in Korean too', async () => {
    const mixed = [...list('smtp').slice(0, 1), ...list('direct').slice(1)].join(',')
    const en = await run(['probe', '--egress', mixed])
    expect(en.out).toContain(
      '1 of 3 destinations lose STARTTLS; the others get it through. The local path does not mask',
    )
    const ko = await run(['probe', '--egress', mixed], 'ko')
    expect(ko.out).toContain('로컬 경로는 가리지 않습니다')
  })

  it('rejects bad egress usage with exit code 2 (and never falls back to the built-in list of real providers)', async () => {
    const bad = join(home, 'bad-hosts.txt')
    writeFileSync(bad, '127.0.0.1:2525\nnot a host!\n')
    const cases: Array<[string[], RegExp]> = [
      [['probe'], /Give a target/],
      [['probe', '127.0.0.1', '--egress', '127.0.0.1:1'], /--egress takes its hosts from/],
      [['probe', '--egress-list', bad], /bad-hosts\.txt line 2: 'not a host!' is not HOST\[:PORT\]/],
      [['probe', '--egress-list', join(home, 'missing.txt')], /missing\.txt/],
      [['probe', '--egress', 'not a host!'], /is not HOST\[:PORT\]/],
    ]
    for (const [argv, message] of cases) {
      const r = await run(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.err).toMatch(message)
      expect(r.out).toBe('')
    }
  })
})
