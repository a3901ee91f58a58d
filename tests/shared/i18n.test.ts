import { describe, expect, it } from 'vitest'
import { catalogues, createTranslator, languageFromLocale } from '../../src/shared/i18n'

type Tree = { [key: string]: unknown }

function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  if (typeof tree !== 'object' || tree === null) return out
  for (const [k, v] of Object.entries(tree as Tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

function catalogueMismatches(a: unknown, b: unknown): string[] {
  const fa = flatten(a)
  const fb = flatten(b)
  const problems: string[] = []
  for (const key of fa.keys()) if (!fb.has(key)) problems.push(`missing in second: ${key}`)
  for (const key of fb.keys()) if (!fa.has(key)) problems.push(`missing in first: ${key}`)
  for (const [key, text] of fa) {
    const other = fb.get(key)
    if (other !== undefined && placeholders(text).join() !== placeholders(other).join())
      problems.push(`placeholders differ: ${key}`)
    if (text.trim() === '' || (other !== undefined && other.trim() === '')) problems.push(`empty text: ${key}`)
  }
  return problems
}

describe('i18n catalogues', () => {
  it('English and Korean have exactly the same keys and placeholders', () => {
    expect(flatten(catalogues.en).size).toBeGreaterThan(20)
    expect(catalogueMismatches(catalogues.en, catalogues.ko)).toEqual([])
  })

  it('the comparison catches a key present in one language only and a dropped placeholder', () => {
    expect(catalogueMismatches({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toEqual(['missing in second: a.c'])
    expect(catalogueMismatches({ a: 'Case {{id}}' }, { a: '케이스' })).toEqual(['placeholders differ: a'])
  })

  it('translates with interpolation in both languages', () => {
    expect(createTranslator('en')('cli.case.new.created', { id: 'X1', dir: '/d' })).toBe('Case X1 created in /d')
    expect(createTranslator('ko')('cli.case.new.created', { id: 'X1', dir: '/d' })).toBe(
      '케이스 X1를 /d에 만들었습니다',
    )
  })

  it('picks the language from the locale', () => {
    expect(languageFromLocale('ko_KR.UTF-8')).toBe('ko')
    expect(languageFromLocale(undefined, 'en_GB.UTF-8')).toBe('en')
    expect(languageFromLocale('C', 'ko_KR')).toBe('ko')
    expect(languageFromLocale('de_DE')).toBe('en')
  })
})
