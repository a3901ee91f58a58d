/**
 * The two-lane model of the case's captures (src/shared/capture/lanes.ts) from real tcpdump captures of a Debian
 * Postfix conversation through the lab's inspection proxy (tests/fixtures/captures/README.md): the changed rows and
 * their line numbers are the ones the finding quotes. Counter-examples: identical captures, one side only,
 * connections that pair with nothing, two capture sets in one case.
 */
import { describe, expect, it } from 'vitest'
import {
  alignRows,
  captureLanes,
  captureSets,
  captureSetsEvidence,
  type LaneLine,
  MAX_LANE_ROWS,
} from '../../../src/shared/capture/lanes'
import { readCapture } from '../../../src/shared/capture/read'
import { readDumpText } from '../../../src/shared/capture/sniff'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { type CaptureAdded, captureRecord } from '../../../src/shared/journal/capture-evidence-schema'
import { asDump, captureBytes } from './fixtures'

const rec = (file: string, name: string, meta: Partial<Pick<CaptureAdded, 'side' | 'set'>> = {}): CaptureAdded =>
  captureRecord(readCapture(captureBytes(file))!, { name, origin: 'file', bytes: 1, ...meta })
const inside = (name = 'inside.pcap', meta = {}) => rec('postfix-esmtp-inside.pcap', name, meta)
const outside = (name = 'outside.pcap', meta = {}) => rec('postfix-esmtp-outside.pcap', name, meta)

const rewrites = (records: CaptureAdded[]) =>
  analyzeTexts([], captureSetsEvidence(records)).findings.filter((f) => f.id === 'capture.firewall-rewrote')

describe('lanes of an inside and an outside capture', () => {
  const [set] = captureLanes([inside(), outside()])

  it('pairs the connection and marks the STARTTLS row as changed, with both times', () => {
    expect(set).toMatchObject({ status: 'changed', left: { name: 'inside.pcap' }, right: { name: 'outside.pcap' } })
    expect(set!.pairs).toHaveLength(1)
    const starttls = set!.pairs[0]!.rows.find((r) => r.left?.text === '250-STARTTLS')
    expect(starttls).toMatchObject({ kind: 'changed', right: { text: '250-XXXXXXXB', direction: 'server' } })
    expect(starttls!.left!.clock).toMatch(/^\d\d:\d\d:\d\d\.\d{6}$/)
    expect(starttls!.right!.clock).toMatch(/^\d\d:\d\d:\d\d\.\d{6}$/)
    // Unchanged lines are aligned as the same row.
    expect(set!.pairs[0]!.rows.find((r) => r.left?.text === '250-PIPELINING')).toMatchObject({
      kind: 'same',
      right: { text: '250-PIPELINING' },
    })
  })

  it('quotes the same line numbers as the finding', () => {
    const [finding] = rewrites([inside(), outside()])
    expect(finding!.params).toMatchObject({ original: '250-STARTTLS', changed: '250-XXXXXXXB' })
    const row = set!.pairs[0]!.rows.find((r) => r.left?.text === '250-STARTTLS')!
    expect(row.left!.line).toBe(finding!.params!.originalLine)
    expect(row.right!.line).toBe(finding!.params!.changedLine)
  })

  it('puts the inside capture on the left when the sides are known, whatever the order', () => {
    const [s] = captureLanes([
      outside('out', { side: 'outside', set: 'r1' }),
      inside('in', { side: 'inside', set: 'r1' }),
    ])
    expect(s).toMatchObject({ status: 'changed', left: { name: 'in', side: 'inside' }, right: { name: 'out' } })
    const row = s!.pairs[0]!.rows.find(
      (r) => r.kind === 'changed' && r.left?.direction === 'server' && /STARTTLS/.test(r.left.text),
    )
    expect(row?.right?.text).toBe('250-XXXXXXXB')
  })

  it('pasted dump text of the same frames gives the same rows as the pcap', () => {
    const dump = (file: string, name: string) =>
      captureRecord(readDumpText(asDump(file)), { name, origin: 'paste', bytes: 1 })
    const [fromDump] = captureLanes([
      dump('postfix-esmtp-inside.pcap', 'inside.pcap'),
      dump('postfix-esmtp-outside.pcap', 'outside.pcap'),
    ])
    const texts = (s: typeof set) => s!.pairs[0]!.rows.map((r) => [r.kind, r.left?.text, r.right?.text, r.left?.line])
    expect(texts(fromDump)).toEqual(texts(set))
  })
})

