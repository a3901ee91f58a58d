import { describe, expect, it } from 'vitest'
import { parseEvidence } from '../../../src/shared/evidence'
import { detectKind, kindOfCommand, splitSession } from '../../../src/shared/evidence/detect'
import { numberLines } from '../../../src/shared/evidence/types'
import { SERVICE_POLICY_8X } from './device-samples'
import { fixtureText, GMAIL_NDR, SC_TRANSCRIPT, SWAKS_TLS_OK } from './samples'

describe('detectKind', () => {
  it.each([
    ['asa_9.0-3_running-config_ciscoconfparse_sample_01.txt', 'running-config'],
    ['pix_4.4-5_wr_term_outofbox_chuckbag.txt', 'running-config'],
    ['pix_6.2_show_fixup_ciscoarticles4248.txt', 'show-fixup'],
    ['asa_show_version_ntc1.txt', 'show-version'],
    ['pix_6.3-5_boot_banner_blog1703341804.txt', 'show-version'],
    ['asa_9.x_show_service-policy_genieparser.txt', 'show-service-policy'],
    ['asa_multicontext_show_context_genieparser.txt', 'show-context'],
    ['asa_8.4-5_show_failover_secondary_chuckbag.txt', 'show-failover'],
    ['asa_syslog_esmtp_inspection_drop_blog.txt', 'log'],
    ['esa_maillog_tls_lines_cisco118500_212587.txt', 'log'],
    ['esa_inbound_behind_asa_XXXXXXXA_transcript_cisco118550.txt', 'smtp-transcript'],
    ['esa_baseline_no_firewall_ehlo_help_cisco214630.txt', 'smtp-transcript'],
    ['pix_mailguard_banners_exchange_doc.txt', 'smtp-transcript'],
    ['asa_9.x_write_memory_ovh_doc.txt', 'unknown'],
  ])('%s is %s', (file, kind) => {
    expect(detectKind(fixtureText(file))).toBe(kind)
  })

  it('names pasted transcripts, bounces and 8.x service-policy output', () => {
    expect(detectKind(SWAKS_TLS_OK)).toBe('smtp-transcript')
    expect(detectKind(SC_TRANSCRIPT)).toBe('smtp-transcript')
    expect(detectKind(GMAIL_NDR)).toBe('ndr')
    expect(detectKind(SERVICE_POLICY_8X)).toBe('show-service-policy')
    expect(detectKind('')).toBe('unknown')
  })
})

describe('kindOfCommand', () => {
  it('accepts Cisco abbreviations and output filters', () => {
    expect(kindOfCommand('sh ver')).toBe('show-version')
    expect(kindOfCommand('wr t')).toBe('running-config')
    expect(kindOfCommand('show run | begin policy-map')).toBe('running-config')
    expect(kindOfCommand('sh fail')).toBe('show-failover')
    expect(kindOfCommand('show service-policy inspect esmtp')).toBe('show-service-policy')
    expect(kindOfCommand('show fixup')).toBe('show-fixup')
  })

  it('rejects commands that are not these', () => {
    expect(kindOfCommand('show ssh')).toBeNull()
    expect(kindOfCommand('s v')).toBeNull()
    expect(kindOfCommand('write memory')).toBeNull()
    expect(kindOfCommand('configure terminal')).toBeNull()
  })
})

describe('splitSession', () => {
  const SESSION = [
    'fw# show version',
    '',
    'Cisco Adaptive Security Appliance Software Version 8.2(5)13',
    'fw up 3 days 2 hours',
    'fw# show running-config policy-map',
    '!',
    'policy-map global_policy',
    ' class inspection_default',
    '  inspect esmtp ',
    '!',
    'fw# show service-policy inspect esmtp',
    '',
    'Global policy:',
    '  Service-policy: global_policy',
    '    Class-map: inspection_default',
    '      Inspect: esmtp _default_esmtp_map, packet 12, drop 0, reset-drop 0',
    'fw# ',
  ].join('\n')

  it('splits at prompts and keeps the pasted line numbers', () => {
    const parts = splitSession(numberLines(SESSION))
    expect(parts.map((p) => [p.command, p.hostname, p.promptLine, p.lines[0]?.line, p.lines.at(-1)?.line])).toEqual([
      ['show version', 'fw', 1, 2, 4],
      ['show running-config policy-map', 'fw', 5, 6, 10],
      ['show service-policy inspect esmtp', 'fw', 11, 12, 16],
    ])
  })

  it('parses each part as what its command produced', () => {
    const { parts, evidence } = parseEvidence({ source: 'session.txt', text: SESSION })
    expect(parts.map((p) => p.kind)).toEqual(['show-version', 'running-config', 'show-service-policy'])
    const config = evidence.find((e) => e.kind === 'running-config')
    expect(config?.kind === 'running-config' && config.data.policyMaps[0]?.classes[0]?.inspects[0]?.line).toBe(9)
  })

  it('does not take SMTP transcript tags or swaks arrows for prompts', () => {
    expect(splitSession(numberLines(SC_TRANSCRIPT))).toHaveLength(1)
    expect(splitSession(numberLines('S> 220 mx ESMTP\nC> EHLO x\n'))).toHaveLength(1)
    expect(splitSession(numberLines(SWAKS_TLS_OK))).toHaveLength(1)
  })

  it('takes PIX config-mode and context prompts', () => {
    const parts = splitSession(
      numberLines('Pix(config)# show fixup\nfixup protocol smtp 25\nfw/admin# show version\nx\n'),
    )
    expect(parts.map((p) => [p.hostname, p.command])).toEqual([
      ['Pix', 'show fixup'],
      ['fw', 'show version'],
    ])
  })
})
