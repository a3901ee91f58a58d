/**
 * `mailPolicy.probe` through the IPC contract (`dispatch`, what the app's MailPolicyProbe form calls), end to end on
 * the loopback lab: lab DNS (MX, _mta-sts, _smtp._tls), the HTTPS policy host with its test CA, and the mail host
 * behind the lab's masking firewall. The resolver, MX port and policy CA/port are the main-side service's
 * (MailPolicyService), never the renderer's input. The verdicts land in the case journal (`mailpolicy.result`, after
 * the MX's `probe.result`) and the customer report shows them per MX, in English and Korean. Only 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PolicyDomainLab, startPolicyDomainLab } from '../../../src/lab/policy-server/domain-lab'
import { createHandlers, dispatch, type Handlers } from '../../../src/main/api-handlers'
import { MailPolicyService } from '../../../src/main/mail-policy/service'
import { createServices } from '../../../src/main/services'
import { type RequestName, type RequestOutput, requests } from '../../../src/shared/api'
import { createTranslator } from '../../../src/shared/i18n'
import { JOURNAL, readEvent } from '../../../src/shared/journal'

const dir = mkdtempSync(join(tmpdir(), 'unmask-mail-policy-ipc-'))
let lab: PolicyDomainLab
let handlers: Handlers
let services: ReturnType<typeof createServices>

beforeAll(async () => {
  // enforce mode, mx1.lab.test listed, the default ASA ESMTP map in front of the mail host (STARTTLS masked).
  lab = await startPolicyDomainLab(join(dir, 'lab'), { mode: 'enforce' })
  services = createServices({ home: join(dir, 'home'), encryptor: null, emit: () => {}, platform: 'linux' })
  const mailPolicy = new MailPolicyService(services.cases, {
    dnsServers: [lab.dns.server],
    port: lab.mxPort,
    policyCa: lab.ca.cert,
    policyPort: lab.policyHost.port,
  })
  handlers = createHandlers({ ...services, mailPolicy })
})

afterAll(async () => {
  await lab?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One contract call, its output checked against the contract's schema. */
async function call<M extends RequestName>(method: M, input: unknown): Promise<RequestOutput<M>> {
  const r = await dispatch(handlers, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return requests[method].output.parse(r.value) as RequestOutput<M>
}

describe('mailPolicy.probe over the contract, on the lab', () => {
  it('the renderer can name only a domain and a case: no resolver, port or CA in the input', () => {
    expect(Object.keys(requests['mailPolicy.probe'].input.shape).sort()).toEqual(['caseId', 'domain'])
    const parsed = requests['mailPolicy.probe'].input.parse({
      domain: 'lab.test',
      dnsServers: ['127.0.0.1'],
      policyCa: 'x',
    })
    expect(parsed).toEqual({ domain: 'lab.test' })
  })

  it('masked STARTTLS under enforce: critical, journaled after the probe, shown per MX in the report (en, ko)', async () => {
    const { id: caseId } = await call('cases.create', { customer: 'Lab Mail' })
    const value = await call('mailPolicy.probe', { domain: 'lab.test', caseId })
    expect(value.results).toHaveLength(1)
    expect(value.results[0]?.starttls?.masked).toBe(true)
    expect(value.mailPolicy?.check.stsPolicy).toMatchObject({ ok: true, policy: { mode: 'enforce' } })
    expect(value.mailPolicy?.verdicts).toEqual([
      expect.objectContaining({ host: 'mx1.lab.test', sts: 'enforce', stsListed: true, tlsrpt: true }),
    ])
    expect(value.mailPolicy?.verdicts[0]).toMatchObject({ level: 'critical', key: 'noDeliverySts' })

    const entries = services.cases.read(caseId).entries
    const probe = entries.find((e) => e.type === JOURNAL.probeResult)
    const policies = entries.filter((e) => e.type === JOURNAL.mailPolicyResult)
    expect(policies).toHaveLength(1)
    expect(probe!.seq).toBeLessThan(policies[0]!.seq)
    const data = readEvent(policies[0]!, JOURNAL.mailPolicyResult)
    expect(data).toMatchObject({
      domain: 'lab.test',
      sts: { key: 'findings.mailPolicy.sts.policy', params: { mode: 'enforce' } },
      tlsrpt: { key: 'findings.mailPolicy.tlsrpt.published', params: { rua: 'mailto:tls-reports@lab.test' } },
      verdicts: [{ host: 'mx1.lab.test', level: 'critical', key: 'noDeliverySts', dane: 'none' }],
    })

    for (const lang of ['en', 'ko'] as const) {
      const t = createTranslator(lang)
      const { html } = await call('report.preview', { caseId, lang })
      const section = html.slice(html.indexOf('id="mail-policy"'), html.indexOf('id="prevention"'))
      expect(section).toContain('mx1.lab.test')
      expect(section).toContain(String(t('report.starttls.masked')))
      expect(section).toContain(String(t('findings.mailPolicy.verdict.noDeliverySts', { host: 'mx1.lab.test' })))
      expect(section).toContain(String(t('report.findings.severity.critical')))
      // The prevention advice names the probed domain rather than example.com.
      const prevention = html.slice(html.indexOf('id="prevention"'))
      expect(prevention).toContain('_smtp._tls.lab.test')
      expect(prevention).not.toContain('example.com')
    }
    expect(createTranslator('ko')('findings.mailPolicy.verdict.noDeliverySts', { host: 'h' })).not.toBe(
      createTranslator('en')('findings.mailPolicy.verdict.noDeliverySts', { host: 'h' }),
    )
  })

  it('after the fix (firewall stops inspecting) the re-probe journals the new state; a case-less probe journals nothing', async () => {
    const { id: caseId } = await call('cases.create', { customer: 'Lab Mail fixed' })
    const saved = lab.firewall.policy
    lab.firewall.policy = { kind: 'off' }
    try {
      const value = await call('mailPolicy.probe', { domain: 'lab.test', caseId })
      expect(value.results[0]?.starttls?.masked).toBe(false)
      // TLS gets through now, but the lab's mail host has a self-signed certificate: enforce senders still refuse.
      expect(value.mailPolicy?.verdicts[0]).toMatchObject({ level: 'critical', key: 'stsUntrusted' })
      const before = services.cases.list().length
      const caseless = await call('mailPolicy.probe', { domain: 'lab.test' })
      expect(caseless.mailPolicy?.verdicts).toHaveLength(1)
      expect(services.cases.list()).toHaveLength(before)
    } finally {
      lab.firewall.policy = saved
    }
    const entries = services.cases.read(caseId).entries.filter((e) => e.type === JOURNAL.mailPolicyResult)
    expect(entries.map((e) => readEvent(e, JOURNAL.mailPolicyResult)?.verdicts[0]?.key)).toEqual(['stsUntrusted'])
    const { html } = await call('report.preview', { caseId, lang: 'en' })
    expect(html).toContain(String(createTranslator('en')('report.starttls.offered')))
    expect(html).not.toContain(
      String(createTranslator('en')('findings.mailPolicy.verdict.noDeliverySts', { host: 'mx1.lab.test' })),
    )
  })
})
