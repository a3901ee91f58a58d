/**
 * Fuzzing the contract's validators: whatever a compromised renderer sends, dispatch answers with a
 * structured result, never throws, and never hands a handler an input its schema rejects. Handlers here
 * only record (no network: a fuzzed probe target must never be dialled).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../src/main/api-handlers'
import { requests } from '../../src/shared/api'

const methods = Object.keys(requests) as Array<keyof typeof requests>

function recordingHandlers() {
  const received: Array<{ method: string; input: unknown }> = []
  const handlers = Object.fromEntries(
    methods.map((m) => [
      m,
      (input: unknown) => {
        received.push({ method: m, input })
        return undefined
      },
    ]),
  ) as unknown as Handlers
  return { handlers, received }
}

const anyInput = fc.oneof(
  fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.record({ __proto__: fc.anything(), constructor: fc.anything() }, { requiredKeys: [] }),
  fc.string({ maxLength: 70_000 }),
)

describe('contract validators under fuzzing', () => {
  it('random inputs to every method: a structured answer, and handlers only see valid input', async () => {
    const { handlers, received } = recordingHandlers()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), anyInput, async (method, input) => {
        received.length = 0
        const result = await dispatch(handlers, method, input)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(['invalid-input', 'failed']).toContain(result.error.code)
        for (const r of received)
          expect(requests[r.method as keyof typeof requests].input.safeParse(r.input).success).toBe(true)
      }),
      { numRuns: 1500 },
    )
  })

  it('unknown and hostile method names are refused', async () => {
    const { handlers, received } = recordingHandlers()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')),
        async (name) => {
          fc.pre(!methods.includes(name as never))
          const result = await dispatch(handlers, name, {})
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
        },
      ),
      { numRuns: 500 },
    )
    expect(received).toEqual([])
  })

  it('mutations of valid inputs never slip an out-of-range value through', async () => {
    const { handlers, received } = recordingHandlers()
    const valid = { targets: [{ host: '127.0.0.1', port: 25, vantage: 'direct' }] }
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 300 }), fc.constant(null)),
        fc.constantFrom('host', 'port', 'vantage'),
        async (value, key) => {
          received.length = 0
          const input = { targets: [{ ...valid.targets[0], [key]: value }] }
          await dispatch(handlers, 'probe.run', input)
          for (const r of received) {
            const target = (r.input as typeof valid).targets[0]!
            expect(Number.isInteger(target.port) && target.port >= 1 && target.port <= 65_535).toBe(true)
            expect(/^[A-Za-z0-9.:_-]{1,253}$/.test(target.host)).toBe(true)
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})
