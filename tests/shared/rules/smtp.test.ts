import { describe, expect, it } from 'vitest'
import type { TranscriptLine } from '../../../src/shared/evidence/types'
import { smtpTranscriptFindings } from '../../../src/shared/rules'
import {
  fixtureText,
  GMAIL_NDR,
  POSTFIX_NDR,
  SC_TRANSCRIPT,
  STARTTLS_BEFORE_GREETING,
  SWAKS_MASKED,
  SWAKS_TLS_OK,
} from '../evidence/samples'
import { findingsOf, ids, one } from './helpers'

const PLAIN_NO_TLS = `220 mx.example.org ESMTP Postfix
EHLO probe.example.net
250-mx.example.org
250-PIPELINING
250-SIZE 10240000
250 8BITMIME
`

describe('smtp.starttls-masked', () => {
  it('fires on XXXXXXXA in the EHLO reply, pointing at that line', () => {
    const f = one(findingsOf(SC_TRANSCRIPT), 'smtp.starttls-masked')
    expect(f).toMatchObject({ severity: 'critical', params: { masked: 'XXXXXXXA' } })
    expect(f.evidence[0]).toMatchObject({ source: 't0', startLine: 5, endLine: 5, excerpt: '250 XXXXXXXA' })
  })

  it('fires on an all-X mask too', () => {
    expect(ids(findingsOf('250-mx.example.org\n250-SIZE 1\n250 XXXXXXXX\n'))).toContain('smtp.starttls-masked')
  })

  it('does not fire when STARTTLS is simply absent, or present, or another keyword is masked', () => {
    expect(ids(findingsOf(PLAIN_NO_TLS))).not.toContain('smtp.starttls-masked')
    expect(ids(findingsOf(SWAKS_TLS_OK))).not.toContain('smtp.starttls-masked')
    // XXXX has the length of AUTH/SIZE, not STARTTLS.
    expect(ids(findingsOf('250-mx.example.org\n250-STARTTLS\n250 XXXX\n'))).not.toContain('smtp.starttls-masked')
  })

  it('does not fire on an 8-letter mask when STARTTLS is listed unmasked (it hides another keyword)', () => {
    expect(ids(findingsOf('250-mx.example.org\n250-STARTTLS\n250 XXXXXXXA\n'))).not.toContain('smtp.starttls-masked')
  })
})

describe('smtp.starttls-rejected', () => {
  it('fires on STARTTLS answered 500 "not recognized" (ESA and Postfix wording)', () => {
    const esa = one(findingsOf(SC_TRANSCRIPT), 'smtp.starttls-rejected')
    expect(esa.evidence[0]).toMatchObject({ startLine: 6, endLine: 7 })
    expect(esa.confidence).toBeGreaterThan(0.8)
    expect(ids(findingsOf(SWAKS_MASKED))).toContain('smtp.starttls-rejected')
  })

  it('fires on another server wording (qmail 502 unimplemented) when EHLO showed STARTTLS masked', () => {
    const qmail =
      '220 mx.example.org ESMTP\nEHLO a.example\n250-mx.example.org\n250 XXXXXXXA\nSTARTTLS\n502 unimplemented (#5.5.1)\n'
    const f = one(findingsOf(qmail), 'smtp.starttls-rejected')
    expect(f.confidence).toBeLessThan(0.85)
    expect(f.params?.reply).toBe('502 unimplemented (#5.5.1)')
  })

  it('does not fire on 502 unimplemented from a server that never offered STARTTLS', () => {
    const plain =
      '220 mx.example.org ESMTP\nEHLO a.example\n250-mx.example.org\n250 SIZE 100\nSTARTTLS\n502 unimplemented (#5.5.1)\n'
    expect(ids(findingsOf(plain))).not.toContain('smtp.starttls-rejected')
  })

  it('does not fire on a 220 to STARTTLS, or a 454 TLS-unavailable', () => {
    expect(ids(findingsOf(SWAKS_TLS_OK))).not.toContain('smtp.starttls-rejected')
    const tempFail = `220 mx ESMTP\nEHLO x\n250-mx.example.org\n250 STARTTLS\nSTARTTLS\n454 4.7.0 TLS not available due to local problem\n`
    expect(ids(findingsOf(tempFail))).not.toContain('smtp.starttls-rejected')
  })

  it('does not infer STARTTLS for a 500 after an EHLO reply that masked nothing', () => {
    const block = '250-mx.example.org\n250 SIZE 100\n500 5.5.2 Error: command not recognized\n'
    expect(ids(findingsOf(block))).not.toContain('smtp.starttls-rejected')
  })
})

