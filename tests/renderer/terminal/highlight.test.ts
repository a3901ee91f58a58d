import { describe, expect, it } from 'vitest'
import { findHighlights } from '../../../src/renderer/src/terminal/highlight'

describe('terminal highlights', () => {
  it('marks the masked STARTTLS keyword, CLI errors and inspection commands', () => {
    expect(findHighlights('250 XXXXXXXA')).toEqual([{ start: 4, length: 8, kind: 'masked' }])
    expect(findHighlights("ERROR: % Invalid input detected at '^' marker.")[0]).toMatchObject({
      start: 0,
      kind: 'error',
    })
    expect(findHighlights('  inspect esmtp ').map((h) => h.kind)).toEqual(['inspection'])
    expect(findHighlights('no fixup protocol smtp 25')).toEqual([{ start: 0, length: 22, kind: 'inspection' }])
  })

  it('leaves ordinary output alone (counter-examples)', () => {
    expect(findHighlights('250 STARTTLS')).toEqual([])
    expect(findHighlights('  inspect ftp')).toEqual([])
    expect(findHighlights('XXX is not a masked keyword; neither is Xerox')).toEqual([])
    expect(findHighlights('')).toEqual([])
  })
})
