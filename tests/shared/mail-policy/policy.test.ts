/**
 * MTA-STS/TLS-RPT records and policy files (RFC 8461 §3.1/§3.2/§4.1, RFC 8460 §3), DANE TLSA matching (RFC 7672,
 * RFC 6698) and the verdict that joins them with a probe: masked STARTTLS under enforce or DANE is critical, under
 * testing/none it is "mail goes in clear"; with TLS working, a TLSA record that matches no certificate is critical.
 */
import { describe, expect, it } from 'vitest'
import { daneState, matchTlsa } from '../../../src/shared/mail-policy/dane'
import { mxMatches, parseStsPolicy, parseStsRecord, parseTlsRptRecord } from '../../../src/shared/mail-policy/sts'
import type { MailPolicyCheck } from '../../../src/shared/mail-policy/types'
import { judgeMx } from '../../../src/shared/mail-policy/verdict'

const LEAF = { sha256: 'AA:BB:CC', spkiSha256: '11'.repeat(32) }
const CA = { sha256: 'DD:EE:FF', spkiSha256: '22'.repeat(32) }

function check(
  mode: 'enforce' | 'testing' | 'none' | null,
  tlsa: { data: string; usage?: number }[] = [],
): MailPolicyCheck {
  return {
    domain: 'lab.test',
    stsRecord: mode ? { ok: true, id: '1' } : { ok: false, reason: 'none' },
    ...(mode
      ? {
          stsPolicy: {
            ok: true as const,
            url: 'https://mta-sts.lab.test/.well-known/mta-sts.txt',
            policy: { mode, mx: mode === 'none' ? [] : ['mx1.lab.test'], maxAge: 86400 },
          },
        }
      : {}),
    tlsrpt: { ok: false, reason: 'none' },
    mx: [
      {
        host: 'mx1.lab.test',
        tlsa: {
          ok: true,
          authenticated: true,
          records: tlsa.map((r) => ({ usage: r.usage ?? 3, selector: 1, matchingType: 1, data: r.data })),
        },
      },
    ],
  }
}

describe('MTA-STS and TLS-RPT records', () => {
  it('reads the TXT records, and refuses none, several or a bad id', () => {
    expect(parseStsRecord(['v=STSv1; id=20160831085700Z;'])).toEqual({ ok: true, id: '20160831085700Z' })
    expect(parseStsRecord(['v=spf1 -all'])).toEqual({ ok: false, reason: 'none' })
    expect(parseStsRecord(['v=STSv1; id=1', 'v=STSv1; id=2'])).toMatchObject({ ok: false, reason: 'several' })
    expect(parseStsRecord(['v=STSv1; id=has-dash'])).toMatchObject({ ok: false, reason: 'syntax' })
    expect(parseTlsRptRecord(['v=TLSRPTv1;rua=mailto:reports@example.com'])).toEqual({
      ok: true,
      rua: ['mailto:reports@example.com'],
    })
    expect(parseTlsRptRecord(['v=TLSRPTv1; rua=ftp://x'])).toMatchObject({ ok: false, reason: 'syntax' })
  })

  it('reads policy files (RFC 8461 §3.2 example) and refuses bad ones', () => {
    const rfc =
      'version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmx: backupmx.example.com\nmax_age: 604800\n'
    expect(parseStsPolicy(rfc)).toEqual({
      ok: true,
      policy: { mode: 'enforce', mx: ['mail.example.com', '*.example.net', 'backupmx.example.com'], maxAge: 604800 },
    })
    expect(parseStsPolicy('version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n')).toMatchObject({ ok: true })
    expect(parseStsPolicy('version: STSv2\nmode: enforce\nmx: a\nmax_age: 1')).toMatchObject({ ok: false })
    expect(parseStsPolicy('version: STSv1\nmode: enforce\nmax_age: 1')).toEqual({ ok: false, reason: 'no mx line' })
    expect(parseStsPolicy('version: STSv1\nmode: enforce\nmx: a\nmax_age: 31557601')).toMatchObject({ ok: false })
    expect(parseStsPolicy('<html>')).toMatchObject({ ok: false })
  })

  it('matches MX names as RFC 8461 §4.1 says: a wildcard covers exactly one label', () => {
    expect(mxMatches('*.example.net', 'mx1.example.net')).toBe(true)
    expect(mxMatches('*.example.net', 'a.b.example.net')).toBe(false)
    expect(mxMatches('*.example.net', 'example.net')).toBe(false)
    expect(mxMatches('mail.example.com', 'MAIL.example.com.')).toBe(true)
  })
})

