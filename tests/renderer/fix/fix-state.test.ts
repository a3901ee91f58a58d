/** The fix dialog's state machine (issue 15 point 8, issue 18 point 4): steps in order, this fix's lines only. */
import { describe, expect, it } from 'vitest'
import {
  canClose,
  type FixAction,
  type FixState,
  fixReducer,
  initialFixState,
  pendingRequest,
} from '../../../src/renderer/src/fix/fix-state'
import type { FixStart } from '../../../src/shared/api'
import type { ApplyResult, Preview, VerifyResult } from '../../../src/shared/fix/types'

const FIX = '11111111-1111-4111-8111-111111111111'
const OTHER = '22222222-2222-4222-8222-222222222222'
const start = {
  fixId: FIX,
  device: { hostname: 'ciscoasa', platform: 'asa', version: '9.8', prompt: 'ciscoasa#' },
} as FixStart
const preview = (token: string | null) => ({ token, plan: { kind: 'apply' } }) as unknown as Preview
const applied = { refused: false, kind: 'apply', outcome: 'applied', sent: [{ index: 1 }] } as unknown as ApplyResult
const verified = { outcome: 'fixed', checks: [] } as unknown as VerifyResult

const run = (actions: FixAction[], from: FixState = initialFixState) => actions.reduce(fixReducer, from)
const line = (fixId: string, index: number) =>
  ({ type: 'line', line: { fixId, index, command: `line ${index}`, status: 'ok' } }) as const

describe('fix dialog state', () => {
  it('walks Read → Review → Confirm → Send → Verify → Save, asking for one request per busy step', () => {
    let s = run([{ type: 'read' }])
    expect(pendingRequest(s.phase)).toBe('start')
    s = run([{ type: 'started', start, preview: preview('tok') }, { type: 'next' }], s)
    expect(s.phase.step).toBe('confirm')
    expect(pendingRequest(s.phase)).toBeUndefined()
    s = run([{ type: 'typed', text: 'ciscoasa' }, { type: 'apply' }], s)
    expect(s.phase.step).toBe('send')
    expect(pendingRequest(s.phase)).toBe('apply')
    expect(canClose(s.phase)).toBe(false)
    s = run([{ type: 'applied', applied }, { type: 'verify' }], s)
    expect(pendingRequest(s.phase)).toBe('verify')
    s = run([{ type: 'verified', verified }], s)
    expect(s.phase.step).toBe('save')
    expect(canClose(s.phase)).toBe(true)
    expect(pendingRequest(run([{ type: 'save' }], s).phase)).toBe('save')
    expect(pendingRequest(run([{ type: 'undo' }], s).phase)).toBe('undo')
  })

  it('refuses to send without the typed hostname, and cannot pass review when a pre-check failed (counter-examples)', () => {
    const confirm = run([{ type: 'started', start, preview: preview('tok') }, { type: 'next' }])
    expect(run([{ type: 'typed', text: 'otherhost' }, { type: 'apply' }], confirm).phase.step).toBe('confirm')
    const refused = run([{ type: 'started', start, preview: preview(null) }, { type: 'next' }])
    expect(refused.phase.step).toBe('review')
  })

  it('keeps only this fix’s progress lines, each once, in the order they came', () => {
    const sending = run([
      { type: 'started', start, preview: preview('tok') },
      { type: 'next' },
      { type: 'typed', text: 'ciscoasa' },
      { type: 'apply' },
    ])
    const s = run([line(FIX, 1), line(OTHER, 1), line(FIX, 2), line(FIX, 2), line(OTHER, 3)], sending)
    expect(s.lines.map((l) => [l.fixId, l.index])).toEqual([
      [FIX, 1],
      [FIX, 2],
    ])
  })

  it('a failed send goes back to Confirm with the error and the lines kept', () => {
    const sending = run([
      { type: 'started', start, preview: preview('tok') },
      { type: 'next' },
      { type: 'typed', text: 'ciscoasa' },
      { type: 'apply' },
      line(FIX, 1),
    ])
    const s = run([{ type: 'failed', error: 'session lost' }], sending)
    expect(s.phase).toMatchObject({ step: 'confirm', busy: false })
    expect(s.error).toBe('session lost')
    expect(s.lines).toHaveLength(1)
  })
})
