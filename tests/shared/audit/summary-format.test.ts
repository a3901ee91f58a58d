/** The streaming summary (counts, duplicates, bounds) and the output formats (CSV per RFC 4180 + formula guard, NDJSON). */
import { describe, expect, it } from 'vitest'
import {
  CSV_COLUMNS,
  csvField,
  csvHeader,
  csvRow,
  ndjsonRow,
  ndjsonSummary,
  renderSummary,
  tableRow,
} from '../../../src/shared/audit/format'
import { progressFigures } from '../../../src/shared/audit/progress'
import { createSummary, MAX_LISTED_SKIPS } from '../../../src/shared/audit/summary'
import type { AuditRow } from '../../../src/shared/audit/types'
import { createTranslator } from '../../../src/shared/i18n'

function row(over: Partial<AuditRow>): AuditRow {
  return {
    file: 'f',
    layout: 'plain',
    hostname: 'fw1',
    platform: 'asa',
    version: '9.8(4)',
    state: 'active',
    places: ['global_policy/inspection_default'],
    bugs: [],
    mailguard: false,
    ftd: false,
    remedy: 'asa.allow-tls-map',
    remedies: ['asa.allow-tls-map'],
    proof: { line: 12, excerpt: 'inspect esmtp' },
    affected: true,
    duplicateOf: null,
    ...over,
  }
}

describe('createSummary', () => {
  it('counts states, versions, bugs, flags and skipped reasons', () => {
    const s = createSummary()
    s.addRow(row({ file: 'a' }))
    s.addRow(row({ file: 'b', hostname: 'fw2', state: 'off', affected: false }))
    s.addRow(
      row({
        file: 'c',
        hostname: 'pix',
        platform: 'pix',
        version: '6.3(5)',
        mailguard: true,
        bugs: ['pix.duplicate-header-bug'],
      }),
    )
    s.addRow(row({ file: 'd', hostname: 'ftd', platform: 'ftd', version: '7.0.1', ftd: true }))
    s.addSkip({ file: 'x.png', reason: 'binary' })
    s.addSkip({ file: 'big', reason: 'too-large', detail: '99 bytes' })
    const r = s.result()
    expect(r).toMatchObject({ files: 6, devices: 4, affected: 3, mailguard: 1, ftd: 1 })
    expect(r.byState).toEqual({ active: 3, 'allow-tls': 0, off: 1, unknown: 0 })
    expect(r.byVersion).toEqual({ 'asa 9.8(4)': 2, 'ftd 7.0.1': 1, 'pix 6.3(5)': 1 })
    expect(r.bugs).toEqual({ 'pix.duplicate-header-bug': 1 })
    expect(r.skipped.binary).toBe(1)
    expect(r.skipped['too-large']).toBe(1)
    expect(r.skippedFiles).toEqual([
      { file: 'x.png', reason: 'binary' },
      { file: 'big', reason: 'too-large', detail: '99 bytes' },
    ])
  })

  it('marks a later row with the same hostname (case-insensitive) and lists the files', () => {
    const s = createSummary()
    expect(s.addRow(row({ file: 'a', hostname: 'FW1' })).duplicateOf).toBeNull()
    expect(s.addRow(row({ file: 'b', hostname: 'fw1' })).duplicateOf).toBe('a')
    expect(s.addRow(row({ file: 'c', hostname: 'fw1' })).duplicateOf).toBe('a')
    expect(s.addRow(row({ file: 'd', hostname: 'fw9' })).duplicateOf).toBeNull()
    expect(s.addRow(row({ file: 'e', hostname: null })).duplicateOf).toBeNull()
    expect(s.addRow(row({ file: 'f', hostname: null })).duplicateOf).toBeNull()
    expect(s.result().duplicates).toEqual([{ hostname: 'FW1', files: ['a', 'b', 'c'] }])
  })

  it('names only the first skipped files but counts them all', () => {
    const s = createSummary()
    for (let i = 0; i < MAX_LISTED_SKIPS + 50; i++) s.addSkip({ file: `junk${i}`, reason: 'not-config' })
    const r = s.result()
    expect(r.skipped['not-config']).toBe(MAX_LISTED_SKIPS + 50)
    expect(r.skippedFiles).toHaveLength(MAX_LISTED_SKIPS)
    expect(r.skippedFilesOmitted).toBe(50)
  })
})

describe('CSV', () => {
  it('quotes per RFC 4180 only when needed and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(null)).toBe('')
    expect(csvField(12)).toBe('12')
  })

  it('guards cells a spreadsheet would run as formulas (OWASP ASVS 1.2.10)', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-2')).toBe("'-2")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\tx')).toBe("'\tx")
    // Counter-examples: ordinary values are left alone.
    expect(csvField('9.8(4)')).toBe('9.8(4)')
    expect(csvField('a=b')).toBe('a=b')
  })

  it('a header and one CRLF-terminated line per row with the same number of fields', () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(',')}\r\n`)
    const line = csvRow(row({ hostname: '=evil', places: ['a/b', 'c/d'] }))
    expect(line.endsWith('\r\n')).toBe(true)
    expect(line.startsWith("'=evil,asa,9.8(4),active,a/b; c/d,")).toBe(true)
    expect(line.trimEnd().split(',')).toHaveLength(CSV_COLUMNS.length)
  })
})

describe('NDJSON and the table', () => {
  it('one JSON object per line, typed row then summary', () => {
    const r = row({})
    const parsed = JSON.parse(ndjsonRow(r))
    expect(parsed).toEqual({ type: 'row', ...r })
    const s = createSummary()
    s.addRow(r)
    expect(JSON.parse(ndjsonSummary(s.result()))).toMatchObject({ type: 'summary', devices: 1, affected: 1 })
    expect(ndjsonRow(r).split('\n')).toHaveLength(2)
  })

  it('a hostile hostname cannot move the terminal cursor', () => {
    const t = createTranslator('en')
    const text = tableRow(t, row({ hostname: 'fw\u001b[2Jx' }))
    expect(text).not.toContain('\u001b')
    expect(text).toContain('fw?[2Jx')
    expect(text).toContain('f:12')
  })

  it('the summary text in en and ko', () => {
    const s = createSummary()
    s.addRow(row({}))
    s.addSkip({ file: 'logo.png', reason: 'binary' })
    expect(renderSummary(createTranslator('en'), s.result())).toContain('1 active, 0 allow-tls, 0 off, 0 unknown')
    expect(renderSummary(createTranslator('en'), s.result())).toContain('logo.png: binary file')
    expect(renderSummary(createTranslator('ko'), s.result())).toContain('logo.png: 바이너리 파일')
  })
})

describe('progressFigures', () => {
  it('rate and ETA from what is done', () => {
    expect(progressFigures(50, 100, 10_000)).toEqual({ rate: '5.0', eta: '0:10' })
    expect(progressFigures(3600, 7200, 1_000)).toEqual({ rate: '3600', eta: '0:01' })
    expect(progressFigures(1, 10_000, 1_000)).toEqual({ rate: '1.0', eta: '2:46:39' })
    expect(progressFigures(0, 100, 0)).toEqual({ rate: '0.0', eta: '?' })
    expect(progressFigures(5, null, 1000).eta).toBe('?')
  })
})
