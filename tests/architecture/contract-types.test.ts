/**
 * The IPC contract states what each method returns: no output passes through as `unknown` (issue 15). A typed
 * `z.custom<Analysis>()` is allowed (the engine's result is made in main and only read), `z.custom<unknown>` is not.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requests } from '../../src/shared/api'

const API = readFileSync(join(__dirname, '../../src/shared/api.ts'), 'utf8')

describe('the IPC contract', () => {
  it('has no z.custom<unknown>() and no z.unknown() output', () => {
    expect(API).not.toMatch(/z\.custom<unknown>/)
    const untyped = Object.entries(requests).filter(([, r]) => (r.output.def.type as string) === 'unknown')
    expect(untyped.map(([name]) => name)).toEqual([])
  })

  it('checks a fix output at the boundary: a refusal with an unknown code does not pass (counter-example)', () => {
    const save = requests['fix.save'].output
    expect(save.safeParse({ refused: true, code: 'tokenUsed', params: {} }).success).toBe(true)
    expect(save.safeParse({ refused: true, code: 'whatever', params: {} }).success).toBe(false)
  })
})
