/**
 * Issue 16: a text read piece by piece (TextStream, how `unmask analyze` reads a file) gives exactly what the whole
 * text gives: the same parts, the same evidence (every parsed field, every line number) and the same analysis (facts,
 * findings, causes, remedies). Checked over every text fixture in tests/fixtures and /work/shared/fixtures/device-output
 * (as they are, with CRLF line ends, and with pager residue), cut at random offsets (inside a CRLF, inside a pager
 * prompt, inside a line), and over generated configurations longer than DETECT_LINES, where the stream stops holding
 * lines: with the kinds that detection ranks above a configuration placed before and after that line, headers on
 * both sides of it, prompts, blank tails and lost indentation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeTexts, TextStream } from '../../../src/shared/diagnosis'
import { streamable } from '../../../src/shared/diagnosis/stream'
import { parseEvidence } from '../../../src/shared/evidence'
import { DETECT_LINES } from '../../../src/shared/evidence/detect'

const ROOTS = [join(__dirname, '../../fixtures'), '/work/shared/fixtures/device-output']

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? textFiles(join(dir, e.name)) : e.name.endsWith('.txt') ? [join(dir, e.name)] : [],
  )
}

const FIXTURES = ROOTS.filter(existsSync)
  .flatMap(textFiles)
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  .filter(({ text }) => streamable(text))

/** The text cut at the given offsets (sorted, deduplicated) and streamed. */
function streamed(source: string, text: string, cuts: number[] = []) {
  const s = new TextStream(source)
  let at = 0
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    s.push(text.slice(at, cut))
    at = cut
  }
  s.push(text.slice(at))
  return { result: s.end(), peakHeld: s.peakHeld }
}

function expectSameReading(source: string, text: string, cuts: number[]): void {
  const whole = parseEvidence({ source, text })
  const { result } = streamed(source, text, cuts)
  expect(result.parts).toEqual(whole.parts)
  expect(result.evidence).toEqual(whole.evidence)
}

/** Cut offsets: random ones plus every CRLF and pager prompt split down the middle. */
function cutsOf(text: string, random: number[]): number[] {
  const cuts = random.map((r) => Math.floor(r * (text.length + 1)))
  for (const m of text.matchAll(/\r\n|<--- More --->/g)) cuts.push(m.index + 1)
  return cuts.slice(0, 400)
}

const MORE = '<--- More --->'
const RESIDUE = [`${MORE}\r${' '.repeat(14)}\r`, `${MORE}${'\b'.repeat(14)}${' '.repeat(14)}${'\b'.repeat(14)}`, '\x00']

/** Pager residue in front of every `every`-th line, as a device sends it after a key press. */
function paged(text: string, every: number): string {
  return text
    .split('\n')
    .map((l, i) => (i > 0 && i % every === 0 ? RESIDUE[i % RESIDUE.length] + l : l))
    .join('\n')
}

describe('TextStream gives the whole text’s reading', () => {
  it('has fixtures to compare, configurations among them', () => {
    expect(FIXTURES.length).toBeGreaterThan(80)
    const kinds = new Set(
      FIXTURES.flatMap(({ file, text }) => parseEvidence({ source: file, text }).parts.map((p) => p.kind)),
    )
    for (const k of ['running-config', 'show-version', 'smtp-transcript', 'log', 'show-service-policy'])
      expect(kinds).toContain(k)
  })

  it('for every text fixture, as it is, with CRLF and with pager residue, cut at random offsets', () => {
    for (const { file, text } of FIXTURES) {
      const variants = [text, text.replace(/\r?\n/g, '\r\n'), paged(text, 7)]
      for (const variant of variants)
        fc.assert(
          fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (random) => {
            expectSameReading(file, variant, cutsOf(variant, random))
          }),
          { numRuns: 4 },
        )
    }
  })

  it('gives the same analysis (facts, findings, causes, remedies) for every fixture cut into 1 KiB pieces', () => {
    for (const { file, text } of FIXTURES) {
      const cuts = Array.from({ length: Math.floor(text.length / 1024) }, (_, i) => (i + 1) * 1024)
      expect(analyzeTexts([streamed(file, text, cuts).result])).toEqual(analyzeTexts([{ source: file, text }]))
    }
  })
})