describe('smtp.command-masked', () => {
  it('fires on bounces quoting an X-ed command (Postfix and Gmail wording)', () => {
    expect(one(findingsOf(POSTFIX_NDR), 'smtp.command-masked').evidence[0]?.startLine).toBe(6)
    const gmail = one(findingsOf(GMAIL_NDR), 'smtp.command-masked')
    expect(gmail.params).toEqual({ masked: 'XXXXXXXX' })
  })

  it('fires on a server-side capture whose client line is all X', () => {
    const capture =
      '220 mx.example.org ESMTP\nEHLO a.example\n250 mx.example.org\nXXXXXXXX\n500 5.5.2 Error: command not recognized\n'
    expect(ids(findingsOf(capture))).toContain('smtp.command-masked')
  })

  it('does not fire on a 250 reply that happens to contain X, or on XEXCH50', () => {
    expect(ids(findingsOf('250-mx.example.org\n250-XEXCH50\n250 SIZE 1\n'))).not.toContain('smtp.command-masked')
    expect(ids(findingsOf('220 mx ESMTP\nEHLO x\n250 ok "XXXX"\n'))).not.toContain('smtp.command-masked')
  })
})

describe('smtp.banner-masked', () => {
  it('fires on MailGuard banners with surviving 2s and 0s, and on the early cmap banner', () => {
    const f = one(findingsOf(fixtureText('pix_mailguard_banners_exchange_doc.txt')), 'smtp.banner-masked')
    expect(f.params).toEqual({ variant: 'mailguard' })
    expect(
      one(findingsOf('220 SMTP/cmap_____________________________________read\n'), 'smtp.banner-masked').params,
    ).toEqual({
      variant: 'mailguard',
    })
  })

  it('fires on an all-asterisk banner (ASA mask-banner, PIX 4.x) as the asterisks variant', () => {
    expect(one(findingsOf(SWAKS_MASKED), 'smtp.banner-masked').params).toEqual({ variant: 'asterisks' })
  })

  it('does not fire on an ordinary banner, or a banner with a few decorative asterisks', () => {
    expect(ids(findingsOf(PLAIN_NO_TLS))).not.toContain('smtp.banner-masked')
    expect(ids(findingsOf('220 ** mx.example.org ESMTP ready **\nEHLO x\n'))).not.toContain('smtp.banner-masked')
  })
})

describe('smtp.ehlo-rejected', () => {
  it('fires when EHLO gets a 5xx (MailGuard, KB295725)', () => {
    const t =
      '220 *************************0*2****\nEHLO client.example.net\n500 Unrecognized command\nHELO client.example.net\n250 OK\n'
    const f = one(findingsOf(t), 'smtp.ehlo-rejected')
    expect(f).toMatchObject({ severity: 'warning', params: { reply: '500 Unrecognized command' } })
    expect(f.evidence[0]).toMatchObject({ startLine: 2, endLine: 3 })
  })

  it('fires when EHLO gets a bare NOOP-style OK (MailGuard turned it into NOOP)', () => {
    const t = '220 ****************2**0***\nEHLO client.example.net\n250 2.0.0 Ok\n'
    expect(one(findingsOf(t), 'smtp.ehlo-rejected').params).toEqual({ reply: '250 2.0.0 Ok' })
    expect(ids(findingsOf(t))).not.toContain('smtp.starttls-missing')
  })

  it('does not fire on a normal EHLO, a single-line EHLO greeting, or a bare OK to another command', () => {
    expect(ids(findingsOf(PLAIN_NO_TLS))).not.toContain('smtp.ehlo-rejected')
    expect(ids(findingsOf('220 mx ESMTP\nEHLO x\n250 mx.example.org\n'))).not.toContain('smtp.ehlo-rejected')
    expect(ids(findingsOf('220 mx ESMTP\nNOOP\n250 2.0.0 Ok\n'))).not.toContain('smtp.ehlo-rejected')
  })
})

