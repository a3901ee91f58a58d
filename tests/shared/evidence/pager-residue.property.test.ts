/**
 * Issue 22 point 1: pasted paged output gives exactly the same analysis as the clean output of the same device.
 * For every configuration (and other device-output) fixture under tests/fixtures, pager residue is inserted at random
 * line boundaries in the shapes it really arrives in, and the whole `analyzeTexts` result (parts, facts, findings,
 * causes, remedies) is compared with the clean text's. Residue on a line of its own shifts the line numbers below it;
 * the clean analysis is compared with those numbers shifted the same way, nothing else is relaxed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { parseEvidence } from '../../../src/shared/evidence'

const FIXTURES = join(__dirname, '../../fixtures')
const DEVICE_KINDS = new Set(['running-config', 'show-fixup', 'show-service-policy', 'show-version', 'show-failover'])

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtureFiles(join(dir, e.name)) : e.name.endsWith('.txt') ? [join(dir, e.name)] : [],
  )
}

/** Every fixture the engine reads as device output with a configuration or policy in it. */
const CONFIG_FIXTURES = fixtureFiles(FIXTURES)
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  .filter(({ file, text }) =>
    parseEvidence({ source: file, text }).parts.some((p) => DEVICE_KINDS.has(p.kind) && p.kind !== 'show-version'),
  )

const MORE = '<--- More --->'
const ERASE_CR = `\r${' '.repeat(14)}\r`
const ERASE_BS = `${'\b'.repeat(14)}${' '.repeat(14)}${'\b'.repeat(14)}`

/** Residue that arrives in front of the next line (what the ASA sends after a key press at the pager). */
const PREFIXES = [
  `${MORE}${ERASE_CR}`,
  `${MORE}${ERASE_BS}`,
  // A log that kept only printable characters: the prompt and its erase spaces.
  `${MORE}${' '.repeat(14)}`,
  // Copied from a web page: HTML-escaped, its CRs gone.
  `&lt;--- More ---&gt;${' '.repeat(14)}`,
  // Viewed through `cat -v`: the CRs of the erase shown as ^M.
  `${MORE}^M${' '.repeat(14)}^M`,
  '\x1b[K',
  '\x00',
]
/** Residue left on a line of its own. */
const OWN_LINES = [MORE, '&lt;--- More ---&gt;', ` ${MORE} `, ' --More-- ', `${MORE}${ERASE_CR}`, '\x00']

interface Insertion {
  /** Before which clean line (2..n) the residue goes. */
  before: number
  own: boolean
  residue: number
}

function withResidue(
  text: string,
  inserts: Insertion[],
  crlf: boolean,
): { text: string; shift: (n: number) => number } {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/)
  const ownBefore: number[] = []
  const out: string[] = []
  lines.forEach((line, i) => {
    const here = inserts.filter((x) => x.before === i + 1)
    let prefix = ''
    for (const x of here) {
      if (x.own) {
        out.push(OWN_LINES[x.residue % OWN_LINES.length]!)
        ownBefore.push(i + 1)
      } else if (prefix === '') prefix = PREFIXES[x.residue % PREFIXES.length]! // one pager prompt per line, as a device prints it
    }
    out.push(prefix + line)
  })
  const shift = (n: number) => n + ownBefore.filter((b) => b <= n).length
  return { text: out.join(crlf ? '\r\n' : '\n'), shift }
}

/** `line`, `startLine`, `policyLine`, `inspectLine`…: every field that holds a line number. */
const LINE_KEY = /^line$|Line$/

/** The same value with every line number passed through `shift`. */
function shifted(value: unknown, shift: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shifted(v, shift))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        LINE_KEY.test(k) && typeof v === 'number' ? shift(v) : shifted(v, shift),
      ]),
    )
  }
  return value
}

describe('pager residue anywhere gives the analysis of the clean output', () => {
  it('covers the configuration fixtures (a policy-map among them)', () => {
    expect(CONFIG_FIXTURES.length).toBeGreaterThanOrEqual(8)
    expect(CONFIG_FIXTURES.some((f) => /^policy-map global_policy/m.test(f.text))).toBe(true)
  })

  it.each(CONFIG_FIXTURES.map((f) => [f.file.slice(FIXTURES.length + 1), f.text] as const))('%s', (_name, clean) => {
    const lineCount = clean.replace(/\r?\n$/, '').split(/\r?\n/).length
    const expected = analyzeTexts([{ source: 'paste', text: clean }])
    const insertion = fc.record({
      before: fc.integer({ min: 2, max: Math.max(2, lineCount) }),
      own: fc.boolean(),
      residue: fc.nat(),
    })
    fc.assert(
      fc.property(fc.array(insertion, { minLength: 1, maxLength: 12 }), fc.boolean(), (inserts, crlf) => {
        const noisy = withResidue(clean, inserts, crlf)
        const actual = analyzeTexts([{ source: 'paste', text: noisy.text }])
        expect(actual).toEqual(shifted(expected, noisy.shift))
      }),
      { numRuns: 25 },
    )
  })

  it('keeps inspect esmtp that follows a pager line inside policy-map global_policy', () => {
    const clean = [
      'ASA Version 9.1(7)',
      'hostname fw',
      'policy-map global_policy',
      ' class inspection_default',
      '  inspect ftp',
      '  inspect esmtp',
      'service-policy global_policy global',
    ]
    for (const pager of ['&lt;--- More ---&gt;', `${MORE}              `, ' --More-- ']) {
      const paged = [...clean.slice(0, 5), pager, ...clean.slice(5)].join('\r\n')
      const ids = analyzeTexts([{ source: 'paste', text: paged }]).findings.map((f) => f.id)
      expect(ids).toContain('asa.esmtp-inspection-active')
      expect(ids).not.toContain('device.no-smtp-inspection')
    }
  })
})
