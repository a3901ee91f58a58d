/**
 * Real material (issues 13 and 22, "real-material" gaps) through the built CLI, `unmask analyze --json FILE`: Exchange
 * queue errors published by the engineers who hit them (tests/fixtures/real-networks/README.md gives each source and
 * the diagnosis it must give), with counter-examples written here that must not give the same diagnosis.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../src/shared/diagnosis'
import { makeTempDir } from '../support/temp-dir'
import { isBuilt, ROOT, unmask } from './built'

const REAL = join(ROOT, 'tests', 'fixtures', 'real-networks')
const tmp = makeTempDir('unmask-real-material-')
afterAll(() => tmp.remove())

/** Exit 1 when the analysis names a problem, 0 when it names none (src/cli/verdict.ts). */
function analyze(...files: string[]): Analysis {
  const r = unmask(['analyze', '--json', ...files])
  expect(r.stderr).toBe('')
  const a = JSON.parse(r.stdout) as Analysis
  expect(r.status).toBe(a.causes.length > 0 || a.findings.some((f) => f.severity !== 'info') ? 1 : 0)
  return a
}

function analyzeText(name: string, text: string): Analysis {
  const file = join(tmp.path, name)
  writeFileSync(file, text)
  return analyze(file)
}

const ids = (a: Analysis) => a.findings.map((f) => f.id)
const causeIds = (a: Analysis) => a.causes.map((c) => c.id)
const remedyIds = (a: Analysis) => a.remedies.map((r) => r.id)

const EXCHANGE_AUTH = [
  'exchange2010_queue_451_5.7.3_exchange_auth_cisco_esmtp_remkoweijnen.txt',
  'exchange2013_queue_451_5.7.3_exchange_auth_cisco_jermsmit.txt',
]

describe.runIf(isBuilt)('unmask analyze --json on real Exchange queue errors', () => {
  it.each(EXCHANGE_AUTH)(
    '%s: 451 5.7.3 between our own Exchange servers points at the firewall between them, on our side',
    (name) => {
      const a = analyze(join(REAL, name))
      expect(a.parts.map((p) => p.kind)).toEqual(['log'])
      expect(ids(a)).toEqual(['log.exchange-auth-blocked'])
      const finding = a.findings[0]!
      expect(finding.confidence).toBe(0.5)
      expect(finding.evidence[0]?.excerpt).toContain('Cannot achieve Exchange Server authentication')
      expect(causeIds(a)).toEqual(['exchange-auth-path'])
      expect(a.causes[0]?.side).toBe('local')
      // Moderate: a Receive connector without Exchange Server authentication gives the same error (KB 979175).
      expect(a.causes[0]?.confidence).toBe(0.5)
      expect(remedyIds(a)).toEqual(['advice.exchange-auth-path'])
      expect(a.remedies[0]?.steps.map((s) => s.textKey.split('.').pop())).toEqual([
        'telnetEhlo',
        'collectFirewall',
        'checkConnector',
      ])
      // Nothing here is a partner's firewall nor a device change.
      expect(causeIds(a)).not.toContain('remote-inspection')
      expect(remedyIds(a)).not.toContain('advice.remote-side')
      expect(a.remedies.every((r) => r.commands.length === 0)).toBe(true)
      expect(unmask(['analyze', '--json', join(REAL, name)]).status).toBe(1)
    },
  )

  it('with the firewall configuration that has inspect esmtp, the queue error backs the local inspection', () => {
    const a = analyze(join(REAL, EXCHANGE_AUTH[0]!), join(REAL, 'asa_9.12-4-67_asa5512_oxidized_backup.txt'))
    expect(causeIds(a)).toContain('local-esmtp-inspection')
    expect(causeIds(a)).toContain('exchange-auth-path')
    const exchange = a.causes.find((c) => c.id === 'exchange-auth-path')!
    expect(exchange.confidence).toBe(0.6)
    expect(exchange.findings).toEqual(['log.exchange-auth-blocked', 'asa.esmtp-inspection-active'])
    expect(remedyIds(a)).toContain('asa.no-inspect-esmtp')
  })

  it('counter-example: other Exchange 451 errors (STARTTLS required, DNS) are not Exchange-authentication masking', () => {
    const a = analyzeText(
      'other-451.txt',
      [
        '451 4.4.0 Primary target IP address responded with: "451 5.7.3 Must issue a STARTTLS command first." Attempted failover to alternate host, but that did not succeed.',
        '451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain',
      ].join('\n'),
    )
    expect(ids(a)).not.toContain('log.exchange-auth-blocked')
    expect(causeIds(a)).not.toContain('exchange-auth-path')
  })

  it('counter-example: the phrase in prose without the reply code gives nothing', () => {
    const a = analyzeText(
      'prose.txt',
      'We could not achieve Exchange Server authentication yesterday, says the ticket.\n',
    )
    expect(ids(a)).toEqual([])
    expect(a.causes).toEqual([])
  })
})

const PASTES = join(ROOT, 'tests', 'fixtures', 'pastes')
const finding = (a: Analysis, id: string) => a.findings.find((f) => f.id === id)

