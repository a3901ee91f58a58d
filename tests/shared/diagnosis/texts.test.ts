/**
 * Every finding, cause and remedy text exists in English and Korean with the same placeholders, and every parameter
 * a text uses is one the engine provides. Checked by translating real analyses, so a missing key shows up as the key.
 */
import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { renderTextReport } from '../../../src/shared/diagnosis/text-report'
import { createTranslator, type Language } from '../../../src/shared/i18n'
import { en } from '../../../src/shared/i18n/en'
import { ko } from '../../../src/shared/i18n/ko'
import { RULE_IDS } from '../../../src/shared/rules'
import { FTD_SHOW_VERSION, MIXED_POLICY_CONFIG } from '../evidence/device-samples'
import {
  fixtureText,
  GMAIL_NDR,
  SC_TRANSCRIPT,
  STARTTLS_BEFORE_GREETING,
  SWAKS_MASKED,
  SWAKS_TLS_OK,
} from '../evidence/samples'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

const SAMPLES = [
  fixtureText('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt'),
  fixtureText('pix_4.4-5_wr_term_outofbox_chuckbag.txt'),
  fixtureText('pix_mailguard_banners_exchange_doc.txt'),
  fixtureText('esa_maillog_tls_lines_cisco118500_212587.txt'),
  fixtureText('asa_syslog_esmtp_inspection_drop_blog.txt'),
  fixtureText('asa_9.x_show_service-policy_genieparser.txt'),
  fixtureText('esa_baseline_no_firewall_ehlo_help_cisco214630.txt'),
  fixtureText('pix_7.2-1_default_show_run_cn_notes.txt'),
  MIXED_POLICY_CONFIG,
  SC_TRANSCRIPT,
  SWAKS_MASKED,
  SWAKS_TLS_OK,
  GMAIL_NDR,
  STARTTLS_BEFORE_GREETING,
  `${FTD_SHOW_VERSION}\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n`,
  '220 *********0****2****\nEHLO x\n500 Unrecognized command\n',
  'Nov 28 09:12:01 mail postfix/smtp[2211]: 4F3A21C0123: enabling PIX workarounds: disable_esmtp delay_dotcrlf for mx.partner.example[192.0.2.25]:25\n',
  '%ASA-6-108007: TLS started on ESMTP session between client outside:198.51.100.4/40100 and server inside:10.0.0.25/25\n',
  // A Postfix without TLS behind an inspecting path: masks that hide VRFY, SMTPUTF8 and CHUNKING, not STARTTLS.
  '220 ********************\nEHLO x\n250-mx.example\n250-PIPELINING\n250-SIZE 10240000\n250-XXXA\n250-ETRN\n250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250-DSN\n250-XXXXXXXB\n250 XXXXXXXC\n',
  // A named map that the evidence does not define.
  'Global policy:\n  Service-policy: global_policy\n    Class-map: inspection_default\n      Inspect: esmtp MAIL_MAP, packet 12, drop 0, reset-drop 0\n',
  'Cisco PIX Firewall Version 6.3(5)\nHardware:   PIX-506E, 32 MB RAM, CPU Pentium II 300 MHz\nfixup protocol smtp 25\n',
  'fw# show failover\nFailover On\nFailover unit Secondary\nThis host: Secondary - Standby Ready\nOther host: Primary - Active\nfw# show running-config\nASA Version 9.8(4)\nhostname fw\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\nfw# ',
  // Masking on deliveries to large providers: the local egress path.
  'Nov 28 09:12:01 mail postfix/smtp[2211]: 4F3A21C0123: enabling PIX workarounds: disable_esmtp delay_dotcrlf for gmail-smtp-in.l.google.com[192.0.2.25]:25\nNov 28 09:13:01 mail postfix/smtp[2212]: 5F3A21C0124: enabling PIX workarounds: disable_esmtp delay_dotcrlf for example-com.mail.protection.outlook.com[192.0.2.26]:25\n',
  // An Exchange queue's last error (tests/fixtures/real-networks: Exchange 2010 behind a Cisco with inspect esmtp).
  fixtureText('../real-networks/exchange2010_queue_451_5.7.3_exchange_auth_cisco_esmtp_remkoweijnen.txt'),
]

