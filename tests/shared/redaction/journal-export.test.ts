import { describe, expect, it } from 'vitest'
import { REDACTION_MARKER, redactJournalForExport } from '../../../src/shared/redaction'

const journal = [
  { seq: 0, at: 't0', type: 'case.created', data: { customer: 'ACME', site: 'Bluebird campus' } },
  {
    seq: 1,
    at: 't1',
    type: 'device.output',
    data: {
      device: 'fw1',
      command: 'show run',
      output: 'hostname fw1\nsnmp-server community N0c-C0mm\n  inspect esmtp\n',
    },
  },
  { seq: 2, at: 't2', type: 'note', data: { lines: ['poller uses N0c-C0mm', 'nothing to hide'] } },
  { seq: 3, at: 't3', type: 'redaction.mark', data: { text: 'Bluebird' } },
]

describe('redactJournalForExport', () => {
  it('removes rule-found secrets, their repeats and the marks from every entry, and keeps the rest', () => {
    const out = redactJournalForExport(journal)
    const json = JSON.stringify(out)
    expect(json).not.toContain('N0c-C0mm')
    expect(json).not.toContain('Bluebird')
    expect(out.map((e) => [e.seq, e.at, e.type])).toEqual(journal.map((e) => [e.seq, e.at, e.type]))
    expect((out[1]!.data as { output: string }).output).toBe(
      `hostname fw1\nsnmp-server community ${REDACTION_MARKER}\n  inspect esmtp\n`,
    )
    expect((out[2]!.data as { lines: string[] }).lines).toEqual([`poller uses ${REDACTION_MARKER}`, 'nothing to hide'])
    expect(out[3]!.data).toEqual({ text: REDACTION_MARKER })
  })

  it('errs on the safe side in prose: the word after "secret" or "password" goes too', () => {
    const out = redactJournalForExport([{ type: 'note', data: 'the secret sauce' }])
    expect(out[0]!.data).toBe(`the secret ${REDACTION_MARKER}`)
  })

  it('does not change the entries it was given', () => {
    redactJournalForExport(journal)
    expect((journal[1]!.data as { output: string }).output).toContain('N0c-C0mm')
  })

  it('takes extra marks from the caller', () => {
    const out = redactJournalForExport(journal, ['ACME'])
    expect(out[0]!.data).toEqual({ customer: REDACTION_MARKER, site: `${REDACTION_MARKER} campus` })
  })
})
