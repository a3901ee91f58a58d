import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { FTD_SHOW_VERSION } from '../evidence/device-samples'
import { fixtureText, GMAIL_NDR, SC_TRANSCRIPT, STARTTLS_BEFORE_GREETING, SWAKS_TLS_OK } from '../evidence/samples'

const analyze = (...texts: string[]) => analyzeTexts(texts.map((text, i) => ({ source: `in${i}`, text })))
const causes = (...texts: string[]) => analyze(...texts).causes.map((c) => c.id)

const ASA_CONFIG = fixtureText('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt')
const POSTFIX_PIX =
  'Nov 28 09:12:01 mail postfix/smtp[2211]: 4F3A21C0123: enabling PIX workarounds: disable_esmtp delay_dotcrlf for mx.partner.example[192.0.2.25]:25\n'

describe('root causes', () => {
  it('local ASA inspection: device finding first in the chain, symptoms after, confidence raised by them', () => {
    const alone = analyze(ASA_CONFIG).causes[0]!
    const both = analyze(ASA_CONFIG, SC_TRANSCRIPT).causes[0]!
    expect(both.id).toBe('local-esmtp-inspection')
    expect(both.findings[0]).toBe('asa.esmtp-inspection-active')
    expect(both.evidence[0]?.source).toBe('in0')
    expect(both.evidence.some((e) => e.source === 'in1')).toBe(true)
    expect(both.confidence).toBeGreaterThan(alone.confidence)
    expect(both.confidence).toBeLessThanOrEqual(0.99)
  })

  it('symptoms without device evidence: a firewall in the path, side unknown', () => {
    expect(causes(SC_TRANSCRIPT)).toEqual(['path-inspection'])
  })

  it('symptoms from a bounce or Postfix delivery log: the remote side', () => {
    expect(causes(GMAIL_NDR)).toEqual(['remote-inspection'])
    expect(causes(POSTFIX_PIX)).toEqual(['remote-inspection'])
  })

  it('symptoms plus a local device without SMTP inspection: the remote side', () => {
    const clean =
      'ASA Version 9.8(4)\nhostname fw\npolicy-map global_policy\n class inspection_default\n  inspect ftp\nservice-policy global_policy global\n'
    expect(causes(clean, SC_TRANSCRIPT)).toEqual(['remote-inspection'])
  })

  it('FTD with ESMTP inspection: the FTD cause, fixed through FlexConfig', () => {
    const fragment =
      'policy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n'
    const a = analyze(FTD_SHOW_VERSION, fragment)
    expect(a.causes.map((c) => c.id)).toEqual(['ftd-esmtp-inspection'])
    expect(a.causes[0]!.findings).toContain('ftd.managed-device')
    expect(a.remedies.map((r) => r.id)).toEqual(['advice.ftd-flexconfig'])
  })

  it('look-alike server bug: its own cause, and no firewall cause', () => {
    expect(causes(STARTTLS_BEFORE_GREETING)).toEqual(['server-lookalike'])
    const esaLog = 'Info: DCID 5512 STARTTLS command not supported.\n'
    expect(causes(STARTTLS_BEFORE_GREETING, esaLog)).toEqual(['server-lookalike'])
  })

  it('a server that does not offer STARTTLS: low-confidence server cause, no firewall', () => {
    const a = analyze(fixtureText('esa_baseline_no_firewall_ehlo_help_cisco214630.txt'))
    expect(a.causes).toHaveLength(1)
    expect(a.causes[0]).toMatchObject({ id: 'server-no-starttls', confidence: 0.5 })
    expect(a.remedies).toEqual([])
  })

  it('TLS working and nothing else: no cause at all', () => {
    const a = analyze(SWAKS_TLS_OK)
    expect(a.findings.map((f) => f.id)).toEqual(['smtp.tls-ok'])
    expect(a.causes).toEqual([])
  })

  it('old PIX: MailGuard and the duplicate-header cause, both with their remedies', () => {
    const a = analyze(fixtureText('pix_4.4-5_wr_term_outofbox_chuckbag.txt'))
    expect(a.causes.map((c) => [c.id, c.remedies])).toEqual([
      ['pix-mailguard', ['pix.no-fixup-smtp', 'advice.upgrade']],
      ['old-pix-duplicate-header', ['advice.upgrade']],
    ])
  })

  it('every cause has a title and explanation key and points at evidence', () => {
    for (const text of [ASA_CONFIG, SC_TRANSCRIPT, GMAIL_NDR, STARTTLS_BEFORE_GREETING]) {
      for (const c of analyze(text).causes) {
        expect(c.titleKey).toBe(`findings.causes.${c.id}.title`)
        expect(c.evidence.length).toBeGreaterThan(0)
      }
    }
  })
})

describe('remote evidence from our own delivery logs', () => {
  it('a Postfix bounce line quoting an X-ed command points at the remote side', () => {
    const line =
      'Nov 28 09:20:11 mail postfix/smtp[2301]: 9C1D2E3F4A5: to=<a@partner.example>, relay=mx.partner.example[192.0.2.25]:25, status=bounced (host mx.partner.example[192.0.2.25] said: 500 5.5.1 Command unrecognized: "XXXXXXXX" (in reply to end of DATA command))\n'
    expect(analyzeTexts([{ source: 'maillog', text: line }]).causes.map((c) => c.id)).toEqual(['remote-inspection'])
  })
})

describe('evidence chain order', () => {
  it('puts what proves the cause (the firewall log) before the symptoms, whatever their confidence', () => {
    const a = analyzeTexts([
      { source: 'probe.txt', text: SC_TRANSCRIPT },
      { source: 'syslog.txt', text: fixtureText('asa_syslog_esmtp_inspection_drop_blog.txt') },
    ])
    const c = a.causes[0]!
    expect(c.id).toBe('local-esmtp-inspection')
    expect(c.findings[0]).toBe('log.asa-esmtp-inspection')
    expect(c.evidence[0]?.source).toBe('syslog.txt')
    expect(c.evidence.at(-1)?.source).toBe('probe.txt')
  })
})

describe('MailGuard signature without device evidence', () => {
  it('an all-asterisk banner with EHLO refused is MailGuard, not ASA ESMTP inspection', () => {
    const t = 'S: 220 ************ *****\nC: EHLO probe\nS: 500 Unrecognized command\nC: STARTTLS\nS: 250 OK\n'
    expect(analyzeTexts([{ source: 'p', text: t }]).causes.map((c) => c.id)).toEqual(['pix-mailguard'])
  })

  it('an all-asterisk banner with a normal EHLO reply stays an unknown inspecting firewall', () => {
    const t = 'S: 220 ************ *****\nC: EHLO probe\nS: 250-esa.lab.test\nS: 250 XXXXXXXA\n'
    expect(analyzeTexts([{ source: 'p', text: t }]).causes.map((c) => c.id)).toEqual(['path-inspection'])
  })
})
