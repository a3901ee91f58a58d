import { describe, expect, it } from 'vitest'
import { describeConnectError, describeError } from '../../src/renderer/src/errors'
import { createTranslator } from '../../src/shared/i18n'

describe('describeError', () => {
  const changed = new Error(
    'failed: hostKeyChanged {"host":"10.1.1.1","port":22,"keyType":"ssh-ed25519","fingerprint":"SHA256:NEWnew","previous":"SHA256:OLDold","origin":"known_hosts:3"}',
  )

  it("shows a changed host key with both fingerprints, in the user's language", () => {
    const en = describeError(changed, createTranslator('en'))
    expect(en).toContain('CHANGED')
    expect(en).toContain('SHA256:OLDold')
    expect(en).toContain('SHA256:NEWnew')
    const ko = describeError(changed, createTranslator('ko'))
    expect(ko).toContain('SHA256:OLDold')
    expect(ko).toContain('SHA256:NEWnew')
    expect(ko).not.toBe(en)
  })

  it('leaves other messages as they came (counter-examples)', () => {
    const t = createTranslator('en')
    expect(describeError(new Error('failed: no such device profile'), t)).toBe('no such device profile')
    expect(describeError(new Error('notACode {"a":1}'), t)).toBe('notACode {"a":1}')
    expect(describeError(new Error('authFailed {broken json'), t)).toBe('authFailed {broken json')
  })
})

describe('typed errors from main (issue 15 point 2)', () => {
  it('reads key and params when main sends them, in either language', () => {
    const typed = Object.assign(new Error('failed: connect ECONNREFUSED'), {
      code: 'failed',
      key: 'device.errors.hostKeyChanged',
      params: {
        host: '10.1.1.1',
        port: 22,
        keyType: 'ssh-ed25519',
        fingerprint: 'SHA256:NEW',
        previous: 'SHA256:OLD',
        origin: 'known_hosts:3',
      },
    })
    expect(describeError(typed, createTranslator('en'))).toContain('SHA256:OLD')
    expect(describeError(typed, createTranslator('ko'))).toContain('SHA256:NEW')
  })

  it('explains a refused connection with what to check on the ASA, never the raw ECONNREFUSED', () => {
    const refused = Object.assign(new Error('failed: x'), {
      key: 'device.errors.connectFailed',
      params: { peer: 'ssh://admin@127.0.0.1:2222', reason: 'connect ECONNREFUSED 127.0.0.1:2222' },
    })
    const en = describeConnectError(refused, createTranslator('en'))
    expect(en).toContain('ssh version 2')
    expect(en).not.toContain('ECONNREFUSED')
    // A timeout is not a refusal (counter-example): it keeps its own message.
    const timeout = Object.assign(new Error('failed: x'), { key: 'device.errors.timeout', params: { peer: 'fw' } })
    expect(describeConnectError(timeout, createTranslator('en'))).toBe('No answer from fw in time.')
  })
})
