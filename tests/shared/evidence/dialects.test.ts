/**
 * Issue 22 points 2 and 3, issue 13 point 5 (parsing side): the older and managed spellings of the same device
 * facts, read as data (src/shared/devices) — FWSM's `inspect smtp` and version train, `%FTD-…`/`%…-session-…` syslog
 * prefixes, FMC/FDM-written configurations, and configurations whose indentation was lost on the way.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { configLinePaths } from '../../../src/shared/evidence/device/config-tree'
import { readDeviceConfig } from '../../../src/shared/evidence/device/device-config'
import { parseLogLines } from '../../../src/shared/evidence/logs/log-lines'
import { numberLines } from '../../../src/shared/evidence/types'

const PASTES = join(__dirname, '../../fixtures/pastes')
const read = (name: string) => readFileSync(join(PASTES, name), 'utf8')
const FWSM_CONFIG = read('fwsm_3.1-1_running-config_inspect_smtp.txt')

/** The same text with every line's indentation removed, as a web page or a mail client leaves it. */
const flatten = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trimStart())
    .join('\n')

describe('SMTP inspection spellings', () => {
  it("FWSM's inspect smtp is SMTP inspection of the MailGuard kind; inspect esmtp the ESMTP kind; others none", () => {
    const config = readDeviceConfig(numberLines(FWSM_CONFIG))
    const inspects = config.policyMaps.find((p) => p.name === 'global_policy')!.classes[0]!.inspects
    expect(inspects.find((i) => i.protocol === 'smtp')).toMatchObject({ smtp: 'mailguard', line: 75 })
    expect(inspects.find((i) => i.protocol === 'ftp')?.smtp).toBeNull()
    const asa = readDeviceConfig(numberLines('policy-map p\n class c\n  inspect esmtp\n  inspect snmp'))
    expect(asa.policyMaps[0]!.classes[0]!.inspects.map((i) => i.smtp)).toEqual(['esmtp', null])
  })

  it('FWSM is its own platform and version train in show version and in the configuration header', () => {
    const version = analyzeTexts([{ source: 'v', text: read('fwsm_3.1-1_show_version.txt') }]).facts
    expect(version).toMatchObject({ platform: 'fwsm', version: '3.1(1)', contextMode: 'multiple' })
    expect(analyzeTexts([{ source: 'c', text: FWSM_CONFIG }]).facts).toMatchObject({
      platform: 'fwsm',
      version: '3.1(1)',
    })
  })
})

describe('syslog prefixes', () => {
  it.each([
    [
      '%ASA-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from inside:10.0.0.5/1025 to outside:192.0.2.25/25',
      'asa',
    ],
    [
      '%FTD-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from inside:10.0.0.5/1025 to outside:192.0.2.25/25',
      'ftd',
    ],
    [
      '%ASA-session-5-108003: Terminating ESMTP/SMTP connection; malicious pattern detected in the mail address from outside:192.0.2.9/1123 to inside:10.0.0.25/25',
      'asa',
    ],
    [
      'Dec  5 10:01:02 fw %FTD-session-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from a:10.0.0.5/1025 to b:192.0.2.25/25',
      'ftd',
    ],
  ])('%s', (text, platform) => {
    const [entry] = parseLogLines(numberLines(text))
    expect(entry).toMatchObject({ family: 'asa', platform, event: 'asa-esmtp-action', port: 25 })
    expect(entry!.messageId).toMatch(/^10800[34]$/)
  })

  it('names the platform when nothing else does; an IOS-style prefix is not a firewall syslog (counter-example)', () => {
    const ftd =
      '%FTD-session-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from a:10.0.0.5/1025 to b:192.0.2.25/25'
    const analysis = analyzeTexts([{ source: 'log', text: ftd }])
    expect(analysis.facts.platform).toBe('ftd')
    expect(
      parseLogLines(numberLines('%SEC-6-IPACCESSLOGP: list 101 denied tcp 10.0.0.5(1025) -> 192.0.2.25(25)')),
    ).toEqual([])
  })
})

describe('FTD from what the management centre writes', () => {
  it('an access-control list named CSM_FW_ACL_ makes a headerless configuration an FTD', () => {
    const text = [
      'access-list CSM_FW_ACL_ remark rule-id 268435461: L4 RULE: Rule1',
      'access-list CSM_FW_ACL_ advanced permit tcp any any eq smtp rule-id 268435461',
      'policy-map global_policy',
      ' class inspection_default',
      '  inspect esmtp',
      'service-policy global_policy global',
    ].join('\n')
    const analysis = analyzeTexts([{ source: 'fmc.txt', text }])
    expect(analysis.facts.platform).toBe('ftd')
    expect(analysis.factSources.platform).toMatchObject({ startLine: 1 })
    expect(analysis.findings.map((f) => f.id)).toContain('ftd.managed-device')
  })

  it('the NGFW Version header and the class_snmp/4161 class are FTD too; an ASA configuration is not (counter-example)', () => {
    const ngfw = analyzeTexts([{ source: 'c', text: 'NGFW Version 7.0.1\nhostname firepower' }]).facts
    expect(ngfw).toMatchObject({ platform: 'ftd', version: '7.0.1' })
    const snmp = readDeviceConfig(numberLines('class-map class_snmp\n match port tcp eq 4161\nhostname x'))
    expect(snmp.ftdMarkers.map((m) => m.line)).toEqual([1])
    const other = readDeviceConfig(numberLines('class-map class_snmp\n match port udp eq snmp'))
    expect(other.ftdMarkers).toEqual([])
    expect(analyzeTexts([{ source: 'c', text: FWSM_CONFIG }]).facts.platform).toBe('fwsm')
  })
})