describe('smtp.starttls-missing', () => {
  it('fires as info (not proof) when a complete reply lists no STARTTLS and masks nothing', () => {
    const f = one(findingsOf(PLAIN_NO_TLS), 'smtp.starttls-missing')
    expect(f.severity).toBe('info')
    expect(f.confidence).toBeLessThanOrEqual(0.5)
    expect(f.evidence[0]).toMatchObject({ startLine: 3, endLine: 6 })
  })

  it('does not fire when something is masked, when STARTTLS is offered, or on a reply tail', () => {
    expect(ids(findingsOf(SC_TRANSCRIPT))).not.toContain('smtp.starttls-missing')
    expect(ids(findingsOf(SWAKS_TLS_OK))).not.toContain('smtp.starttls-missing')
    expect(ids(findingsOf('250-SIZE 1\n250 8BITMIME\n'))).not.toContain('smtp.starttls-missing')
  })
})

describe('smtp.starttls-before-greeting', () => {
  it('fires when STARTTLS is listed on the first line of the EHLO reply', () => {
    const f = one(findingsOf(STARTTLS_BEFORE_GREETING), 'smtp.starttls-before-greeting')
    expect(f.evidence[0]).toMatchObject({ startLine: 3, endLine: 4 })
    expect(f.params).toEqual({ keyword: 'STARTTLS' })
  })

  it('is a look-alike: no masked or missing finding alongside', () => {
    const found = ids(findingsOf(STARTTLS_BEFORE_GREETING))
    expect(found).not.toContain('smtp.starttls-masked')
    expect(found).not.toContain('smtp.starttls-missing')
  })

  it('does not fire on a correct reply or on a quoted reply tail', () => {
    expect(ids(findingsOf(SWAKS_TLS_OK))).not.toContain('smtp.starttls-before-greeting')
    expect(ids(findingsOf(fixtureText('esa_inbound_behind_asa_XXXXXXXA_transcript_cisco118550.txt')))).not.toContain(
      'smtp.starttls-before-greeting',
    )
  })
})

describe('smtp.tls-ok', () => {
  it('fires when STARTTLS got 220 and TLS started', () => {
    const f = one(findingsOf(SWAKS_TLS_OK), 'smtp.tls-ok')
    expect(f.evidence[0]).toMatchObject({ startLine: 10, endLine: 11 })
  })

  it('does not fire when the handshake failed after 220', () => {
    const failed = SWAKS_TLS_OK.replace(
      '=== TLS started with cipher TLSv1.3:TLS_AES_256_GCM_SHA384:256',
      '*** TLS startup failed (connect(): error:0A000126:SSL routines::unexpected eof while reading)',
    )
    expect(ids(findingsOf(failed))).not.toContain('smtp.tls-ok')
  })
})

describe('smtpTranscriptFindings (the probe entry point)', () => {
  const line = (direction: TranscriptLine['direction'], text: string, n: number): TranscriptLine => ({
    direction,
    text,
    line: n,
  })

  it('reads a probe transcript with a TLS outcome recorded by the probe', () => {
    const lines = [
      line('server', '220 mx.example.org ESMTP', 1),
      line('client', 'EHLO unmask.probe', 2),
      line('server', '250-mx.example.org', 3),
      line('server', '250 STARTTLS', 4),
      line('client', 'STARTTLS', 5),
      line('server', '220 2.0.0 Ready to start TLS', 6),
    ]
    const findings = smtpTranscriptFindings({
      kind: 'smtp-transcript',
      source: 'probe:inside',
      lines,
      tls: { established: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' },
    })
    expect(findings.map((f) => [f.id, f.params])).toEqual([
      ['smtp.tls-ok', { port: '?', protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' }],
    ])
    expect(findings[0]!.evidence[0]!.source).toBe('probe:inside')
  })

  it('reports only smtp.* findings for a masked probe', () => {
    const lines = [
      line('server', '220 ******************************', 1),
      line('client', 'EHLO unmask.probe', 2),
      line('server', '250-mx.example.org', 3),
      line('server', '250 XXXXXXXA', 4),
      line('client', 'STARTTLS', 5),
      line('server', '500 5.5.2 Error: command not recognized', 6),
    ]
    const found = smtpTranscriptFindings({ kind: 'smtp-transcript', source: 'probe:outside', lines }).map((f) => f.id)
    expect(found).toEqual(['smtp.starttls-masked', 'smtp.starttls-rejected', 'smtp.banner-masked'])
  })
})
