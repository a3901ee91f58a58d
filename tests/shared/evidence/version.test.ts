import { describe, expect, it } from 'vitest'
import {
  compareVersions,
  hasDuplicateHeaderBug,
  parseVersion,
  supportsAllowTls,
} from '../../../src/shared/evidence/version'

const v = (text: string) => {
  const parsed = parseVersion(text)
  if (!parsed) throw new Error(`unparsed ${text}`)
  return parsed
}

describe('versions', () => {
  it('parses Cisco version strings as numbers', () => {
    expect(v('9.8(4)10')).toEqual({ text: '9.8(4)10', major: 9, minor: 8, maintenance: 4, build: 10 })
    expect(v('7.0.1 (Build 84)')).toMatchObject({ major: 7, minor: 0, maintenance: 1 })
    expect(parseVersion('version')).toBeNull()
  })

  it('compares numerically, not as text', () => {
    expect(compareVersions(v('7.2(10)'), v('7.2(3)'))).toBeGreaterThan(0)
    expect(compareVersions(v('9.16(3)19'), v('9.9(2)32'))).toBeGreaterThan(0)
    expect(compareVersions(v('9.8(4)10'), v('9.8(4)10'))).toBe(0)
  })

  it('knows where allow-tls exists: 7.2(3)+, 8.0(3)+, 8.1+', () => {
    expect(['7.2(2)', '7.0(8)', '8.0(2)', '6.3(5)'].map((t) => supportsAllowTls(v(t)))).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(['7.2(3)', '7.2(5)', '8.0(3)', '8.2(1)', '9.0(3)'].map((t) => supportsAllowTls(v(t)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ])
  })

  it('knows which releases have the duplicate-header bug: before 7.2(3)', () => {
    expect(hasDuplicateHeaderBug(v('7.2(2)'))).toBe(true)
    expect(hasDuplicateHeaderBug(v('6.3(5)'))).toBe(true)
    expect(hasDuplicateHeaderBug(v('7.2(3)'))).toBe(false)
    expect(hasDuplicateHeaderBug(v('8.0(2)'))).toBe(false)
  })
})
