/**
 * The comparison of two copies of one conversation and the `capture.firewall-rewrote` rule, with counter-examples:
 * identical copies, a copy of one side only, two captures of the same side, differences that are not masking.
 */
import { describe, expect, it } from 'vitest'
import { compareCopies, isMaskOf } from '../../../src/shared/capture/compare'
import { captureEvidence } from '../../../src/shared/capture/evidence'
import { readCapture } from '../../../src/shared/capture/read'
import type { CaptureReading } from '../../../src/shared/capture/types'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import type { TranscriptLine } from '../../../src/shared/evidence/types'
import { createTranslator } from '../../../src/shared/i18n'
import { captureBytes } from './fixtures'

const read = (name: string): CaptureReading => readCapture(captureBytes(name))!
const server = (texts: string[]): TranscriptLine[] =>
  texts.map((text, i) => ({ direction: 'server', text, line: i + 1 }))

function rewrites(captures: Array<[string, CaptureReading]>) {
  const ev = captureEvidence(captures.map(([name, reading]) => ({ name, reading })))
  return analyzeTexts([], ev).findings.filter((f) => f.id === 'capture.firewall-rewrote')
}

describe('masks', () => {
  it('an X-run of the same length, with or without the running letter, or asterisks, is a mask', () => {
    expect(isMaskOf('250-XXXXXXXA', '250-STARTTLS')).toBe(true)
    expect(isMaskOf('250 XXXXXXXX', '250 STARTTLS')).toBe(true)
    expect(isMaskOf('XXXXXXXX', 'STARTTLS')).toBe(true)
    expect(isMaskOf('220 *****', '220 mx.a')).toBe(false)
    expect(isMaskOf('220 ********', '220 mx.a.b.')).toBe(false)
    expect(isMaskOf('220 *******', '220 mx.test')).toBe(true)
  })

  it('other changes are not masks: another word, another length, the same line', () => {
    expect(isMaskOf('250-STARTTLS', '250-STARTTLS')).toBe(false)
    expect(isMaskOf('250-CHUNKING', '250-STARTTLS')).toBe(false)
    expect(isMaskOf('250-XXXXXXXA', '250-STARTTLS ')).toBe(false)
    expect(isMaskOf('250-XAXAXAXA', '250-STARTTLS')).toBe(false)
  })

  it('a dropped line is a deletion; a different word counts as another difference', () => {
    const cmp = compareCopies(server(['250-a', '250-STARTTLS', '250 DSN']), server(['250-a', '250 DSN']))
    expect(cmp.changes).toEqual([
      {
        direction: 'server',
        original: { direction: 'server', text: '250-STARTTLS', line: 2 },
        changed: null,
        originalIn: 'a',
      },
    ])
    const other = compareCopies(server(['250-a', '250 DSN']), server(['250-b', '250 DSN']))
    expect(other).toEqual({ changes: [], otherDifferences: 1, identical: false })
    expect(compareCopies(server(['250 x']), server(['250 x'])).identical).toBe(true)
  })
})

describe('capture.firewall-rewrote on real captures', () => {
  const inside = read('postfix-esmtp-inside.pcap')
  const outside = read('postfix-esmtp-outside.pcap')

  it('names the rewrite and the line in each capture, whichever order the files come in', () => {
    for (const order of [
      [
        ['in.pcap', inside],
        ['out.pcap', outside],
      ],
      [
        ['out.pcap', outside],
        ['in.pcap', inside],
      ],
    ] as Array<Array<[string, CaptureReading]>>) {
      const found = rewrites(order)
      expect(found).toHaveLength(1)
      expect(found[0]).toMatchObject({
        severity: 'critical',
        params: {
          original: '250-STARTTLS',
          changed: '250-XXXXXXXB',
          originalCapture: 'in.pcap',
          changedCapture: 'out.pcap',
        },
      })
      const refs = found[0]!.evidence.map((e) => `${e.source}:${e.excerpt}`)
      expect(refs).toContain('in.pcap #1 (pair 1):220 mx.postfix.test ESMTP Postfix')
      expect(refs).toContain(`out.pcap #1 (pair 1):220 ${'*'.repeat(29)}`)
      // The client's STARTTLS went in as XXXXXXXX: a change the other way round.
      expect(refs).toContain('out.pcap #1 (pair 1):STARTTLS')
      expect(refs).toContain('in.pcap #1 (pair 1):XXXXXXXX')
    }
  })

  it('pcapng copies give the same finding as pcap', () => {
    const ng = rewrites([
      ['in', read('postfix-esmtp-inside.pcapng')],
      ['out', read('postfix-esmtp-outside.pcapng')],
    ])
    const classic = rewrites([
      ['in', inside],
      ['out', outside],
    ])
    expect(ng).toEqual(classic)
  })

  it('counter-examples: identical captures, one side only, the same capture twice', () => {
    expect(
      rewrites([
        ['in', read('postfix-off-inside.pcap')],
        ['out', read('postfix-off-outside.pcap')],
      ]),
    ).toEqual([])
    expect(rewrites([['out', outside]])).toEqual([])
    expect(
      rewrites([
        ['a', outside],
        ['b', outside],
      ]),
    ).toEqual([])
    expect(
      rewrites([
        ['a', inside],
        ['a', outside],
      ]),
    ).toEqual([])
  })
})

describe('capture.firewall-rewrote texts', () => {
  it('render in en and ko with every placeholder filled', () => {
    const found = rewrites([
      ['inside.pcap', readCapture(captureBytes('postfix-esmtp-inside.pcap'))!],
      ['outside.pcap', readCapture(captureBytes('postfix-esmtp-outside.pcap'))!],
    ])
    for (const language of ['en', 'ko'] as const) {
      const t = createTranslator(language)
      const title = t(found[0]!.titleKey, found[0]!.params)
      const explanation = t(found[0]!.explanationKey, found[0]!.params)
      expect(title).toContain('250-STARTTLS')
      expect(title).toContain('250-XXXXXXXB')
      expect(`${title}${explanation}`).not.toMatch(/\{\{|findings\./)
    }
  })
})

describe('pairing many connections', () => {
  it('pairs copies by client port and time, whatever their order, and shows the same pairs on both sides', () => {
    const inside = readCapture(captureBytes('postfix-esmtp-inside.pcap'))!
    const outside = readCapture(captureBytes('postfix-esmtp-outside.pcap'))!
    // 150 copies of the real connection on distinct client ports, one second apart; outside in reverse order.
    const copies = (r: CaptureReading, reverse: boolean): CaptureReading => {
      const t = r.transcripts[0]!
      const list = Array.from({ length: 150 }, (_, i) => ({
        ...t,
        connection: {
          ...t.connection,
          index: i + 1,
          start: t.connection.start + i * 1_000_000,
          client: { ...t.connection.client, port: 20_000 + i },
        },
      }))
      return { ...r, transcripts: reverse ? list.reverse() : list }
    }
    const ev = captureEvidence([
      { name: 'in', reading: copies(inside, false) },
      { name: 'out', reading: copies(outside, true) },
    ])
    const found = analyzeTexts([], ev).findings.filter((f) => f.id === 'capture.firewall-rewrote')
    // At most MAX_SHOWN (100) connections per capture are analysed; every one of them has its partner.
    expect(found).toHaveLength(100)
    expect(ev.texts[0]!.text.split('\n')[0]).toContain('150 SMTP connections (50 not shown)')
  })
})