/** The same server straight and through a gateway that deletes the STARTTLS line (only a comparison shows it). */
const DIRECT =
  'S: 220 mx.example ESMTP Postfix\nC: EHLO x\nS: 250-mx.example\nS: 250-PIPELINING\nS: 250-STARTTLS\nS: 250 8BITMIME\n'
const THROUGH = 'S: 220 mx.example ESMTP Postfix\nC: EHLO x\nS: 250-mx.example\nS: 250 8BITMIME\n'

describe('findings and remedies texts', () => {
  const enLeaves = leaves({ findings: en.findings, remedies: en.remedies } as Tree)
  const koLeaves = leaves({ findings: ko.findings, remedies: ko.remedies } as Tree)

  it('have the same keys and placeholders in en and ko', () => {
    expect([...koLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort())
    for (const [key, text] of enLeaves) expect(placeholders(koLeaves.get(key)!), key).toEqual(placeholders(text))
    for (const text of koLeaves.values()) expect(text).toMatch(/[가-힣]|^[A-Za-z ().-]+$/)
  })

  it('cover every rule id', () => {
    for (const id of RULE_IDS) {
      expect(enLeaves.has(`findings.${id}.title`), id).toBe(true)
      expect(enLeaves.has(`findings.${id}.explanation`), id).toBe(true)
    }
  })

  it.each<Language>(['en', 'ko'])(
    'render every finding, cause and remedy of real analyses in %s with all values filled',
    (lang) => {
      const t = createTranslator(lang)
      const seen = new Set<string>()
      const runs = [
        ...SAMPLES.map((text) => analyzeTexts([{ source: 'sample', text }])),
        analyzeTexts([
          { source: 'direct.txt', text: DIRECT, vantage: 'direct' },
          { source: 'through.txt', text: THROUGH, vantage: 'through' },
        ]),
      ]
      for (const a of runs) {
        const keys = [
          ...a.findings.flatMap(
            (f) =>
              [
                [f.titleKey, f.params],
                [f.explanationKey, f.params],
              ] as const,
          ),
          ...a.causes.flatMap(
            (c) =>
              [
                [c.titleKey, c.params],
                [c.explanationKey, c.params],
              ] as const,
          ),
          ...a.remedies.flatMap((r) => [
            [r.titleKey, r.params] as const,
            [r.summaryKey, r.params] as const,
            [r.impactKey, r.params] as const,
            ...r.steps.map((s) => [s.textKey, s.params] as const),
            ...r.verify.map((v) => [v.textKey, v.params] as const),
          ]),
          ...a.skipped.map((s) => [s.reasonKey, s.params] as const),
        ]
        for (const [key, params] of keys) {
          const out = t(key, params)
          expect(out, key).not.toBe(key)
          expect(out, key).not.toMatch(/\{\{|undefined/)
          seen.add(key)
        }
        const report = renderTextReport(a, t)
        expect(report).not.toMatch(/\{\{|findings\.\w|remedies\.\w/)
      }
      // The samples exercise every rule's texts except the probe comparison and TLS-RPT (covered by their own tests,
      // tests/shared/mail-policy/tlsrpt-rules.test.ts renders every TLS-RPT text in en and ko; captures are binary input,
      // tests/shared/capture/compare.test.ts renders capture.firewall-rewrote in en and ko).
      const elsewhere = (r: string) => r === 'smtp.path-differs' || r.startsWith('tlsrpt.') || r.startsWith('capture.')
      for (const id of RULE_IDS.filter((r) => !elsewhere(r))) expect(seen.has(`findings.${id}.title`), id).toBe(true)
    },
  )
})
