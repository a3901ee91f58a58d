/**
 * `unmask probe DOMAIN` end to end without the internet (issue 17): the lab DNS server (MX, A, _mta-sts, _smtp._tls,
 * TLSA) and the lab HTTPS policy host with its test CA, a lab mail host behind the lab's inspecting firewall on
 * 127.0.0.1. Masked path → verdict with the policies → fix (inspection off) → re-probe; counter-examples: a policy in
 * `none` mode, a TLSA record that matches no certificate. In-process through runCli.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MASKING_FIREWALL, type PolicyDomainLab, startPolicyDomainLab } from '../../../src/lab/policy-server/domain-lab'
import { stsPolicyText } from '../../../src/lab/policy-server/server'
import { CaseStore } from '../../../src/main/cases/case-store'
import { JOURNAL, readEvent } from '../../../src/shared/journal'
import type { MxPolicyVerdict } from '../../../src/shared/mail-policy/verdict'
import { runUnmask } from '../../support/cli'

async function run(argv: string[], env: Record<string, string> = {}) {
  const r = await runUnmask(argv, env)
  return { code: r.code, out: r.stdout, err: r.stderr }
}

let lab: PolicyDomainLab
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unmask-mail-policy-'))
  lab = await startPolicyDomainLab(dir)
})

afterAll(async () => {
  await lab?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** `unmask probe lab.test` pointed at the lab resolver and policy host (never the defaults). */
const probeIn = (env: Record<string, string>, ...extra: string[]) =>
  run(
    [
      'probe',
      'lab.test',
      '--dns',
      lab.dns.server,
      '--port',
      String(lab.mxPort),
      '--mta-sts-ca',
      lab.caFile,
      '--mta-sts-port',
      String(lab.policyHost.port),
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
    lab.firewall.policy = MASKING_FIREWALL
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
    lab.firewall.policy = { kind: 'off' }
    lab.dns.zone['_25._tcp.mx1.lab.test'] = { tlsa: [{ usage: 3, selector: 1, matchingType: 1, data: lab.spki }] }
    lab.policyHost.response.body = stsPolicyText('testing', ['mx1.lab.test'])
    try {
      const [v] = await verdicts()
      expect(v).toMatchObject({ dane: 'match', daneAuthenticated: true, level: 'good', key: 'protected' })
    } finally {
      lab.policyHost.response.body = stsPolicyText('enforce', ['mx1.lab.test'])
    }
  })

  it('counter-example: a TLSA record that matches no certificate is critical even with TLS working', async () => {
    lab.firewall.policy = { kind: 'off' }
    lab.dns.zone['_25._tcp.mx1.lab.test'] = {
      tlsa: [{ usage: 3, selector: 1, matchingType: 1, data: '00'.repeat(32) }],
    }
    try {
      const [v] = await verdicts()
      expect(v).toMatchObject({ dane: 'no-match', level: 'critical', key: 'daneMismatch' })
    } finally {
      delete lab.dns.zone['_25._tcp.mx1.lab.test']
    }
  })

  it('counter-example: masked STARTTLS with the policy in none mode only means mail goes in clear', async () => {
    lab.firewall.policy = MASKING_FIREWALL
    lab.policyHost.response.body = stsPolicyText('none', [])
    try {
      const r = await probe()
      expect(r.out).toContain('MTA-STS: mode none')
      expect(r.out).toMatch(/→ WARNING: mail goes in clear/)
      const [v] = await verdicts()
      expect(v).toMatchObject({ sts: 'none', level: 'warning', key: 'inClear' })
    } finally {
      lab.policyHost.response.body = stsPolicyText('enforce', ['mx1.lab.test'])
    }
  })

  it('the whole flow into a case: masked probe, fix, re-probe, then the customer report with the prevention section', async () => {
    const home = join(dir, 'home')
    const store = new CaseStore(home)
    const handle = store.create({ customer: 'Lab customer' })
    handle.close()
    const env = { UNMASK_HOME: home }
    lab.firewall.policy = MASKING_FIREWALL
    const before = await probeIn(env, '--case', handle.id)
    expect(before.out).toContain('CRITICAL: compliant senders will not deliver')
    lab.firewall.policy = { kind: 'off' }
    const after = await probeIn(env, '--case', handle.id)
    expect(after.out).not.toContain('compliant senders will not deliver')
    const html = join(dir, 'report.html')
    const report = await run(['report', '--case', handle.dir, '--out', join(dir, 'report.pdf'), '--html', html], env)
    expect(report.code, report.err).toBe(0)
    expect(existsSync(join(dir, 'report.pdf'))).toBe(true)
    // Each run's verdicts went into the case right after its MX probe (mailpolicy.result), before and after the fix.
    const entries = store.read(handle.id).entries
    const policies = entries.filter((e) => e.type === JOURNAL.mailPolicyResult)
    expect(policies.map((e) => readEvent(e, JOURNAL.mailPolicyResult)?.verdicts.map((v) => v.key))).toEqual([
      ['noDeliverySts'],
      [expect.not.stringMatching(/^noDelivery/)],
    ])
    const probes = entries.filter((e) => e.type === JOURNAL.probeResult).map((e) => e.seq)
    expect(probes).toHaveLength(2)
    expect(probes[0]).toBeLessThan(policies[0]!.seq)
    expect(policies[0]!.seq).toBeLessThan(probes[1]!)
    const page = readFileSync(html, 'utf8')
    // The report's per-MX table shows both states beside the probes, and the advice names the probed domain.
    const table = page.slice(page.indexOf('id="mail-policy"'), page.indexOf('id="prevention"'))
    expect(table).toContain('STARTTLS masked by the firewall')
    expect(table).toContain('compliant senders will not deliver: MTA-STS is in enforce mode')
    expect(table).toContain('STARTTLS offered')
    expect(page).toContain('id="prevention"')
    expect(page).toContain('_smtp._tls.lab.test. IN TXT')
    expect(page).not.toContain('_smtp._tls.example.com. IN TXT')
  }, 120_000)

  it('a file that is not a CA certificate is bad usage (exit 2) before anything is probed', async () => {
    const bad = join(dir, 'not-a-ca.pem')
    writeFileSync(bad, 'hello')
    const before = lab.dns.queries.length
    const r = await run(['probe', 'lab.test', '--dns', lab.dns.server, '--mta-sts-ca', bad])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`${bad} holds no PEM certificate`)
    expect(lab.dns.queries.length).toBe(before)
  })
})
