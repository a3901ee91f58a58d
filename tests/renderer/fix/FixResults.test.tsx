/** Issue 18 point 11: a pre-check whose state could not be read is "not checked", never a green ✓. */
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FixResults } from '../../../src/renderer/src/fix/FixResults'
import type { Preview } from '../../../src/shared/fix/types'

const preview = {
  plan: { kind: 'apply', remedyId: 'r', lines: [], undo: [], impactKey: 'x', params: {} },
  device: { hostname: 'ciscoasa', platform: 'asa', version: '9.8', context: null, prompt: 'ciscoasa#' },
  checks: [
    { id: 'privilege', passed: true, key: 'fix.checks.privilege.ok', params: { prompt: 'ciscoasa#' } },
    { id: 'failover', passed: true, key: 'fix.checks.failover.unknown', params: {} },
    { id: 'context', passed: false, key: 'fix.checks.context.system', params: {} },
  ],
  token: null,
} as unknown as Preview

describe('fix pre-checks', () => {
  it('marks a state that could not be read as not checked, a pass as ✓ and a failure as ✗', () => {
    render(<FixResults preview={preview} />)
    const items = screen.getAllByRole('listitem').map((li) => [li.className, li.textContent?.slice(0, 1)])
    expect(items).toEqual([
      ['passed', '✓'],
      ['unchecked', '–'],
      ['failed', '✗'],
    ])
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent('(not checked)')
  })
})
