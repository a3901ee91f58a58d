import { describe, expect, it } from 'vitest'
import { isSameDevicePrompt, PROFILES, parsePrompt, platformFromVersion } from '../../../src/shared/devices'

describe('prompt grammar', () => {
  it.each([
    ['ciscoasa>', { hostname: 'ciscoasa', mode: 'user' }],
    ['ciscoasa# ', { hostname: 'ciscoasa', mode: 'enable' }],
    ['fw-01.lab(config)#', { hostname: 'fw-01.lab', mode: 'config', configMode: 'config' }],
    ['ciscoasa(config-pmap-p)#', { mode: 'config-sub', configMode: 'config-pmap-p' }],
    ['ciscoasa/admin#', { hostname: 'ciscoasa', context: 'admin', mode: 'enable' }],
    ['ciscoasa/pri/act#', { failover: { unit: 'pri', state: 'act' }, mode: 'enable' }],
    ['asa/ctx1/stby(config)#', { context: 'ctx1', failover: { state: 'stby' }, mode: 'config' }],
    ['pixfirewall>', { hostname: 'pixfirewall', mode: 'user' }],
    ['> ', { mode: 'ftd' }],
    ['admin@firepower:~$', { hostname: 'firepower', mode: 'expert' }],
  ])('%s', (line, expected) => {
    expect(parsePrompt(line)).toMatchObject(expected)
  })

  it.each([
    'Password:',
    'Username: ',
    "Type help or '?' for a list of available commands.",
    '<--- More --->',
    'access-list out extended permit tcp any any eq 25',
    'ciscoasa(config)>',
    'a/b/c#',
    '',
    ' policy-map global_policy',
  ])('is not a prompt: %j', (line) => {
    expect(parsePrompt(line)).toBeNull()
  })

  it('tells prompts of the same device from a look-alike of another host', () => {
    const known = parsePrompt('ciscoasa#')!
    expect(isSameDevicePrompt('ciscoasa/pod1#', known)).toMatchObject({ context: 'pod1' })
    expect(isSameDevicePrompt('otherhost#', known)).toBeNull()
  })
})

describe('platform from show version', () => {
  it.each([
    ['Cisco Adaptive Security Appliance Software Version 9.8(4)10', 'asa'],
    ['Cisco PIX Security Appliance Software Version 7.2(2)', 'pix7'],
    ['Cisco PIX Firewall Version 6.3(5)', 'pix6'],
    [
      'Model                     : Cisco Firepower Threat Defense for VMware (75) Version 7.0.1\nCisco Adaptive Security Appliance Software Version 9.16(2)',
      'ftd',
    ],
    ['Cisco IOS Software, C2900 Software', null],
  ])('%s', (text, id) => {
    expect(platformFromVersion(text)).toBe(id)
  })

  it('every profile has failure texts that match its own refusal and not a normal line', () => {
    const refusal: Record<string, string> = {
      asa: "ERROR: % Invalid input detected at '^' marker.",
      pix7: "ERROR: % Invalid input detected at '^' marker.",
      pix6: "Type help or '?' for a list of available commands.",
      ftd: 'Syntax error: Illegal parameter',
    }
    for (const profile of Object.values(PROFILES)) {
      expect(profile.failure.some((re) => re.test(refusal[profile.id]))).toBe(true)
      expect(profile.failure.some((re) => re.test('fixup protocol smtp 25\nInspect: esmtp _default_esmtp_map'))).toBe(
        false,
      )
    }
  })
})
