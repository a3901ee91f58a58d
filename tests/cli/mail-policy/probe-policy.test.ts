/**
 * `unmask probe DOMAIN` end to end without the internet (issue 17): the lab DNS server (MX, A, _mta-sts, _smtp._tls,
 * TLSA) and the lab HTTPS policy host with its test CA, a lab mail host behind the lab's inspecting firewall on
 * 127.0.0.1. Masked path → verdict with the policies → fix (inspection off) → re-probe; counter-examples: a policy in
 * `none` mode, a TLSA record that matches no certificate. In-process through runCli.
 */
import { createHash, X509Certificate } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LabDnsServer, startLabDns } from '../../../src/lab/dns/server'
import { startMailHost } from '../../../src/lab/mail/mail-host'
import { makeLabCa } from '../../../src/lab/policy-server/ca'
import { type LabPolicyServer, startLabPolicyServer, stsPolicyText } from '../../../src/lab/policy-server/server'
import { startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { type InspectionPolicy, newCounters } from '../../../src/lab/proxy/policy'
import { CaseStore } from '../../../src/main/cases/case-store'
import type { MxPolicyVerdict } from '../../../src/shared/mail-policy/verdict'
import { runUnmask } from '../../support/cli'

async function run(argv: string[], env: Record<string, string> = {}) {
  const r = await runUnmask(argv, env)
  return { code: r.code, out: r.stdout, err: r.stderr }
}

const MASKING: InspectionPolicy = {
  kind: 'esmtp',
  map: '_default_esmtp_map',
  maskBanner: false,
  allowTls: false,
  duplicateHeaderBug: false,
}
let firewall: InspectionPolicy = MASKING
const closers: Array<() => Promise<void>> = []
let dns: LabDnsServer
let policyHost: LabPolicyServer
let dir: string
let caFile: string
let proxyPort: number
let spki: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unmask-mail-policy-'))
  const host = await startMailHost({ persona: 'esa', hostname: 'mx1.lab.test', domain: 'lab.test', stateDir: dir })
  closers.push(() => host.close())
  const proxy = await startInspectionProxy({
    upstream: host,
    firewall: { currentPolicy: () => firewall, counters: newCounters(), log: () => {} },
  })
  closers.push(() => proxy.close())
  proxyPort = proxy.port
  const key = new X509Certificate(host.certificate.cert).publicKey.export({ type: 'spki', format: 'der' })
  spki = createHash('sha256').update(key).digest('hex')
  const ca = await makeLabCa()
  caFile = join(dir, 'lab-ca.pem')
  writeFileSync(caFile, ca.cert)
  policyHost = await startLabPolicyServer(ca, 'lab.test', stsPolicyText('enforce', ['mx1.lab.test']))
  closers.push(() => policyHost.close())
  dns = await startLabDns({
    'lab.test': { mx: [{ preference: 10, exchange: 'mx1.lab.test' }] },
    'mx1.lab.test': { a: ['127.0.0.1'] },
    'mta-sts.lab.test': { a: ['127.0.0.1'] },
    '_mta-sts.lab.test': { txt: ['v=STSv1; id=1'] },
    '_smtp._tls.lab.test': { txt: ['v=TLSRPTv1; rua=mailto:tls-reports@lab.test'] },
  })
  closers.push(() => dns.close())
})

afterAll(async () => {
  for (const close of closers.reverse()) await close()
  rmSync(dir, { recursive: true, force: true })
})

/** `unmask probe lab.test` pointed at the lab resolver and policy host (never the defaults). */
const probeIn = (env: Record<string, string>, ...extra: string[]) =>
  run(
    [
      'probe',
      'lab.test',
      '--dns',
      dns.server,
      '--port',
      String(proxyPort),
      '--mta-sts-ca',
      caFile,
      '--mta-sts-port',
      String(policyHost.port),
      '--timeout',
      '20000',
      ...extra,
    ],
    env,
  )
const probe = (...extra: string[]) => probeIn({}, ...extra)

async function verdicts(): Promise<MxPolicyVerdict[]> {
  const r = await probe('--json')
  const report = JSON.parse(r.out) as { mailPolicy: { verdicts: MxPolicyVerdict[] } }
  return report.mailPolicy.verdicts
}

