/**
 * The probe against a real MTA: Debian's Postfix, started by the test in a temp folder on a loopback port
 * with STARTTLS, directly and through the lab's inspecting path (the asa9-default firewall's policy in
 * front of this Postfix instead of the lab's own mail host).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { type InspectionProxy, startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { probe } from '../../../src/main/smtp/probe'
import { compareProbes } from '../../../src/shared/probe/compare'
import { probeFindings } from '../../../src/shared/probe/findings'
import { makeCertificate, type TestCertificate } from '../../support/hostile-smtp'
import { hasPostfix, type PostfixInstance, startPostfix } from '../../support/postfix'

describe.skipIf(!hasPostfix)('probe against a private Postfix', () => {
  let postfix: PostfixInstance
  let ca: TestCertificate
  let lab: Lab | undefined
  let proxy: InspectionProxy | undefined
  const stateDir = mkdtempSync(join(tmpdir(), 'unmask-probe-postfix-lab-'))

  beforeAll(async () => {
    ca = await makeCertificate({ commonName: 'Unmask Postfix Test Root', isCa: true })
    const cert = await makeCertificate({ commonName: 'mx.postfix.test', names: ['mx.postfix.test'], issuer: ca })
    postfix = await startPostfix({ cert })
  })

  afterAll(async () => {
    await proxy?.close()
    await lab?.stop()
    await postfix?.stop()
    rmSync(stateDir, { recursive: true, force: true })
  })

  const tls = () => ({ servername: 'mx.postfix.test', ca: [ca.cert] })

  it('records Postfix’s STARTTLS, a verified TLS session and the EHLO after it', async () => {
    const r = await probe({ host: postfix.host, port: postfix.port, vantage: 'inside' }, { tls: tls() })
    expect(r.outcome).toBe('completed')
    expect(r.banner?.lines[0]?.raw).toBe('220 mx.postfix.test ESMTP Postfix')
    expect(r.greeting?.extensions.map((e) => e.keyword)).toEqual(expect.arrayContaining(['STARTTLS', 'PIPELINING']))
    expect(r.starttls?.reply?.lines[0]?.raw).toBe('220 2.0.0 Ready to start TLS')
    expect(r.tls).toMatchObject({ established: true, protocol: 'TLSv1.3' })
    expect(r.tls?.verification).toMatchObject({ trusted: true, hostname: 'mx.postfix.test', hostnameMatches: true })
    expect(r.greetingAfterTls?.extensions.map((e) => e.keyword)).not.toContain('STARTTLS')
    expect(r.quit?.code).toBe(221)
  })

  it('delivers the opt-in test message, DKIM-Signature header included, into the maildir', async () => {
    const before = postfix.delivered('probe').length
    const r = await probe(
      { host: postfix.host, port: postfix.port },
      { tls: tls(), message: { from: 'probe@lab.test', to: `probe@${postfix.domain}`, dkimSignature: true } },
    )
    expect(r.message?.outcome).toBe('accepted')
    expect(r.message?.reply?.lines[0]?.raw).toMatch(/^250 2\.0\.0 Ok: queued as /)
    let delivered: string[] = []
    for (let i = 0; i < 50 && delivered.length <= before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      delivered = postfix.delivered('probe')
    }
    expect(delivered.length).toBe(before + 1)
    expect(delivered.at(-1)).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/m)
  })

  it('a recipient Postfix does not know is rejected, not delivered', async () => {
    const r = await probe(
      { host: postfix.host, port: postfix.port },
      { tls: tls(), message: { from: 'probe@lab.test', to: `nobody@${postfix.domain}` } },
    )
    expect(r.message?.outcome).toBe('rejected')
    expect(r.message?.reply?.code).toBe(550)
  })

  it('through the lab’s ASA inspection path: masked STARTTLS, Postfix’s own refusal, and the paths differ', async () => {
    lab = await startLab({ scenario: 'asa9-default', stateDir })
    proxy = await startInspectionProxy({ upstream: postfix, firewall: lab.device! })
    const [inside, outside] = await Promise.all([
      probe({ host: postfix.host, port: postfix.port, vantage: 'inside' }, { tls: tls() }),
      probe({ host: '127.0.0.1', port: proxy.port, vantage: 'outside' }, { tls: tls() }),
    ])
    expect(outside.outcome).toBe('completed')
    expect(outside.starttls).toMatchObject({ advertised: false, masked: true, sent: true })
    // Postfix, not an ESA, answers the X-ed command: a 5xx "not recognized" in its own words.
    expect(outside.starttls?.reply?.code).toBeGreaterThanOrEqual(500)
    expect(outside.starttls?.reply?.lines[0]?.raw).toMatch(/command not recognized/i)
    expect(outside.tls).toBeUndefined()
    const ids = probeFindings([outside]).map((f) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['smtp.starttls-masked', 'smtp.starttls-rejected']))
    expect(compareProbes(inside, outside).differences.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['starttls-advertised', 'starttls-reply', 'tls-outcome']),
    )
    expect(probeFindings([inside, outside]).some((f) => f.id === 'smtp.path-differs')).toBe(true)
  })
})