describe('counter-examples', () => {
  it('identical captures (inspection off) say so: no changed row', () => {
    const [s] = captureLanes([rec('postfix-off-inside.pcap', 'in'), rec('postfix-off-outside.pcap', 'out')])
    expect(s!.status).toBe('identical')
    expect(s!.pairs.length).toBeGreaterThan(0)
    expect(s!.pairs.flatMap((p) => p.rows).every((r) => r.kind === 'same')).toBe(true)
    expect(rewrites([rec('postfix-off-inside.pcap', 'in'), rec('postfix-off-outside.pcap', 'out')])).toEqual([])
  })

  it('one capture shows one lane and leaves the other side empty', () => {
    const [s] = captureLanes([inside()])
    expect(s).toMatchObject({ status: 'one-side', left: { name: 'inside.pcap' }, right: null })
    expect(s!.pairs[0]!.rows.every((r) => r.kind === 'only-left' && r.right === null)).toBe(true)
    expect(s!.pairs[0]!.differences).toBe(0)
    const [o] = captureLanes([outside('o', { side: 'outside' })])
    expect(o).toMatchObject({ left: null, right: { name: 'o' } })
    expect(o!.pairs[0]!.rows.every((r) => r.kind === 'only-right')).toBe(true)
  })

  it('connections that pair with nothing are counted, not drawn as a comparison', () => {
    const far = outside('far.pcap')
    // The same copy twice, an hour later and from other client ports: no port, no start time, no count fits.
    const shifted = (c: CaptureAdded['connections'][number], port: number) => ({
      ...c,
      start: c.start + 3_600_000_000,
      client: { ...c.client, port },
    })
    far.connections = [shifted(far.connections[0]!, 1), shifted(far.connections[0]!, 2)]
    const [s] = captureLanes([inside(), far])
    expect(s).toMatchObject({ status: 'no-pairs', pairs: [], unpaired: 3 })
  })
})

describe('capture sets', () => {
  it('groups by set id, and loose captures two by two in the order added', () => {
    const sets = captureSets([
      inside('a'),
      outside('x', { set: 'run', side: 'outside' }),
      outside('b'),
      inside('y', { set: 'run', side: 'inside' }),
      inside('c'),
    ])
    expect(sets.map((s) => s.map((r) => r.name))).toEqual([['a', 'b'], ['y', 'x'], ['c']])
  })

  it('two sets in one case each give their finding (pair numbers do not collide)', () => {
    const found = rewrites([
      inside('a-in'),
      outside('a-out'),
      inside('b-in', { set: 'r' }),
      outside('b-out', { set: 'r' }),
    ])
    expect(found.map((f) => f.params!.originalCapture)).toEqual(['a-in', 'b-in'])
  })
})

describe('alignment', () => {
  const l = (line: number, text: string, direction: LaneLine['direction'] = 'server'): LaneLine => ({
    line,
    clock: '00:00:00.000000',
    direction,
    text,
  })

  it('a line the firewall dropped stays on its own side; masks align with their original', () => {
    const rows = alignRows([l(1, '250-a'), l(2, '250-STARTTLS'), l(3, '250 DSN')], [l(1, '250-a'), l(2, '250 DSN')])
    expect(rows.map((r) => r.kind)).toEqual(['same', 'only-left', 'same'])
    const masked = alignRows([l(1, '250-STARTTLS')], [l(1, '250-XXXXXXXA')])
    expect(masked.map((r) => r.kind)).toEqual(['changed'])
    // Same text in the other direction is not the same line.
    expect(alignRows([l(1, 'QUIT', 'client')], [l(1, 'QUIT', 'server')]).map((r) => r.kind)).toEqual([
      'only-left',
      'only-right',
    ])
  })

  it('long conversations are capped and say how many rows were left out', () => {
    const big = inside('big')
    const c = big.connections[0]!
    c.lines = Array.from({ length: MAX_LANE_ROWS + 30 }, (_, i) => ({
      direction: 'client' as const,
      text: `NOOP ${i}`,
      ts: c.start + i,
      frame: i + 1,
    }))
    const [s] = captureLanes([big])
    expect(s!.pairs[0]!.rows).toHaveLength(MAX_LANE_ROWS)
    expect(s!.pairs[0]!.hiddenRows).toBe(30)
  })
})
