import { describe, expect, it } from 'vitest'
import { createRedactor, REDACTION_MARKER } from '../../../src/shared/redaction'

const M = REDACTION_MARKER
const config = [
  'hostname fw1',
  'snmp-server community N0c-C0mmunity',
  'aaa-server ISE (inside) host 10.1.1.5',
  ' key R4d1us',
].join('\n')

describe('createRedactor', () => {
  it('removes a secret learned from the configuration wherever else it appears', () => {
    const r = createRedactor({ deviceTexts: [config] })
    expect(r.text('trap from 10.1.1.9 with community N0c-C0mmunity rejected')).toBe(
      `trap from 10.1.1.9 with community ${M} rejected`,
    )
    expect(r.device('%ASA-3-212005: incoming SNMP request with community N0c-C0mmunity')).not.toContain('N0c')
    expect(r.text('R4d1us')).toBe(M)
  })

  it('does not eat words that merely contain a learned secret', () => {
    const r = createRedactor({ deviceTexts: ['snmp-server community mail'] })
    expect(r.text('mailhost.example.com mail-gw')).toBe('mailhost.example.com mail-gw')
    expect(r.text('the mail path')).toBe(`the ${M} path`)
    expect(r.text('community was mail.')).toBe(`community was ${M}.`)
    expect(r.text('mail.example.com')).toBe('mail.example.com')
  })

  it('does not learn short or already-masked values', () => {
    const r = createRedactor({ deviceTexts: ['snmp-server community abc', ' pre-shared-key *****'] })
    expect(r.text('abc ***** abcdef')).toBe('abc ***** abcdef')
    expect(r.device('snmp-server community abc')).toBe(`snmp-server community ${M}`)
  })

  it('removes engineer marks anywhere, even inside words, and counts them', () => {
    const r = createRedactor({ deviceTexts: [], marks: ['Bluebird', ' ', 'x'] })
    expect(r.text('Project-Bluebird cutover')).toBe(`Project-${M} cutover`)
    expect(r.device('description Bluebird link')).toBe(`description ${M} link`)
    expect(r.counts().marked).toBe(2)
    expect(r.text('x y')).toBe('x y')
  })

  it('redacts every string of a nested value and leaves numbers and keys alone', () => {
    const r = createRedactor({ deviceTexts: [config] })
    const value = { community: 'N0c-C0mmunity', list: ['ok', 'key R4d1us here'], n: 3, nested: { flag: true } }
    expect(r.deep(value)).toEqual({ community: M, list: ['ok', `key ${M} here`], n: 3, nested: { flag: true } })
    expect(value.community).toBe('N0c-C0mmunity')
  })

  it('counts redactions by kind', () => {
    const r = createRedactor({ deviceTexts: [config] })
    r.device(config)
    const counts = r.counts()
    expect(counts['snmp-community']).toBe(1)
    expect(counts['aaa-key']).toBe(1)
    expect(counts.password).toBe(0)
  })
})
