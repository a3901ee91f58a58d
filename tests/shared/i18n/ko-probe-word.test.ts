/**
 * Issue 18, point 11: Korean says one word for "probe" throughout — 프로브, as the app's ui catalogue does — never
 * 점검 (which reads as "inspection/check" and collides with the firewall's SMTP inspection, 검사).
 */
import { describe, expect, it } from 'vitest'
import { findings as enFindings } from '../../../src/shared/i18n/en/findings'
import { probe as en } from '../../../src/shared/i18n/en/probe'
import { remedies as enRemedies } from '../../../src/shared/i18n/en/remedies'
import { findings as koFindings } from '../../../src/shared/i18n/ko/findings'
import { probe as ko } from '../../../src/shared/i18n/ko/probe'
import { remedies as koRemedies } from '../../../src/shared/i18n/ko/remedies'

function strings(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]]
  if (typeof tree !== 'object' || tree === null) return []
  return Object.entries(tree).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k))
}

describe('Korean findings and remedies catalogues', () => {
  const korean = new Map([...strings(koFindings, 'findings'), ...strings(koRemedies, 'remedies')])

  it('never call a probe 점검', () => {
    expect([...korean].filter(([, text]) => text.includes('점검')).map(([key]) => key)).toEqual([])
  })

  it('say 프로브 wherever the English text asks to probe', () => {
    const english = [...strings(enFindings, 'findings'), ...strings(enRemedies, 'remedies')]
    const named = english.filter(([, text]) => /\bprob(e|es|ed|ing)\b/i.test(text))
    expect(named.length).toBeGreaterThan(5)
    const missing = named.filter(([key]) => !korean.get(key)?.includes('프로브')).map(([key]) => key)
    expect(missing).toEqual([])
  })
})

describe('Korean probe catalogue', () => {
  const korean = new Map(strings(ko))

  it('never calls a probe 점검', () => {
    expect([...korean].filter(([, text]) => text.includes('점검')).map(([key]) => key)).toEqual([])
  })

  it('says 프로브 wherever the English text names a probe as a noun or verb', () => {
    const named = strings(en).filter(([, text]) => /\bprob(e|es|ed|ing)\b/i.test(text) && !/unmask probe/.test(text))
    expect(named.length).toBeGreaterThan(5)
    const missing = named.filter(([key]) => !korean.get(key)?.includes('프로브')).map(([key]) => key)
    expect(missing).toEqual([])
  })
})