describe.runIf(isBuilt)('unmask analyze --json on real messy transcripts (issue 22 points 5 and 6)', () => {
  it('a hand-edited telnet paste with XXXXXXXA and 250-STARTTLS in one reply: both reported, the mask at 0.4 with the reason', () => {
    const a = analyze(join(PASTES, 'telnet_ehlo_xxxxxxxa_and_starttls_hand_edited_zimmerman_blog.txt'))
    const masked = finding(a, 'smtp.keyword-masked')
    expect(masked?.confidence).toBe(0.4)
    expect(masked?.params).toMatchObject({ basis: 'contradiction', contradiction: 'same-reply' })
    expect(finding(a, 'smtp.banner-masked')?.confidence).toBe(0.9)
    expect(ids(a)).not.toContain('smtp.starttls-masked')
    expect(causeIds(a)).toEqual(['path-inspection'])
    expect(a.causes[0]?.side).toBe('unknown')
    expect(causeIds(a)).not.toContain('server-no-starttls')
  })

  it('a dialog flattened onto one line by a web copy is read as its lines: STARTTLS rejected with 500, an inspecting path', () => {
    const a = analyze(join(PASTES, 'flattened_dialog_xxxxxxxa_starttls_500_nibbler_koehntopp_blog.txt'))
    expect(finding(a, 'smtp.starttls-rejected')?.confidence).toBe(0.85)
    expect(finding(a, 'smtp.starttls-masked')?.params).toMatchObject({ masked: 'XXXXXXXA', basis: 'length' })
    expect(causeIds(a)).toEqual(['path-inspection'])
    expect(a.causes[0]?.side).toBe('unknown')
  })

  it('counter-example: the same dialog with its line breaks gives the same findings, and digits or ids glued to a code do not split a reply', () => {
    const lines = analyzeText(
      'unflattened.txt',
      '250-PIPELINING\n250-XXXXXXXA\n250 XXXB\nstarttls\n500 unrecognized command\nquit\n',
    )
    const flat = analyze(join(PASTES, 'flattened_dialog_xxxxxxxa_starttls_500_nibbler_koehntopp_blog.txt'))
    expect(ids(lines)).toEqual(ids(flat))
    expect(causeIds(lines)).toEqual(causeIds(flat))
    // A size glued to a code and a Gmail-style trailer stay one line each: nothing to split, nothing masked.
    const whole = analyzeText(
      'whole.txt',
      '250-mx.example.org\n250-SIZE 10240000250-PIPELINING\n250 8BITMIME\n' +
        '421-4.7.0 Try again later, closing connection. o20si123456qkb.250 - gsmtp\n',
    )
    // (the EHLO reply lists no STARTTLS: starttls-missing, over the three lines as pasted, the size line unsplit)
    expect(ids(whole)).toEqual(['smtp.starttls-missing'])
    expect(whole.findings[0]?.evidence[0]?.excerpt).toBe(
      '250-mx.example.org\n250-SIZE 10240000250-PIPELINING\n250 8BITMIME',
    )
  })
})

describe.runIf(isBuilt)('unmask analyze --json on the real material added for issues 13 and 22 (2026-12-05)', () => {
  it('genieparser `show service-policy` with esmtp _default_esmtp_map: local ESMTP inspection on 25, the default map known', () => {
    const a = analyze(join(REAL, 'asa_show_service_policy_default_esmtp_map_genieparser.txt'))
    expect(a.parts.map((p) => p.kind)).toEqual(['show-service-policy'])
    expect(finding(a, 'asa.esmtp-inspection-active')?.params).toMatchObject({ map: '_default_esmtp_map', ports: '25' })
    expect(ids(a)).not.toContain('asa.esmtp-map-unknown')
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
    expect(a.remedies.flatMap((r) => r.commands.map((c) => c.command)).join('\n')).not.toContain(
      'policy-map type inspect esmtp _default_esmtp_map',
    )
  })

  it('a real Exchange NDR of Google\'s "502 5.5.1 Unrecognized command": read, and no masking claimed (exit 0)', () => {
    const a = analyze(join(REAL, 'exchange_ndr_502_5.5.1_unrecognized_command_gsmtp_pastebin_DdVfruM2.txt'))
    expect(a.parts.map((p) => p.kind)).toEqual(['ndr'])
    expect(ids(a)).toEqual([])
    expect(causeIds(a)).toEqual([])
  })

  it.each([
    ['hmailserver_smtpc_nl_joined_ehlo_github33.txt', ['smtp.starttls-missing'], ['server-no-starttls']],
    ['applemail_connection_log_starttls_ok_pastebin_Ys40bJP1.txt', [], []],
    ['exchange_send_protocol_log_to_m365_starttls_listed_pastebin_7n2VqhA0.txt', [], []],
    // The poster's XXXXXXXXXX redactions: before the Claws shape was read, command masking on the path (0.85/0.8).
    ['clawsmail_network_log_redacted_x_runs_pastebin_19wtmK5a.txt', [], []],
    ['smartermail_delivery_log_to_hotmail_pastebin_VW2bNg7T.txt', [], []],
    ['thunderbird_smtp_log_entering_state_gist_nuzayats.txt', [], []],
    ['javamail_debug_mailenable_no_starttls_pastebin_bSnWQCyj.txt', ['smtp.starttls-missing'], ['server-no-starttls']],
  ])('real client log %s: findings %j, causes %j', (name, findings, causes) => {
    const a = analyze(join(PASTES, name))
    expect(ids(a)).toEqual(findings)
    expect(causeIds(a)).toEqual(causes)
  })

  it('a real paste with pager residue in front of three access-list lines analyses as its cleaned copy', () => {
    const paged = analyze(join(PASTES, 'asa_show_run_access-list_pager_residue_same_line_codeindex.txt'))
    const clean = analyzeText(
      'cleaned.txt',
      readFileSync(join(PASTES, 'asa_show_run_access-list_pager_residue_same_line_codeindex.txt'), 'utf8').replaceAll(
        `<--- More --->${' '.repeat(14)}`,
        '',
      ),
    )
    const strip = (a: Analysis) => ({ ...a, parts: a.parts.map((p) => ({ ...p, source: '' })) })
    expect(strip(paged)).toEqual(strip(clean))
    expect(paged.parts.map((p) => p.kind)).toEqual(['running-config'])
  })
})
