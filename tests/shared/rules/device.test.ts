import { describe, expect, it } from 'vitest'
import { FTD_SHOW_VERSION, MIXED_POLICY_CONFIG, PIX7_SHOW_VERSION, SERVICE_POLICY_8X } from '../evidence/device-samples'
import { fixtureText } from '../evidence/samples'
import { findingsOf, ids, one } from './helpers'

const asaConfig = (version: string, policy: string) => `: Saved
ASA Version ${version}
hostname fw
${policy}
`

const DEFAULT_POLICY = `policy-map global_policy
 class inspection_default
  inspect ftp
  inspect esmtp
service-policy global_policy global`

describe('asa.esmtp-inspection-active', () => {
  it('fires on inspect esmtp with the default map in the global policy', () => {
    const f = one(findingsOf(asaConfig('9.1(7)', DEFAULT_POLICY)), 'asa.esmtp-inspection-active')
    expect(f.params).toMatchObject({ policy: 'global_policy', class: 'inspection_default', map: '_default_esmtp_map' })
    expect(f.evidence.map((e) => e.startLine)).toEqual([4, 5, 7, 8])
    expect(f.confidence).toBeGreaterThanOrEqual(0.9)
  })

  it('fires on a custom class and a map without allow-tls, and names every live place', () => {
    const f = one(findingsOf(MIXED_POLICY_CONFIG), 'asa.esmtp-inspection-active')
    expect(f.params).toMatchObject({ places: 'global_policy/inspection_default', map: 'STRICT' })
  })

  it('fires on show service-policy output (9.x and 8.x)', () => {
    expect(ids(findingsOf(fixtureText('asa_9.x_show_service-policy_genieparser.txt')))).toContain(
      'asa.esmtp-inspection-active',
    )
    const found = findingsOf(SERVICE_POLICY_8X)
    const f = one(found, 'asa.esmtp-inspection-active')
    expect(f.params).toMatchObject({ places: 'global_policy/inspection_default', packets: 54698280, ports: '25' })
    // TLS_OK is named but not defined here: "unknown", never bundled with the default map's verdict.
    expect(one(found, 'asa.esmtp-map-unknown').params).toMatchObject({ map: 'TLS_OK', places: 'DMZ_POLICY/MAIL' })
  })

  it('does not fire on an allow-tls map', () => {
    const policy = `policy-map type inspect esmtp TLS_OK
 parameters
  allow-tls action log
policy-map global_policy
 class inspection_default
  inspect esmtp TLS_OK
service-policy global_policy global`
    const found = findingsOf(asaConfig('8.2(1)', policy))
    expect(ids(found)).not.toContain('asa.esmtp-inspection-active')
    expect(one(found, 'asa.esmtp-inspection-allow-tls').params).toEqual({ map: 'TLS_OK' })
  })

  it('does not fire on an interface policy with no inspect esmtp when the global policy has none', () => {
    const policy = `policy-map global_policy
 class inspection_default
  inspect ftp
policy-map DMZ_POLICY
 class inspection_default
  no inspect esmtp
service-policy global_policy global
service-policy DMZ_POLICY interface dmz`
    const found = findingsOf(asaConfig('9.1(7)', policy))
    expect(ids(found)).not.toContain('asa.esmtp-inspection-active')
    expect(ids(found)).toContain('device.no-smtp-inspection')
  })

  it('per-feature precedence: an interface policy without ESMTP inspection leaves the global one in force there', () => {
    // Cisco MPF: the interface policy overrides the global one per feature, only when it inspects ESMTP too (§7.3).
    const policy = `${DEFAULT_POLICY}
policy-map DMZ_POLICY
 class inspection_default
  no inspect esmtp
service-policy DMZ_POLICY interface dmz`
    const f = one(findingsOf(asaConfig('9.1(7)', policy)), 'asa.esmtp-inspection-active')
    expect(f.params?.stillInspected).toBe('dmz')
    expect(f.params?.places).toBe('global_policy/inspection_default')
  })

  it('does not fire on a policy-map no service-policy uses; a fragment without any binding is lower confidence', () => {
    const unused = `policy-map OTHER\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global`
    expect(ids(findingsOf(asaConfig('9.1(7)', unused)))).not.toContain('asa.esmtp-inspection-active')
    const fragment = 'policy-map global_policy\n class inspection_default\n  inspect esmtp\n'
    expect(one(findingsOf(fragment), 'asa.esmtp-inspection-active').confidence).toBeLessThan(0.9)
  })

  it('judges a named map in show service-policy by its definition in the configuration given with it', () => {
    const counters = (map: string) =>
      `Global policy:\n  Service-policy: global_policy\n    Class-map: inspection_default\n      Inspect: esmtp ${map}, packet 12, lock fail 0, drop 0, reset-drop 0, 5-min-pkt-rate 0 pkts/sec, v6-fail-close 0 sctp-drop-override 0`
    const config = (allowTls: boolean) =>
      asaConfig(
        '9.8(4)10',
        `policy-map type inspect esmtp TLS_OK\n parameters\n${allowTls ? '  allow-tls action log\n' : '  mask-banner\n'}policy-map global_policy\n class inspection_default\n  inspect esmtp TLS_OK\nservice-policy global_policy global`,
      )
    // Counter-example: the map allows TLS, so neither the config nor the counters may claim masking.
    expect(ids(findingsOf(config(true), counters('TLS_OK')))).not.toContain('asa.esmtp-inspection-active')
    expect(ids(findingsOf(config(true)))).not.toContain('device.no-smtp-inspection')
    expect(ids(findingsOf(config(true)))).toContain('asa.esmtp-inspection-allow-tls')
    // The same map without allow-tls: both say so, and the counters are now sure of it.
    // The same map without allow-tls: one place in the inspection model, proven by the config and counted.
    const without = one(findingsOf(config(false), counters('TLS_OK')), 'asa.esmtp-inspection-active')
    expect(without.confidence).toBeGreaterThanOrEqual(0.9)
    expect(without.params).toMatchObject({ map: 'TLS_OK', packets: 12 })
    // Counters alone, map unknown: an "unknown" finding of its own, never "masks STARTTLS".
    const alone = findingsOf(counters('TLS_OK'))
    expect(ids(alone)).not.toContain('asa.esmtp-inspection-active')
    expect(one(alone, 'asa.esmtp-map-unknown').confidence).toBeLessThan(0.9)
  })

  it('does not fire when a pasted change removes the line (no inspect esmtp after inspect esmtp)', () => {
    const change = `${DEFAULT_POLICY}\npolicy-map global_policy\n class inspection_default\n  no inspect esmtp\n`
    expect(ids(findingsOf(asaConfig('9.1(7)', change)))).not.toContain('asa.esmtp-inspection-active')
  })
})

