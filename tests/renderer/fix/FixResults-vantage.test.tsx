/** The verification lines of a fix in Korean name the vantage in Korean (서버 직접 / 방화벽 경유), not `(direct)`. */
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FixResults } from '../../../src/renderer/src/fix/FixResults'
import { I18nContext, translatorFor } from '../../../src/renderer/src/i18n'
import type { VerifyResult } from '../../../src/shared/fix/types'
import { verifyLineParams } from '../../../src/shared/report/vantage-param'

describe('fix verification lines (ko)', () => {
  it('show the translated vantage labels', () => {
    const check = (vantage: string, passed: boolean) => {
      const key = passed ? 'fix.verify.probeOk' : 'fix.verify.probeStillMasked'
      // The params as src/main/fix/verify.ts writes them.
      return {
        id: `probe:${vantage}`,
        passed,
        key,
        params: verifyLineParams(key, { target: '127.0.0.1:25', vantage }),
        evidence: '',
      }
    }
    const verified = {
      outcome: 'partial',
      checks: [check('direct', true), check('firewall', false)],
    } as unknown as VerifyResult
    render(
      <I18nContext.Provider value={{ t: translatorFor('ko'), language: 'ko', setLanguage: () => {} }}>
        <FixResults verified={verified} />
      </I18nContext.Provider>,
    )
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '')
    expect(items[0]).toContain('(서버 직접)')
    expect(items[1]).toContain('(방화벽 경유)')
    expect(items.join('')).not.toMatch(/\((direct|firewall)\)|\$t\(/)
  })
})
