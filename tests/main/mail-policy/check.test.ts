/**
 * The mail-policy lookups against the lab's loopback DNS server and HTTPS policy host (src/lab/dns,
 * src/lab/policy-server): TXT and TLSA answers, the AD bit, the TCP retry after a truncated UDP answer, a silent
 * name (timeout), and the policy fetch with its bad answers (404, redirect not followed, oversized body, wrong media
 * type, a CA that is not trusted, a `none` policy). Only 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LabDnsServer, startLabDns } from '../../../src/lab/dns/server'
import { type LabPem, makeLabCa } from '../../../src/lab/policy-server/ca'
import { type LabPolicyServer, startLabPolicyServer, stsPolicyText } from '../../../src/lab/policy-server/server'
import { checkMailPolicy } from '../../../src/main/mail-policy/check'
import { lookupTlsa, lookupTxt } from '../../../src/main/mail-policy/dns'
import { fetchStsPolicy, MAX_POLICY_BYTES } from '../../../src/main/mail-policy/fetch-policy'

let dns: LabDnsServer
let ca: LabPem
let policy: LabPolicyServer
const TLSA = { usage: 3, selector: 1, matchingType: 1, data: 'ab'.repeat(32) }

beforeAll(async () => {
  ca = await makeLabCa()
  policy = await startLabPolicyServer(ca, 'lab.test', stsPolicyText('enforce', ['mx1.lab.test', '*.mx.lab.test']))
  dns = await startLabDns({
    'lab.test': { mx: [{ preference: 10, exchange: 'mx1.lab.test' }] },
    'mx1.lab.test': { a: ['127.0.0.1'] },
    'mta-sts.lab.test': { a: ['127.0.0.1'] },
    '_mta-sts.lab.test': { txt: ['v=STSv1; id=20261205T1'] },
    '_smtp._tls.lab.test': { txt: ['v=TLSRPTv1; rua=mailto:tls-reports@lab.test'] },
    '_25._tcp.mx1.lab.test': { tlsa: [TLSA] },
    '_25._tcp.big.lab.test': { tlsa: [TLSA, { ...TLSA, data: 'cd'.repeat(32) }], truncateUdp: true },
    '_mta-sts.silent.test': { silent: true },
    '_25._tcp.silent.test': { silent: true },
    'other.test': {},
    'mta-sts.other.test': { a: ['127.0.0.1'] },
  })
})

afterAll(async () => {
  await dns?.close()
  await policy?.close()
})

const opts = () => ({ servers: [dns.server], timeoutMs: 2_000 })

describe('mail-policy DNS lookups on the lab resolver', () => {
  it('reads TXT records, and no record as an empty list', async () => {
    expect(await lookupTxt('_mta-sts.lab.test', opts())).toEqual({ ok: true, value: ['v=STSv1; id=20261205T1'] })
    expect(await lookupTxt('_mta-sts.other.test', opts())).toEqual({ ok: true, value: [] })
  })

  it('reads TLSA records with the AD bit, and without it when the resolver does not vouch', async () => {
    expect(await lookupTlsa('_25._tcp.mx1.lab.test', opts())).toEqual({
      ok: true,
      records: [TLSA],
      authenticated: true,
    })
    dns.authenticated = false
    try {
      expect(await lookupTlsa('_25._tcp.mx1.lab.test', opts())).toMatchObject({ ok: true, authenticated: false })
    } finally {
      dns.authenticated = true
    }
    expect(await lookupTlsa('_25._tcp.none.lab.test', opts())).toMatchObject({ ok: true, records: [] })
  })

  it('asks again over TCP when the UDP answer is truncated', async () => {
    const before = dns.queries.length
    const r = await lookupTlsa('_25._tcp.big.lab.test', opts())
    expect(r).toMatchObject({ ok: true })
    expect(r.ok && r.records.map((x) => x.data)).toEqual(['ab'.repeat(32), 'cd'.repeat(32)])
    expect(dns.queries.slice(before).map((q) => q.transport)).toEqual(['udp', 'tcp'])
  })

  it('a silent resolver is a timeout, not a hang', async () => {
    const txt = await lookupTxt('_mta-sts.silent.test', { servers: [dns.server], timeoutMs: 300 })
    expect(txt).toMatchObject({ ok: false, reason: 'dns-timeout' })
    const tlsa = await lookupTlsa('_25._tcp.silent.test', { servers: [dns.server], timeoutMs: 300 })
    expect(tlsa).toMatchObject({ ok: false, reason: 'dns-timeout' })
  })
})

describe('MTA-STS policy fetch from the lab policy host', () => {
  const fetchOpts = () => ({ dnsServers: [dns.server], timeoutMs: 3_000, ca: ca.cert, port: policy.port })

  it('fetches and reads an enforce policy over HTTPS with the lab CA', async () => {
    expect(await fetchStsPolicy('lab.test', fetchOpts())).toEqual({
      ok: true,
      url: 'https://mta-sts.lab.test/.well-known/mta-sts.txt',
      policy: { mode: 'enforce', mx: ['mx1.lab.test', '*.mx.lab.test'], maxAge: 86400 },
    })
  })

  it('refuses a certificate from a CA it was not told to trust (the system roots do not know the lab CA)', async () => {
    const r = await fetchStsPolicy('lab.test', { ...fetchOpts(), ca: undefined })
    expect(r).toMatchObject({ ok: false, reason: 'https-failed' })
  })

  it('refuses a certificate for another name (mta-sts.other.test served with the lab.test certificate)', async () => {
    const r = await fetchStsPolicy('other.test', fetchOpts())
    expect(r).toMatchObject({ ok: false, reason: 'https-failed' })
    expect(r.ok ? '' : r.message).toMatch(/altnames|ERR_TLS_CERT_ALTNAME_INVALID/i)
  })

  it('bad answers: 404, a redirect (not followed), a wrong media type, an oversized body', async () => {
    const saved = { ...policy.response }
    try {
      policy.response = { ...saved, status: 404 }
      expect(await fetchStsPolicy('lab.test', fetchOpts())).toMatchObject({ ok: false, reason: 'https-status' })
      policy.response = { ...saved, status: 301, location: 'https://elsewhere.test/policy' }
      const redirect = await fetchStsPolicy('lab.test', fetchOpts())
      expect(redirect).toMatchObject({ ok: false, reason: 'https-status' })
      expect(redirect.ok ? '' : redirect.message).toContain('not followed')
      policy.response = { ...saved, contentType: 'text/html' }
      expect(await fetchStsPolicy('lab.test', fetchOpts())).toMatchObject({ ok: false, reason: 'invalid' })
      policy.response = { ...saved, body: `${saved.body}${'# filler\r\n'.repeat(MAX_POLICY_BYTES / 10 + 1)}` }
      expect(await fetchStsPolicy('lab.test', fetchOpts())).toMatchObject({ ok: false, reason: 'too-large' })
      policy.response = { ...saved, body: 'version: STSv1\r\nmode: sometimes\r\nmx: a\r\nmax_age: 1\r\n' }
      expect(await fetchStsPolicy('lab.test', fetchOpts())).toMatchObject({ ok: false, reason: 'invalid' })
    } finally {
      policy.response = saved
    }
  })

  it('checks a whole domain: records, policy and TLSA of each MX; a policy in none mode reads as none', async () => {
    const check = await checkMailPolicy('lab.test', ['mx1.lab.test'], {
      dnsServers: [dns.server],
      timeoutMs: 3_000,
      policyCa: ca.cert,
      policyPort: policy.port,
    })
    expect(check).toMatchObject({
      domain: 'lab.test',
      stsRecord: { ok: true, id: '20261205T1' },
      stsPolicy: { ok: true, policy: { mode: 'enforce' } },
      tlsrpt: { ok: true, rua: ['mailto:tls-reports@lab.test'] },
      mx: [{ host: 'mx1.lab.test', tlsa: { ok: true, records: [TLSA], authenticated: true } }],
    })
    const saved = policy.response.body
    policy.response.body = stsPolicyText('none', [])
    try {
      const none = await checkMailPolicy('lab.test', ['mx1.lab.test'], {
        dnsServers: [dns.server],
        timeoutMs: 3_000,
        policyCa: ca.cert,
        policyPort: policy.port,
      })
      expect(none.stsPolicy).toMatchObject({ ok: true, policy: { mode: 'none', mx: [] } })
    } finally {
      policy.response.body = saved
    }
  })

  it('without an _mta-sts record the policy host is not asked', async () => {
    const before = policy.requests
    const check = await checkMailPolicy('other.test', [], {
      dnsServers: [dns.server],
      timeoutMs: 2_000,
      policyCa: ca.cert,
      policyPort: policy.port,
    })
    expect(check.stsRecord).toEqual({ ok: false, reason: 'none' })
    expect(check.stsPolicy).toBeUndefined()
    expect(check.tlsrpt).toEqual({ ok: false, reason: 'none' })
    expect(policy.requests).toBe(before)
  })
})
