/**
 * pdf-electron.ts is the report's only Electron file, and nothing the CLI loads may reach it: requiring 'electron' in
 * plain Node tries to download Electron (see the toolchain notes). Follows relative imports from the CLI entry.
 */
import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importsOf, read, sourceFiles } from '../../support/source-imports'

const root = join(import.meta.dirname, '../../..')

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && candidate.match(/\.(ts|tsx)$/)) return candidate
  return null
}

/** Every local file reachable from `entry`, with the package imports each one makes. */
function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>()
  const queue = [entry]
  while (queue.length) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    const specs = importsOf(read(file))
    seen.set(file, specs)
    for (const spec of specs) {
      const local = resolveLocal(file, spec)
      if (local) queue.push(local)
    }
  }
  return seen
}

describe('Electron stays out of the report as the CLI uses it', () => {
  it('only pdf-electron.ts imports electron in src/main/report', () => {
    const importers = sourceFiles(join(root, 'src/main/report'))
      .filter((f) => importsOf(read(f)).some((s) => s === 'electron' || s.startsWith('electron/')))
      .map((f) => relative(root, f))
    expect(importers).toEqual(['src/main/report/pdf-electron.ts'])
  })

  it('the CLI entry never reaches pdf-electron.ts or electron', () => {
    const files = graph(join(root, 'src/cli/index.ts'))
    expect([...files.keys()].some((f) => f.endsWith('src/cli/commands/report.ts'))).toBe(true)
    expect([...files.keys()].filter((f) => f.endsWith('pdf-electron.ts'))).toEqual([])
    const electron = [...files].filter(([, specs]) => specs.includes('electron')).map(([f]) => relative(root, f))
    expect(electron).toEqual([])
  })
})
