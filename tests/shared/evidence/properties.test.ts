/**
 * No parser throws or hangs on arbitrary input: random text, random "almost SMTP/config" lines, binary garbage and
 * megabyte-long lines. Hangs would show up as vitest's test timeout; the inputs are built to provoke regex
 * backtracking (long runs of X, asterisks, digits, spaces, `said:`).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { parseEvidence } from '../../../src/shared/evidence'
import { parseConfigTree } from '../../../src/shared/evidence/device/config-tree'
import { readDeviceConfig } from '../../../src/shared/evidence/device/device-config'
import { parseShowContext } from '../../../src/shared/evidence/device/show-context'
import { parseShowFailover } from '../../../src/shared/evidence/device/show-failover'
import { parseShowFixup } from '../../../src/shared/evidence/device/show-fixup'
import { parseShowServicePolicy } from '../../../src/shared/evidence/device/show-service-policy'
import { parseShowVersion } from '../../../src/shared/evidence/device/show-version'
import { parseLogLines } from '../../../src/shared/evidence/logs/log-lines'
import { parseTranscriptText } from '../../../src/shared/evidence/smtp/transcript-text'
import { buildSmtpSession } from '../../../src/shared/evidence/smtp-session'
import { type NumberedLine, numberLines, type TranscriptLine } from '../../../src/shared/evidence/types'

const LINE_PARSERS: Array<[string, (lines: NumberedLine[]) => unknown]> = [
  ['config tree', parseConfigTree],
  ['device config', readDeviceConfig],
  ['show version', parseShowVersion],
  ['show fixup', parseShowFixup],
  ['show service-policy', parseShowServicePolicy],
  ['show context', parseShowContext],
  ['show failover', parseShowFailover],
  ['log lines', parseLogLines],
  ['transcript swaks', (l) => parseTranscriptText('p', l, 'swaks')],
  ['transcript sc', (l) => parseTranscriptText('p', l, 'sc')],
  ['transcript telnet', (l) => parseTranscriptText('p', l, 'telnet')],
  ['transcript ndr', (l) => parseTranscriptText('p', l, 'ndr')],
]

const fragment = fc.constantFrom(
  '250-',
  '250 ',
  '500 ',
  '220',
  'XXXX',
  'XXXXXXXA',
  '****',
  '2',
  '0',
  ' ',
  '  ',
  '\t',
  '\b',
  '\r',
  '\n',
  '\r\n',
  ':',
  '"',
  '(',
  ')',
  '#',
  '>',
  'fw# ',
  'said: ',
  "Remote Server returned '",
  'Diagnostic-Code: smtp; ',
  '%ASA-4-108004: ',
  'to inside:10.0.0.1/25',
  'postfix/smtp[1]: ',
  'enabling PIX workarounds: ',
  'ICID 1 ',
  'TLS failed',
  'policy-map ',
  ' class ',
  '  inspect esmtp ',
  'no ',
  'fixup protocol smtp ',
  'ASA Version 9.1(1)',
  'Inspect: esmtp ',
  ', packet 1',
  'Service-policy: x',
  'Context Name      Class     Interfaces',
  'Failover On',
  'This host: Primary - Active',
  '<--- More --->',
  '\x1b[K',
  '\u0000',
  '\uffff',
  '가',
)

const almostDevice = fc.array(fragment, { maxLength: 200 }).map((parts) => parts.join(''))

describe('parsers never throw', () => {
  it.each(LINE_PARSERS)('%s on arbitrary and almost-valid text', (_name, parse) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 2000 }), almostDevice, fc.string({ unit: 'binary', maxLength: 2000 })),
        (text) => {
          parse(numberLines(text))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('the whole pipeline (detect, parse, rules, diagnosis, remedies) on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(almostDevice, fc.string({ unit: 'binary', maxLength: 500 })), { maxLength: 4 }),
        (texts) => {
          const a = analyzeTexts(texts.map((text, i) => ({ source: `in${i}`, text })))
          for (const f of a.findings) {
            expect(f.confidence).toBeGreaterThanOrEqual(0)
            expect(f.confidence).toBeLessThanOrEqual(1)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('SMTP sessions from arbitrary transcript lines', () => {
    const direction = fc.constantFrom<TranscriptLine['direction']>('client', 'server', 'note')
    fc.assert(
      fc.property(fc.array(fc.tuple(direction, fc.oneof(almostDevice, fc.string())), { maxLength: 50 }), (rows) => {
        const lines = rows.map(([d, text], i) => ({ direction: d, text, line: i + 1 }))
        buildSmtpSession({ kind: 'smtp-transcript', source: 'p', lines })
      }),
      { numRuns: 500 },
    )
  })
})

describe('large and hostile inputs', () => {
  const MB = 1024 * 1024
  const hostile = [
    ['1 MB of X', 'X'.repeat(MB)],
    ['a 1 MB reply line of X', `250 ${'X'.repeat(MB)}`],
    ['1 MB of asterisks after 220', `220 ${'*'.repeat(MB)}`],
    ['1 MB of 2s and 0s and asterisks', `2${'0*2 '.repeat(MB / 4)}`],
    ['1 MB of spaces before a word', `${' '.repeat(MB)}inspect esmtp`],
    ['1 MB of backspaces', '\b'.repeat(MB)],
    ['1 MB bounce line', `said: 500 ${'5'.repeat(MB)}`],
    ['1 MB of syslog-ish text', `%ASA-4-108004: ${'to a:b/1 '.repeat(MB / 9)}`],
    ['1 MB of digits', '9'.repeat(MB)],
    ['1 MB prompt-like line', `fw# ${'show '.repeat(MB / 5)}`],
  ] as const

  it.each(hostile)('%s: every parser and the pipeline finish', (_name, line) => {
    const text = `${line}\n250-mx.example.org\n250 XXXXXXXA\n${line}`
    for (const [, parse] of LINE_PARSERS) parse(numberLines(text))
    const a = analyzeTexts([{ source: 'big', text }])
    for (const f of a.findings) for (const e of f.evidence) expect(e.excerpt.length).toBeLessThanOrEqual(500)
  })

  it('binary garbage: random bytes decoded as text', () => {
    const bytes = new Uint8Array(256 * 1024)
    let seed = 12345
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      bytes[i] = seed & 0xff
    }
    const text = new TextDecoder('latin1').decode(bytes)
    const { evidence } = parseEvidence({ source: 'garbage', text })
    expect(evidence.length).toBeGreaterThan(0)
    expect(analyzeTexts([{ source: 'garbage', text }]).causes).toEqual([])
  })

  it('a 100,000-line configuration is read completely', () => {
    const lines = ['ASA Version 9.8(4)', 'hostname big']
    for (let i = 0; i < 99_990; i++) lines.push(i % 2 ? ` description n${i}` : `object network n${i}`)
    lines.push(
      'policy-map global_policy',
      ' class inspection_default',
      '  inspect esmtp',
      'service-policy global_policy global',
    )
    const a = analyzeTexts([{ source: 'big.cfg', text: lines.join('\n') }])
    expect(a.findings.find((f) => f.id === 'asa.esmtp-inspection-active')?.evidence.map((e) => e.startLine)).toEqual([
      99_993, 99_994, 99_995, 99_996,
    ])
  })
})
