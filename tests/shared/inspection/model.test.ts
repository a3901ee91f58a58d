/**
 * The effective inspection model (src/shared/inspection): MPF precedence per feature, unattached maps, the default map
 * as `show running-config all` prints it, named maps not in the evidence, ports, FWSM's `inspect smtp`.
 */
import { describe, expect, it } from 'vitest'
import { parseEvidence } from '../../../src/shared/evidence'
import { buildInspectionModel, classPorts, coversPort, maskingApplications } from '../../../src/shared/inspection'

const model = (...texts: string[]) =>
  buildInspectionModel(texts.flatMap((text, i) => parseEvidence({ source: `t${i}`, text }).evidence))

const config = (body: string, header = 'ASA Version 9.8(4)10') => `${header}\nhostname fw\n${body}\n`
const GLOBAL = `class-map inspection_default
 match default-inspection-traffic
policy-map global_policy
 class inspection_default
  inspect esmtp
service-policy global_policy global`

describe('buildInspectionModel', () => {
  it('the default global policy: the default map masks STARTTLS on TCP/25, bound globally', () => {
    const [a, ...rest] = model(config(GLOBAL)).applications
    expect(rest).toEqual([])
    expect(a).toMatchObject({
      policy: 'global_policy',
      className: 'inspection_default',
      map: null,
      verdict: 'masks',
      scopes: ['global'],
      ports: [25],
      bindingAssumed: false,
      protocol: 'esmtp',
    })
  })

  it('_default_esmtp_map named on the inspect line (show run all) is the default map, its printed definition too', () => {
    const all = config(`policy-map type inspect esmtp _default_esmtp_map
 parameters
  mask-banner
  no allow-tls
${GLOBAL.replace('  inspect esmtp', '  inspect esmtp _default_esmtp_map')}`)
    const [a] = model(all).applications
    expect(a).toMatchObject({ map: null, definition: null, verdict: 'masks' })
  })

  it('a custom map with allow-tls lets STARTTLS through; without it, it masks; not in the evidence, unknown', () => {
    const withMap = (params: string) =>
      config(
        `policy-map type inspect esmtp MAIL\n parameters\n${params}\n${GLOBAL.replace('  inspect esmtp', '  inspect esmtp MAIL')}`,
      )
    expect(model(withMap('  allow-tls action log')).applications[0]?.verdict).toBe('allows-tls')
    expect(model(withMap('  mask-banner')).applications[0]?.verdict).toBe('masks')
    const counters =
      'Global policy:\n  Service-policy: global_policy\n    Class-map: inspection_default\n      Inspect: esmtp MAIL, packet 7, drop 0, reset-drop 0\n'
    const [unknown] = model(counters).applications
    expect(unknown).toMatchObject({ map: 'MAIL', verdict: 'unknown', from: 'show-service-policy', packets: 7 })
    expect(maskingApplications(model(counters))).toHaveLength(1)
  })

  it('the same place in a configuration and in show service-policy is one application with the counters', () => {
    const counters =
      'Global policy:\n  Service-policy: global_policy\n    Class-map: inspection_default\n      Inspect: esmtp _default_esmtp_map, packet 54698280, drop 2676, reset-drop 0\n'
    const m = model(config(GLOBAL), counters)
    expect(m.applications).toHaveLength(1)
    expect(m.applications[0]).toMatchObject({ from: 'running-config', packets: 54698280 })
  })

  it('per feature: only an interface policy that inspects ESMTP itself replaces the global one there', () => {
    const m = model(
      config(`${GLOBAL}
policy-map MAIL_IF
 class inspection_default
  inspect esmtp
policy-map BYPASS_IF
 class inspection_default
  set connection advanced-options tcp-state-bypass
service-policy MAIL_IF interface dmz
service-policy BYPASS_IF interface inside`),
    )
    const global = m.applications.find((a) => a.policy === 'global_policy')!
    expect(global.overriddenOn).toEqual(['dmz'])
    expect(m.interfacePolicies.map((p) => [p.interface, p.inspectsEsmtp])).toEqual([
      ['dmz', true],
      ['inside', false],
    ])
    expect(m.applications.find((a) => a.policy === 'MAIL_IF')?.scopes).toEqual(['dmz'])
  })

  it('a policy-map no service-policy attaches inspects nothing; a fragment without any binding is assumed bound', () => {
    const m = model(config(`${GLOBAL.replace('global_policy global', 'other_policy global')}`))
    expect(m.applications).toEqual([])
    expect(m.unattached).toMatchObject([{ policy: 'global_policy', className: 'inspection_default' }])
    const fragment = model('policy-map global_policy\n class inspection_default\n  inspect esmtp\n')
    expect(fragment.applications[0]?.bindingAssumed).toBe(true)
  })

  it("FWSM's inspect smtp is SMTP inspection too (no map, masks)", () => {
    const m = model(config(GLOBAL.replace('inspect esmtp', 'inspect smtp'), 'FWSM Version 3.1(1) <context>'))
    expect(m.applications[0]).toMatchObject({ protocol: 'smtp', map: null, verdict: 'masks' })
  })

  it('counter-example: other inspections are not SMTP inspection', () => {
    expect(model(config(GLOBAL.replace('inspect esmtp', 'inspect ftp'))).applications).toEqual([])
  })
})

describe('classPorts', () => {
  const classes = (body: string) =>
    (
      parseEvidence({ source: 'c', text: config(body) }).evidence.find((e) => e.kind === 'running-config') as {
        data: import('../../../src/shared/evidence/device/device-config').DeviceConfig
      }
    ).data
  it('default inspection traffic is 25; eq, range (both spellings) and named ports; access-lists are unknown', () => {
    const c = classes(`class-map A
 match port tcp eq smtp
class-map B
 match port tcp range 2025 2027
class-map C
 match port tcp range 2025-2026
class-map D
 match access-list MAIL
class-map E
 match any`)
    expect(classPorts('inspection_default', [c])).toEqual([25])
    expect(classPorts('A', [c])).toEqual([25])
    expect(classPorts('B', [c])).toEqual([2025, 2026, 2027])
    expect(classPorts('C', [c])).toEqual([2025, 2026])
    expect(classPorts('D', [c])).toBeNull()
    expect(classPorts('E', [c])).toBe('all')
    expect(classPorts('NOT_THERE', [c])).toBeNull()
    expect(coversPort([25], 587)).toBe(false)
    expect(coversPort(null, 25)).toBeNull()
  })
})
