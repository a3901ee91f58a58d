import { describe, expect, it } from 'vitest'
import { configDelta } from '../../../src/main/fix/config-delta'
import { configHash, linesHash } from '../../../src/main/fix/hash'
import { promptInMode } from '../../../src/main/fix/send-lines'
import { parsePrompt } from '../../../src/shared/devices'

const BEFORE = `: Saved
:
hostname ciscoasa
policy-map global_policy
 class inspection_default
  inspect ftp
  inspect esmtp
service-policy global_policy global
Cryptochecksum:aaaa
: end
`

describe('configDelta', () => {
  it('names each added and removed line with its parents', () => {
    const after = BEFORE.replace('  inspect esmtp\n', '  inspect esmtp TLS_MAP\n').replace(
      'service-policy',
      'policy-map type inspect esmtp TLS_MAP\n parameters\n  allow-tls action log\nservice-policy',
    )
    const delta = configDelta(BEFORE, after)
    expect(delta.removed).toEqual(['policy-map global_policy > class inspection_default > inspect esmtp'])
    expect(delta.added).toEqual([
      'policy-map global_policy > class inspection_default > inspect esmtp TLS_MAP',
      'policy-map type inspect esmtp TLS_MAP',
      'policy-map type inspect esmtp TLS_MAP > parameters',
      'policy-map type inspect esmtp TLS_MAP > parameters > allow-tls action log',
    ])
  })

  it('sees no change when only comments, line endings and trailing spaces differ', () => {
    const noisy = BEFORE.replace(/\n/g, ' \r\n').replace(': Saved', ': Written by enable_15 at 10:22:01 UTC')
    expect(configDelta(BEFORE, noisy)).toEqual({ added: [], removed: [] })
    expect(configHash(noisy)).toBe(configHash(BEFORE))
  })

  it('changes the hash for any configuration change, however small', () => {
    expect(configHash(BEFORE.replace('inspect ftp', 'inspect ftp strict'))).not.toBe(configHash(BEFORE))
    expect(linesHash([{ mode: 'config', command: 'a' }])).not.toBe(linesHash([{ mode: 'config-pmap', command: 'a' }]))
  })
})

describe('promptInMode', () => {
  it('matches the word in the prompt to the line mode', () => {
    expect(promptInMode(parsePrompt('fw#'), 'enable')).toBe(true)
    expect(promptInMode(parsePrompt('fw(config)#'), 'config')).toBe(true)
    expect(promptInMode(parsePrompt('fw/ctx1(config-pmap-c)#'), 'config-pmap-c')).toBe(true)
    expect(promptInMode(parsePrompt('fw(config-pmap)#'), 'config-pmap-c')).toBe(false)
    expect(promptInMode(parsePrompt('fw(config)#'), 'enable')).toBe(false)
    expect(promptInMode(parsePrompt('fw>'), 'enable')).toBe(false)
    expect(promptInMode(parsePrompt('>'), 'config')).toBe(false)
    expect(promptInMode(parsePrompt('fw#'), 'flexconfig')).toBe(false)
  })
})