describe('DANE TLSA matching', () => {
  it('3 1 1 matches the leaf key, 2 0 1 a CA certificate, PKIX usages are unusable for SMTP', () => {
    expect(matchTlsa({ usage: 3, selector: 1, matchingType: 1, data: '11'.repeat(32) }, [LEAF, CA])).toBe('match')
    expect(matchTlsa({ usage: 2, selector: 0, matchingType: 1, data: 'ddeeff' }, [LEAF, CA])).toBe('match')
    expect(matchTlsa({ usage: 3, selector: 0, matchingType: 1, data: 'ddeeff' }, [LEAF, CA])).toBe('no-match')
    expect(matchTlsa({ usage: 1, selector: 1, matchingType: 1, data: '11'.repeat(32) }, [LEAF])).toBe('unusable')
    expect(matchTlsa({ usage: 3, selector: 1, matchingType: 2, data: 'ab' }, [LEAF])).toBe('not-checked')
  })

  it('counter-example: a TLSA record with no matching certificate', () => {
    expect(daneState([{ usage: 3, selector: 1, matchingType: 1, data: '99'.repeat(32) }], [LEAF, CA]).state).toBe(
      'no-match',
    )
    expect(daneState([], [LEAF]).state).toBe('none')
    expect(daneState([{ usage: 3, selector: 1, matchingType: 1, data: '99' }], null).state).toBe('no-tls')
  })
})

describe('policy verdict beside the probe', () => {
  const masked = { host: 'mx1.lab.test', verdict: 'starttls-masked', chain: null }
  const tlsOk = { host: 'mx1.lab.test', verdict: 'tls-ok', chain: [LEAF, CA] }

  it('masked STARTTLS under enforce or DANE: compliant senders will not deliver', () => {
    expect(judgeMx(check('enforce'), masked)).toMatchObject({ level: 'critical', key: 'noDeliverySts', sts: 'enforce' })
    expect(judgeMx(check(null, [{ data: '11'.repeat(32) }]), masked)).toMatchObject({
      level: 'critical',
      key: 'noDeliveryDane',
    })
  })

  it('masked STARTTLS under testing, none or no policy: mail goes in clear', () => {
    for (const mode of ['testing', 'none', null] as const)
      expect(judgeMx(check(mode), masked), String(mode)).toMatchObject({ level: 'warning', key: 'inClear' })
  })

  it('DANE records the resolver did not validate do not make TLS mandatory', () => {
    const c = check(null, [{ data: '11'.repeat(32) }])
    const lookup = c.mx[0]!.tlsa
    if (lookup.ok) lookup.authenticated = false
    expect(judgeMx(c, masked)).toMatchObject({ level: 'warning', key: 'inClear', daneAuthenticated: false })
  })

  it('with TLS working: matching TLSA and enforce are protected; a TLSA with no matching certificate is critical', () => {
    expect(judgeMx(check('enforce', [{ data: '11'.repeat(32) }]), tlsOk)).toMatchObject({
      level: 'good',
      dane: 'match',
    })
    expect(judgeMx(check('testing', [{ data: '99'.repeat(32) }]), tlsOk)).toMatchObject({
      level: 'critical',
      key: 'daneMismatch',
    })
    expect(judgeMx(check(null), tlsOk)).toMatchObject({ level: 'info', key: 'unprotected' })
    expect(judgeMx(check('enforce'), { ...tlsOk, host: 'mx9.other.test' })).toMatchObject({
      level: 'critical',
      key: 'stsNotListed',
    })
    expect(judgeMx(check('enforce'), { ...tlsOk, verdict: 'tls-untrusted' })).toMatchObject({ key: 'stsUntrusted' })
  })
})
