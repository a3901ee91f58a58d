import { describe, expect, it } from 'vitest'
import { cleanTerminalLine, parseConfigTree } from '../../../src/shared/evidence/device/config-tree'
import { readDeviceConfig } from '../../../src/shared/evidence/device/device-config'
import { parseShowContext } from '../../../src/shared/evidence/device/show-context'
import { parseShowFailover } from '../../../src/shared/evidence/device/show-failover'
import { activeSmtpFixups, parseShowFixup } from '../../../src/shared/evidence/device/show-fixup'
import { parseShowServicePolicy } from '../../../src/shared/evidence/device/show-service-policy'
import { parseShowVersion } from '../../../src/shared/evidence/device/show-version'
import { numberLines } from '../../../src/shared/evidence/types'
import { FTD_SHOW_VERSION, MIXED_POLICY_CONFIG, PIX7_SHOW_VERSION, SERVICE_POLICY_8X } from './device-samples'
import { fixtureLines } from './samples'

describe('show version', () => {
  it('reads ASA version, hostname, model, and the line they are on', () => {
    const v = parseShowVersion(fixtureLines('asa_9.8-4-10_show_version_genieparser1.txt'))
    expect(v.platform).toBe('asa')
    expect(v.version?.value).toEqual({ text: '9.8(4)10', major: 9, minor: 8, maintenance: 4, build: 10 })
    expect(v.version?.line).toBe(3)
    expect(v.hostname).toEqual({ value: 'NETLAB-ASA-01', line: 11 })
    expect(v.model?.value).toBe('ASAv10')
    expect(v.contextMode?.value).toBe('single')
    expect(v.failover).toBeNull()
  })

  it('sees multiple-context mode and a failover cluster', () => {
    const v = parseShowVersion(fixtureLines('asa_show_version_ntc2.txt'))
    expect(v.contextMode).toEqual({ value: 'multiple', line: 2 })
    expect(v.failover).toEqual({ value: true, line: 9 })
    expect(v.hostname?.value).toBe('fw002')
  })

  it('reads PIX 6.x and PIX 7.x first lines', () => {
    const six = parseShowVersion(fixtureLines('pix_6.3-5_boot_banner_blog1703341804.txt'))
    expect([six.platform, six.version?.value.text, six.version?.line]).toEqual(['pix', '6.3(5)', 11])
    const seven = parseShowVersion(numberLines(PIX7_SHOW_VERSION))
    expect([seven.platform, seven.version?.value.text, seven.hostname?.value, seven.model?.value]).toEqual([
      'pix',
      '7.2(2)',
      'pix1',
      'PIX-515E',
    ])
  })

  it('reads FWSM', () => {
    const v = parseShowVersion(numberLines('FWSM Firewall Version 3.1(3) <context>\nDevice Manager Version 5.0(2)F\n'))
    expect([v.platform, v.version?.value.text, v.contextMode?.value]).toEqual(['fwsm', '3.1(3)', 'multiple'])
  })

  it('reads FTD: platform ftd, FTD version, and the ASA engine version separately', () => {
    const v = parseShowVersion(numberLines(FTD_SHOW_VERSION))
    expect(v.platform).toBe('ftd')
    expect(v.version?.value.text).toBe('7.0.1')
    expect(v.asaVersion?.value.text).toBe('9.16(2)')
    expect(v.hostname?.value).toBe('ftd1.example.net')
  })
})

describe('running-config block tree', () => {
  it('nests by indentation and skips headers, separators, pager residue and trailing spaces', () => {
    const text = [
      ': Saved',
      ':',
      'ASA Version 9.1(7)',
      '!',
      'policy-map global_policy   ',
      ' class inspection_default',
      '<--- More --->',
      '  inspect esmtp   ',
      // What the ASA sends after a key press at the pager: erase the marker, then the next line.
      `<--- More --->${'\b'.repeat(14)}${' '.repeat(14)}${'\b'.repeat(14)}  inspect ftp`,
      'Cryptochecksum:abc',
      ': end',
    ].join('\n')
    const tree = parseConfigTree(numberLines(text))
    expect(tree.map((n) => [n.text, n.line])).toEqual([
      ['ASA Version 9.1(7)', 3],
      ['policy-map global_policy', 5],
    ])
    const cls = tree[1]!.children[0]!
    expect(cls.text).toBe('class inspection_default')
    expect(cls.children.map((c) => [c.text, c.line])).toEqual([
      ['inspect esmtp', 8],
      ['inspect ftp', 9],
    ])
  })

  it('applies backspaces as the terminal did and strips escape sequences', () => {
    expect(cleanTerminalLine('inspect esmtx\bp')).toBe('inspect esmtp')
    expect(cleanTerminalLine('\x1b[Kinspect esmtp')).toBe('inspect esmtp')
    expect(cleanTerminalLine('<--- More --->inspect esmtp')).toBe('inspect esmtp')
  })
})

