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
      maskOthers: true,
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

  it('§7.3 per feature: an interface policy without inspect esmtp leaves the global ESMTP inspection in force', () => {
    // OL-20339-01 p.29-7: global FTP inspection + interface TCP normalization → both apply.
    const config = `${base}
policy-map OUTSIDE_POLICY
 class inspection_default
  inspect ftp
service-policy OUTSIDE_POLICY interface outside`
    expect(asaInspectionPolicy(parseConfig(config), '9.8')).toMatchObject({ kind: 'esmtp', map: '_default_esmtp_map' })
    const bypass = `${base}
class-map BYPASS
 match any
policy-map OUTSIDE_POLICY
 class BYPASS
  set connection advanced-options tcp-state-bypass
service-policy OUTSIDE_POLICY interface outside`
    expect(asaInspectionPolicy(parseConfig(bypass), '9.8').kind).toBe('esmtp')
  })

  it('§7.3 per feature: an interface policy that also inspects ESMTP replaces the global one on that interface only', () => {
    const config = `policy-map type inspect esmtp TLS_OK
 parameters
  allow-tls action log
${base}
policy-map OUTSIDE_POLICY
 class inspection_default
  inspect esmtp TLS_OK
service-policy OUTSIDE_POLICY interface outside`
    expect(asaInspectionPolicy(parseConfig(config), '9.8')).toMatchObject({ map: 'TLS_OK', allowTls: true })
    // Counter-example: on another interface the global default map still applies.
    expect(asaInspectionPolicy(parseConfig(config), '9.8', 'inside')).toMatchObject({ map: '_default_esmtp_map' })
  })

  it('§7.3: a policy-map that no service-policy attaches inspects nothing', () => {
    const unattached = base.replace('service-policy global_policy global', '').replace(/global_policy/g, 'MY_POLICY')
    expect(asaInspectionPolicy(parseConfig(unattached), '9.8').kind).toBe('off')
    expect(asaInspectionPolicy(parseConfig(`${unattached}\nservice-policy MY_POLICY global`), '9.8').kind).toBe('esmtp')
  })

  it('§7.1: the global policy inspects the site’s own outbound mail (ingress inside) as well', () => {
    expect(asaInspectionPolicy(parseConfig(base), '9.8', 'inside').kind).toBe('esmtp')
  })

  it('masks the other EHLO keywords only when the map has match ehlo-reply-parameter others / mask (§7.2)', () => {
    const withOthers = `policy-map type inspect esmtp TLS_OK
 parameters
  allow-tls action log
 match ehlo-reply-parameter others
  mask
${base.replace('  inspect esmtp', '  inspect esmtp TLS_OK')}`
    expect(asaInspectionPolicy(parseConfig(withOthers), '9.8')).toMatchObject({ allowTls: true, maskOthers: true })
    const without = withOthers.replace(' match ehlo-reply-parameter others\n  mask\n', '')
    expect(asaInspectionPolicy(parseConfig(without), '9.8')).toMatchObject({ allowTls: true, maskOthers: false })
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
