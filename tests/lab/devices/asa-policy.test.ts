import { describe, expect, it } from 'vitest'
import { asaInspectionPolicy } from '../../../src/lab/devices/asa-policy'
import { parseConfig } from '../../../src/lab/devices/config-tree'

const base = `class-map inspection_default
 match default-inspection-traffic
policy-map global_policy
 class inspection_default
  inspect ftp
  inspect esmtp
service-policy global_policy global`

describe('asaInspectionPolicy', () => {
  it('reads the default map from a bare inspect esmtp', () => {
    expect(asaInspectionPolicy(parseConfig(base), '9.8(4)10')).toEqual({
      kind: 'esmtp',
      map: '_default_esmtp_map',
      maskBanner: true,
      allowTls: false,
      logTls: false,
      duplicateHeaderBug: false,
    })
  })

  it('turns the duplicate-header bug on below 7.2(3) only', () => {
    const at = (v: string) =>
      (asaInspectionPolicy(parseConfig(base), v) as { duplicateHeaderBug: boolean }).duplicateHeaderBug
    expect(at('7.2(1)')).toBe(true)
    expect(at('7.0(8)')).toBe(true)
    expect(at('7.2(3)')).toBe(false)
    expect(at('8.0(2)')).toBe(false)
  })

  it('is off without a service-policy, or when the policy-map it names has no inspect esmtp', () => {
    expect(asaInspectionPolicy(parseConfig(base.replace('service-policy global_policy global', '')), '9.8').kind).toBe(
      'off',
    )
    expect(asaInspectionPolicy(parseConfig(base.replace('  inspect esmtp\n', '')), '9.8').kind).toBe('off')
  })

  it('lets an interface policy on outside win over the global one', () => {
    const config = `${base}
policy-map OUTSIDE_POLICY
 class inspection_default
  inspect ftp
service-policy OUTSIDE_POLICY interface outside`
    expect(asaInspectionPolicy(parseConfig(config), '9.8').kind).toBe('off')
    expect(asaInspectionPolicy(parseConfig(config.replace('interface outside', 'interface dmz')), '9.8').kind).toBe(
      'esmtp',
    )
  })

  it('reads allow-tls and mask-banner from a custom map', () => {
    const config = `policy-map type inspect esmtp TLS_OK
 parameters
  allow-tls action log
${base.replace('  inspect esmtp', '  inspect esmtp TLS_OK')}`
    expect(asaInspectionPolicy(parseConfig(config), '9.8')).toMatchObject({
      map: 'TLS_OK',
      allowTls: true,
      maskBanner: false,
    })
  })

  it('matches custom classes by port and access-list, not by unrelated ports', () => {
    const config = (match: string, acl = '') => `${acl}class-map MAIL
 ${match}
policy-map global_policy
 class MAIL
  inspect esmtp
service-policy global_policy global`
    expect(asaInspectionPolicy(parseConfig(config('match port tcp eq smtp')), '9.8').kind).toBe('esmtp')
    expect(asaInspectionPolicy(parseConfig(config('match port tcp eq 25')), '9.8').kind).toBe('esmtp')
    expect(asaInspectionPolicy(parseConfig(config('match port tcp eq 587')), '9.8').kind).toBe('off')
    expect(asaInspectionPolicy(parseConfig(config('match port tcp range 20 30')), '9.8').kind).toBe('esmtp')
    const acl = 'access-list M extended permit tcp any host 10.0.0.25 eq smtp\n'
    expect(asaInspectionPolicy(parseConfig(config('match access-list M', acl)), '9.8').kind).toBe('esmtp')
    const web = 'access-list M extended permit tcp any host 10.0.0.25 eq www\n'
    expect(asaInspectionPolicy(parseConfig(config('match access-list M', web)), '9.8').kind).toBe('off')
  })
})