describe('FTD configurations from public test data', () => {
  it.each([
    ['ftd_7.4_prefilter_trust_acl_batfish.txt', '7.4.0'],
    ['ftd_7.4.2.1_csm_fw_acl_batfish_test.txt', '7.4.2'],
  ])('%s is an FTD (managed: fixes through FlexConfig), with its version', (name, version) => {
    const analysis = analyzeTexts([{ source: name, text: read(name) }])
    expect(analysis.facts).toMatchObject({ platform: 'ftd', version })
    expect(analysis.findings.map((f) => f.id)).toContain('ftd.managed-device')
  })

  it('without its NGFW Version header, the FMC-written access list still says FTD', () => {
    for (const name of ['ftd_7.4_prefilter_trust_acl_batfish.txt', 'ftd_7.4.2.1_csm_fw_acl_batfish_test.txt']) {
      const headerless = read(name).replace(/^NGFW VERSION .*$/im, '!')
      const analysis = analyzeTexts([{ source: name, text: headerless }])
      expect(analysis.facts.platform).toBe('ftd')
      expect(analysis.factSources.platform?.excerpt).toMatch(/advanced trust|CSM_FW_ACL_/)
    }
  })
})

describe('configurations whose indentation was lost', () => {
  it('rebuilds policy-map > class > inspect from keywords: the same inspection as the indented original', () => {
    const indented = readDeviceConfig(numberLines(FWSM_CONFIG))
    const flat = readDeviceConfig(numberLines(flatten(FWSM_CONFIG)))
    expect(flat.policyMaps).toEqual(indented.policyMaps)
    expect(flat.servicePolicies).toEqual(indented.servicePolicies)
    expect(indented.structure).toMatchObject({ state: 'indented', orphans: [] })
    expect(flat.structure.state).toBe('recovered')
    expect(analyzeTexts([{ source: 'c', text: flatten(FWSM_CONFIG) }]).facts.configStructure).toBe('recovered')
  })

  it("the flattened copy gives the indented original's findings, causes and remedies (inspect smtp, no inspect smtp)", () => {
    const original = analyzeTexts([{ source: 'c', text: FWSM_CONFIG }])
    const flat = analyzeTexts([{ source: 'c', text: flatten(FWSM_CONFIG) }])
    expect(original.remedies[0]?.commands.map((c) => c.command)).toContain('no inspect smtp')
    const strip = (a: typeof original) => ({ ...a, facts: { ...a.facts, configStructure: null }, factSources: {} })
    expect(strip(flat)).toEqual(strip(original))
  })

  it('the same default ESMTP map copied from two manual sites, one flattened: the same tree', () => {
    const indented = read('asa_default_esmtp_map_indented_easymanuals.txt')
    const flat = read('asa_default_esmtp_map_flattened_manualslib.txt')
    const all = /./
    expect(configLinePaths(flat, all)).toEqual(configLinePaths(indented, all))
    expect(configLinePaths(flat, /^mask$/)).toEqual([
      'policy-map type inspect esmtp _default_esmtp_map > match ehlo-reply-parameter others > mask',
    ])
    expect(readDeviceConfig(numberLines(flat)).esmtpMaps).toEqual(readDeviceConfig(numberLines(indented)).esmtpMaps)
    expect(readDeviceConfig(numberLines(flat)).structure).toMatchObject({ state: 'recovered', orphans: [] })
  })

  it('an esmtp map with its parameters comes back too, allow-tls included', () => {
    const text = ['policy-map type inspect esmtp TLS', 'parameters', 'allow-tls', 'mask-banner', 'hostname x'].join(
      '\n',
    )
    expect(readDeviceConfig(numberLines(text)).esmtpMaps[0]).toMatchObject({ name: 'TLS', allowTls: { line: 3 } })
  })

  it('says the structure could not be recovered when an inspect line has no class above it', () => {
    const text = ['ASA Version 9.8(4)', 'hostname fw', 'inspect esmtp', 'service-policy global_policy global'].join(
      '\n',
    )
    const config = readDeviceConfig(numberLines(text))
    expect(config.structure).toMatchObject({ state: 'lost', orphans: [{ line: 3, text: 'inspect esmtp' }] })
    const analysis = analyzeTexts([{ source: 'web.txt', text }])
    expect(analysis.facts.configStructure).toBe('lost')
    expect(analysis.factSources.configStructure).toMatchObject({ startLine: 3, excerpt: 'inspect esmtp' })
    // Not "no SMTP inspection": nothing can be concluded from this text.
    expect(analysis.findings.map((f) => f.id)).not.toContain('device.no-smtp-inspection')
  })

  it('counter-example: an indented configuration without any inspect line still reads as no SMTP inspection', () => {
    const text = [
      'ASA Version 9.8(4)',
      'hostname fw',
      'policy-map global_policy',
      ' class inspection_default',
      '  inspect ftp',
      'service-policy global_policy global',
    ].join('\n')
    const analysis = analyzeTexts([{ source: 'c', text }])
    expect(analysis.facts.configStructure).toBeNull()
    expect(analysis.findings.map((f) => f.id)).toContain('device.no-smtp-inspection')
  })
})