/** A generated ASA configuration of about `lines` lines with the SMTP inspection policy at the end. */
function bigConfig(lines: number): string[] {
  const out = [': Saved', 'ASA Version 9.8(4)10', 'hostname big-fw', '!']
  for (let i = 0; out.length < lines - 8; i++)
    out.push(
      `object network host-${i}`,
      ` host 10.0.${(i >> 8) & 255}.${i & 255}`,
      `access-list outside_in extended permit tcp any object host-${i} eq smtp`,
    )
  out.push(
    'class-map inspection_default',
    ' match default-inspection-traffic',
    'policy-map global_policy',
    ' class inspection_default',
    '  inspect esmtp',
    'service-policy global_policy global',
    ': end',
  )
  return out
}

/** Lines that make detection name another kind when they come within its first DETECT_LINES lines. */
const OUTRANKING = [
  ['Context Name      Class       Interfaces           Mode         URL'],
  [
    'Global policy:',
    '  Service-policy: global_policy',
    '    Class-map: inspection_default',
    '      Inspect: esmtp, packet 3',
  ],
  ['Failover On', 'Failover unit Primary'],
]

describe('TextStream on configurations longer than DETECT_LINES', () => {
  const base = bigConfig(DETECT_LINES * 2 + 500)

  it('stops holding lines once the first DETECT_LINES settle the kind, and reads the same', () => {
    const text = base.join('\n')
    const { result, peakHeld } = streamed('big.cfg', text, [65536, 131072])
    // The line that settles the kind is read by the configuration reader only.
    expect(peakHeld).toBe(DETECT_LINES - 1)
    expect(result.evidence).toEqual(parseEvidence({ source: 'big.cfg', text }).evidence)
    expect(result.parts.map((p) => p.kind)).toEqual(['running-config'])
  })

  it('after a `show running-config` prompt holds no line at all', () => {
    const text = ['big-fw# show running-config', ...base, 'big-fw# '].join('\n')
    const { result, peakHeld } = streamed('big.cfg', text)
    expect(peakHeld).toBe(0)
    expect(result).toMatchObject(parseEvidence({ source: 'big.cfg', text }))
  })

  it('holds a long text that is not a configuration whole, as its kind needs (counter-example)', () => {
    const log = Array.from({ length: DETECT_LINES + 100 }, (_, i) => `Dec  5 10:00:${i % 60} mx postfix/smtp[${i}]: x`)
    const { peakHeld } = streamed('mail.log', log.join('\n'))
    expect(peakHeld).toBe(DETECT_LINES + 100)
  })

  it('with outranking lines, headers, prompts, residue and lost indentation anywhere, cut anywhere', () => {
    const n = base.length
    fc.assert(
      fc.property(
        fc.record({
          outrank: fc.option(fc.record({ which: fc.nat(OUTRANKING.length - 1), at: fc.integer({ min: 0, max: n }) })),
          header: fc.option(fc.integer({ min: DETECT_LINES - 20, max: DETECT_LINES + 20 })),
          dropFirstHeader: fc.boolean(),
          prompt: fc.constantFrom(null, 'big-fw# show running-config', 'big-fw# show clock', 'big-fw/pri/act# wr t'),
          promptAt: fc.integer({ min: 0, max: n }),
          residueEvery: fc.option(fc.integer({ min: 3, max: 500 })),
          flatten: fc.boolean(),
          blankTail: fc.nat(5),
          crlf: fc.boolean(),
          cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        }),
        (c) => {
          let lines = [...base]
          if (c.dropFirstHeader) lines.splice(1, 1)
          if (c.header !== null) lines.splice(c.header, 0, 'PIX Version 6.3(5)')
          if (c.outrank) lines.splice(c.outrank.at, 0, ...OUTRANKING[c.outrank.which]!)
          if (c.prompt) lines.splice(c.promptAt, 0, c.prompt)
          // Indentation lost (a flattened paste): `inspect esmtp` is placed by its keyword.
          if (c.flatten) lines = lines.map((l) => l.trimStart())
          lines.push(...Array.from({ length: c.blankTail }, () => '  '))
          let text = lines.join(c.crlf ? '\r\n' : '\n')
          if (c.residueEvery) text = paged(text, c.residueEvery)
          expectSameReading('gen.cfg', text, cutsOf(text, c.cuts))
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('streamable', () => {
  it('leaves JSON (a TLS-RPT report) and an all-blank first piece to the whole-text path', () => {
    expect(streamable('  \n{"organization-name":"x"')).toBe(false)
    expect(streamable(' \r\n ')).toBe(false)
    expect(streamable('ASA Version 9.8(4)\n')).toBe(true)
    expect(streamable('\n\n: Saved\n{')).toBe(true)
  })
})
