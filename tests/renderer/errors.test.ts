import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/renderer/src/errors'
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