describe('pix.mailguard-active', () => {
  it('fires on fixup protocol smtp with the port as configured', () => {
    const f = one(findingsOf('PIX Version 6.3(5)\nhostname pix\nfixup protocol smtp 2525\n'), 'pix.mailguard-active')
    expect(f.params).toEqual({ ports: '2525' })
    expect(f.evidence[0]).toMatchObject({ startLine: 3, excerpt: 'fixup protocol smtp 2525' })
  })

  it('does not fire on no fixup protocol smtp 25', () => {
    const found = findingsOf('PIX Version 6.3(5)\nhostname pix\nno fixup protocol smtp 25\n')
    expect(ids(found)).not.toContain('pix.mailguard-active')
    expect(one(found, 'device.no-smtp-inspection').evidence.map((e) => e.excerpt)).toContain(
      'no fixup protocol smtp 25',
    )
  })

  it('does not fire on other fixups', () => {
    expect(ids(findingsOf('Pix# show fixup\nfixup protocol ftp 21\nfixup protocol http 80\n'))).not.toContain(
      'pix.mailguard-active',
    )
  })
})

describe('pix.duplicate-header-bug', () => {
  it('fires for PIX/ASA before 7.2(3) with SMTP inspection', () => {
    const found = findingsOf(PIX7_SHOW_VERSION, asaConfig('7.2(2)', DEFAULT_POLICY))
    expect(one(found, 'pix.duplicate-header-bug').params).toEqual({ version: '7.2(2)', basis: 'documented' })
    expect(ids(findingsOf(fixtureText('pix_4.4-5_wr_term_outofbox_chuckbag.txt')))).toContain(
      'pix.duplicate-header-bug',
    )
  })

  it('dates a PIX with show fixup output even without a version line', () => {
    expect(
      one(findingsOf(fixtureText('pix_6.2_show_fixup_ciscoarticles4248.txt')), 'pix.duplicate-header-bug').params,
    ).toEqual({
      version: '6.x',
      basis: 'documented',
    })
  })

  it('does not fire on 7.2(3) and later, or without inspection', () => {
    expect(ids(findingsOf(asaConfig('7.2(3)', DEFAULT_POLICY)))).not.toContain('pix.duplicate-header-bug')
    expect(ids(findingsOf(fixtureText('pix_6.3-5_boot_banner_blog1703341804.txt')))).not.toContain(
      'pix.duplicate-header-bug',
    )
    expect(ids(findingsOf('PIX Version 6.3(5)\nno fixup protocol smtp 25\n'))).not.toContain('pix.duplicate-header-bug')
  })
})

describe('ftd.managed-device', () => {
  it('fires on FTD show version', () => {
    const f = one(findingsOf(FTD_SHOW_VERSION), 'ftd.managed-device')
    expect(f.params).toEqual({ version: '7.0.1' })
    expect(f.evidence[0]?.startLine).toBe(3)
  })

  it('does not fire on ASA or PIX', () => {
    expect(ids(findingsOf(fixtureText('asa_show_version_ntc3.txt')))).not.toContain('ftd.managed-device')
    expect(ids(findingsOf(PIX7_SHOW_VERSION))).not.toContain('ftd.managed-device')
  })
})

describe('device.no-smtp-inspection', () => {
  it('fires on a complete config without SMTP inspection', () => {
    const f = one(
      findingsOf(
        asaConfig(
          '9.1(7)',
          'policy-map global_policy\n class inspection_default\n  inspect ftp\nservice-policy global_policy global',
        ),
      ),
      'device.no-smtp-inspection',
    )
    expect(f.confidence).toBe(0.8)
  })

  it('does not fire on a fragment (no version header) or when inspection is on', () => {
    expect(ids(findingsOf('access-list x extended permit tcp any any eq smtp\n'))).not.toContain(
      'device.no-smtp-inspection',
    )
    expect(ids(findingsOf(asaConfig('9.1(7)', DEFAULT_POLICY)))).not.toContain('device.no-smtp-inspection')
    expect(ids(findingsOf(fixtureText('pix_5.3-1_outofbox_config_chuckbag.txt')))).not.toContain(
      'device.no-smtp-inspection',
    )
  })
})