describe('unmask probe DOMAIN with MTA-STS, TLS-RPT and DANE (lab)', () => {
  it('masked STARTTLS under MTA-STS enforce: compliant senders will not deliver (text and --json)', async () => {
    firewall = MASKING
    const r = await probe()
    expect(r.code).toBe(1)
    expect(r.out).toContain('Mail policies of lab.test (MTA-STS, TLS-RPT, DANE)')
    expect(r.out).toContain('MTA-STS: mode enforce (id 1, max_age 86400, mx: mx1.lab.test)')
    expect(r.out).toContain('TLS-RPT: reports go to mailto:tls-reports@lab.test')
    expect(r.out).toMatch(
      /mx1\.lab\.test: MTA-STS enforce \(listed\) · DANE: no TLSA → CRITICAL: compliant senders will not deliver/,
    )
    const [v] = await verdicts()
    expect(v).toMatchObject({
      host: 'mx1.lab.test',
      sts: 'enforce',
      stsListed: true,
      level: 'critical',
      key: 'noDeliverySts',
    })
  })

  it('after the fix (inspection off) with a matching DANE record: TLS works and the policies are met', async () => {
    firewall = { kind: 'off' }
    dns.zone['_25._tcp.mx1.lab.test'] = { tlsa: [{ usage: 3, selector: 1, matchingType: 1, data: spki }] }
    policyHost.response.body = stsPolicyText('testing', ['mx1.lab.test'])
    try {
      const [v] = await verdicts()
      expect(v).toMatchObject({ dane: 'match', daneAuthenticated: true, level: 'good', key: 'protected' })
    } finally {
      policyHost.response.body = stsPolicyText('enforce', ['mx1.lab.test'])
    }
  })

  it('counter-example: a TLSA record that matches no certificate is critical even with TLS working', async () => {
    firewall = { kind: 'off' }
    dns.zone['_25._tcp.mx1.lab.test'] = { tlsa: [{ usage: 3, selector: 1, matchingType: 1, data: '00'.repeat(32) }] }
    try {
      const [v] = await verdicts()
      expect(v).toMatchObject({ dane: 'no-match', level: 'critical', key: 'daneMismatch' })
    } finally {
      delete dns.zone['_25._tcp.mx1.lab.test']
    }
  })

  it('counter-example: masked STARTTLS with the policy in none mode only means mail goes in clear', async () => {
    firewall = MASKING
    policyHost.response.body = stsPolicyText('none', [])
    try {
      const r = await probe()
      expect(r.out).toContain('MTA-STS: mode none')
      expect(r.out).toMatch(/→ WARNING: mail goes in clear/)
      const [v] = await verdicts()
      expect(v).toMatchObject({ sts: 'none', level: 'warning', key: 'inClear' })
    } finally {
      policyHost.response.body = stsPolicyText('enforce', ['mx1.lab.test'])
    }
  })

  it('the whole flow into a case: masked probe, fix, re-probe, then the customer report with the prevention section', async () => {
    const home = join(dir, 'home')
    const store = new CaseStore(home)
    const handle = store.create({ customer: 'Lab customer' })
    handle.close()
    const env = { UNMASK_HOME: home }
    firewall = MASKING
    const before = await probeIn(env, '--case', handle.id)
    expect(before.out).toContain('CRITICAL: compliant senders will not deliver')
    firewall = { kind: 'off' }
    const after = await probeIn(env, '--case', handle.id)
    expect(after.out).not.toContain('compliant senders will not deliver')
    const html = join(dir, 'report.html')
    const report = await run(['report', '--case', handle.dir, '--out', join(dir, 'report.pdf'), '--html', html], env)
    expect(report.code, report.err).toBe(0)
    expect(existsSync(join(dir, 'report.pdf'))).toBe(true)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('id="prevention"')
    expect(page).toContain('_smtp._tls.example.com. IN TXT')
  }, 120_000)

  it('a file that is not a CA certificate is bad usage (exit 2) before anything is probed', async () => {
    const bad = join(dir, 'not-a-ca.pem')
    writeFileSync(bad, 'hello')
    const before = dns.queries.length
    const r = await run(['probe', 'lab.test', '--dns', dns.server, '--mta-sts-ca', bad])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`${bad} holds no PEM certificate`)
    expect(dns.queries.length).toBe(before)
  })
})
