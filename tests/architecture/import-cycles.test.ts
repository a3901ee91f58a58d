/**
 * No module in src may import itself back through others at run time (issue 15): a cycle means one module can see
 * another half-initialised, and it usually means two concerns were not cut apart. Type-only imports do not count.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph, runtimeImportsOf } from '../support/import-graph'

const SRC = join(__dirname, '../../src')

/**
 * Cycles known and owned by someone else at the time of writing, each with who breaks it. Keep this list empty;
 * an entry is a debt with a name on it, and a cycle that is gone must leave the list (the test checks both ways).
 */
const ALLOWED: string[][] = []

describe('import cycles in src', () => {
  it('there are none beyond the explicit allow-list, and the allow-list holds no cycle that is gone', () => {
    const cycles = importCycles(importGraph(SRC)).map((group) => group.join(' ↔ '))
    expect(cycles).toEqual(ALLOWED.map((group) => [...group].sort().join(' ↔ ')))
  })

  it('finds a cycle when there is one, and ignores type-only imports (counter-examples)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ])
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']])
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([])
    const source = [
      "import type { A } from './a'",
      "import { type B, type C } from './b'",
      "export type { D } from './d'",
      "import { e, type E } from './e'",
      "export { f } from './f'",
      "import g from './g'",
      "import './h'",
    ].join('\n')
    expect(runtimeImportsOf(source)).toEqual(['./e', './f', './g', './h'])
  })
})