describe('device configuration model', () => {
  it('reads policies, classes, inspect lines, ESMTP maps and bindings with their lines', () => {
    const c = readDeviceConfig(numberLines(MIXED_POLICY_CONFIG))
    expect(c.header).toMatchObject({ platform: 'asa', line: 3, version: { text: '8.2(1)' } })
    expect(c.hostname).toEqual({ value: 'edge', line: 5 })
    expect(c.esmtpMaps.map((m) => [m.name, m.allowTls?.line ?? null])).toEqual([
      ['TLS_OK', 15],
      ['STRICT', null],
    ])
    const global = c.policyMaps.find((p) => p.name === 'global_policy')!
    expect(global.classes[0]!.inspects.map((i) => [i.protocol, i.map, i.line])).toEqual([
      ['dns', 'preset_dns_map', 22],
      ['esmtp', 'STRICT', 23],
      ['ftp', null, 24],
    ])
    const dmz = c.policyMaps.find((p) => p.name === 'DMZ_POLICY')!
    expect(dmz.classes[0]!.inspects).toEqual([])
    expect(dmz.classes[0]!.negatedInspects[0]).toMatchObject({ protocol: 'esmtp', line: 27 })
    expect(c.servicePolicies.map((b) => [b.policy, b.scope, b.line])).toEqual([
      ['global_policy', 'global', 34],
      ['DMZ_POLICY', 'dmz', 35],
    ])
  })

  it('reads PIX fixups, enabled and disabled', () => {
    const c = readDeviceConfig(fixtureLines('pix_5.3-1_outofbox_config_chuckbag.txt'))
    expect(c.header?.platform).toBe('pix')
    expect(activeSmtpFixups(c.fixups)).toMatchObject([{ port: '25', line: 13 }])
    const off = readDeviceConfig(numberLines('PIX Version 6.3(5)\nfixup protocol smtp 25\nno fixup protocol smtp 25\n'))
    expect(activeSmtpFixups(off.fixups)).toEqual([])
  })
})

describe('show fixup', () => {
  it('reads each fixup with its port and line', () => {
    const f = parseShowFixup(fixtureLines('pix_6.2_show_fixup_ciscoarticles4248.txt'))
    expect(f).toHaveLength(11)
    expect(f.find((x) => x.protocol === 'smtp')).toMatchObject({ port: '25', enabled: true, line: 9 })
    expect(f.find((x) => x.protocol === 'h323')?.port).toBe('h225 1720')
  })

  it('keeps a non-default SMTP port', () => {
    const f = parseShowFixup(numberLines('fixup protocol smtp 2525\nno fixup protocol smtp 25\n'))
    expect(activeSmtpFixups(f).map((x) => x.port)).toEqual(['2525'])
  })
})

describe('show service-policy', () => {
  it('reads the 9.x counter format', () => {
    const blocks = parseShowServicePolicy(fixtureLines('asa_9.x_show_service-policy_genieparser.txt'))
    expect(blocks).toHaveLength(1)
    expect(blocks[0]).toMatchObject({ scope: 'global', policy: 'global_policy', line: 4 })
    const esmtp = blocks[0]!.classes[0]!.inspects.find((i) => i.protocol === 'esmtp')!
    expect(esmtp).toMatchObject({ map: '_default_esmtp_map', format: '9.x', line: 20 })
    expect(esmtp.counters).toMatchObject({ packet: 0, 'lock fail': 0, drop: 0, 'reset-drop': 0 })
    const h323 = blocks[0]!.classes[0]!.inspects.find((i) => i.protocol === 'h323 h225')!
    expect(h323.map).toBe('_default_h323_map')
    expect(blocks[0]!.classes[0]!.inspects.find((i) => i.protocol === 'sip')?.map).toBeNull()
  })

  it('reads the 8.x format, interface scopes and the per-match detail lines', () => {
    const blocks = parseShowServicePolicy(numberLines(SERVICE_POLICY_8X))
    expect(blocks.map((b) => [b.scope, b.policy])).toEqual([
      ['global', 'global_policy'],
      ['dmz', 'DMZ_POLICY'],
    ])
    const esmtp = blocks[0]!.classes[0]!.inspects[0]!
    expect(esmtp).toMatchObject({ format: '8.x', counters: { packet: 54698280, drop: 2676, 'reset-drop': 0 } })
    expect(esmtp.details.map((d) => d.text)[0]).toBe('mask-banner, count 2311')
    expect(blocks[1]!.classes[0]!.inspects[0]!.map).toBe('TLS_OK')
  })
})

describe('show context and show failover', () => {
  it('reads contexts, the admin mark and wrapped interface lists', () => {
    const c = parseShowContext(fixtureLines('asa_multicontext_show_context_genieparser.txt'))
    expect(c.totalActive).toBe(3)
    expect(c.contexts.map((x) => [x.name, x.admin, x.line])).toEqual([
      ['pod1', false, 3],
      ['pod2', false, 4],
      ['admin', true, 5],
    ])
    expect(c.contexts[2]!.interfaces).toContain('Vlan1082')
    expect(c.contexts[2]!.interfaces).toHaveLength(8)
  })

  it('reads failover state of both units', () => {
    const f = parseShowFailover(fixtureLines('asa_8.4-5_show_failover_secondary_chuckbag.txt'))
    expect(f.enabled).toEqual({ value: true, line: 2 })
    expect(f.unit?.value).toBe('Secondary')
    expect(f.thisHost?.value).toEqual({ role: 'Secondary', state: 'Negotiation' })
    expect(f.otherHost?.value).toEqual({ role: 'Primary', state: 'Not Detected' })
    expect(f.version?.value).toBe('Ours 8.4(5), Mate Unknown')
  })
})
