/** The event union: every type has one schema, readers are lenient with old shapes, strict about the wrong type. */
import { describe, expect, it } from 'vitest'
import { isJournalType, JOURNAL, type JournalSink, journalEvents, readEvent } from '../../../src/shared/journal/events'

describe('journal event union', () => {
  it('has exactly one schema per type, and knows no other type', () => {
    expect(Object.keys(journalEvents).sort()).toEqual(Object.values(JOURNAL).sort())
    expect(isJournalType('fix.applied')).toBe(true)
    expect(isJournalType('probe.line')).toBe(false)
  })

  it('reads an entry of the asked type, ignoring fields it does not know', () => {
    const entry = { type: JOURNAL.fixSaved, data: { device: 'ciscoasa', saved: true, extra: 'ignored' } }
    expect(readEvent(entry, JOURNAL.fixSaved)).toEqual({ device: 'ciscoasa', saved: true })
  })

  it('gives undefined for another type or data that does not fit (counter-examples)', () => {
    expect(
      readEvent({ type: JOURNAL.fixSaved, data: { device: 'x', saved: true } }, JOURNAL.fixApplied),
    ).toBeUndefined()
    expect(readEvent({ type: JOURNAL.fixSaved, data: { device: 'x' } }, JOURNAL.fixSaved)).toBeUndefined()
  })

  it('still reads a probe result written by an older version (string reply lines, firstLine/lastLine)', () => {
    const old = {
      target: { host: '127.0.0.1', port: 2525 },
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 10,
      phases: [],
      transcript: [],
      banner: { code: 220, lines: ['mail ESMTP'], firstLine: 1, lastLine: 1 },
      greeting: {
        reply: { code: 250, lines: ['XXXXXXXA'] },
        extensions: [{ keyword: 'XXXXXXXA', masked: true, line: 3 }],
      },
      outcome: 'completed',
    }
    const read = readEvent({ type: 'probe.result', data: old }, JOURNAL.probeResult)
    expect(read?.banner).toEqual({ code: 220, lines: ['mail ESMTP'], firstLine: 1, lastLine: 1 })
    expect(read?.greeting?.extensions[0]).toEqual({ keyword: 'XXXXXXXA', line: 3, masked: true })
  })

  it('reads either diagnosis type with one schema', () => {
    const data = { findings: [], causes: [] }
    const types = [JOURNAL.analysisResult, JOURNAL.diagnosisResult]
    expect(readEvent({ type: JOURNAL.analysisResult, data }, types)).toMatchObject({ findings: [] })
    expect(readEvent({ type: JOURNAL.diagnosisResult, data }, types)).toMatchObject({ findings: [] })
  })

  it('types every writer by the union (the @ts-expect-error lines are checked by npm run typecheck)', () => {
    const written: string[] = []
    const sink: JournalSink<void> = { append: (type) => void written.push(type) }
    sink.append(JOURNAL.fixSaved, { device: 'ciscoasa', saved: true })
    // @ts-expect-error not a journal type
    sink.append('probe.line', {})
    // @ts-expect-error fix.saved needs `saved`
    sink.append(JOURNAL.fixSaved, { device: 'ciscoasa' })
    expect(written).toEqual(['fix.saved', 'probe.line', 'fix.saved'])
  })
})
