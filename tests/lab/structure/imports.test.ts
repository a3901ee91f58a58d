/**
 * The lab's import graph (issue 15.8): no cycles inside src/lab — type-only imports count, since they too make a
 * newcomer read two files to understand one — and nothing from src/shared or src/main, so the lab stays an
 * independent reading of the device and cannot share a parser's mistakes with the product.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const lab = join(root, 'src/lab')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!)
}

function resolveLocal(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined
  const base = resolve(dirname(file), spec)
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {}
  }
  return undefined
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>()
  for (const file of sourceFiles(lab)) {
    g.set(
      file,
      imports(file).flatMap((s) => resolveLocal(file, s) ?? []),
    )
  }
  return g
}

function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of g.get(node) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => relative(root, f)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of g.keys()) if (!state.has(node)) visit(node)
  return found
}

describe('src/lab import graph', () => {
  it('has no import cycle (asa-shell ↔ asa-exec-commands and lab-device ↔ failover are gone)', () => {
    expect(cycles(graph())).toEqual([])
  })

  it('the cycle finder does find a cycle (counter-example)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['a']],
      ['c', []],
    ])
    expect(cycles(g)).toHaveLength(1)
  })

  it('imports nothing from src/shared or src/main', () => {
    const outside = [...graph().keys()].flatMap((file) =>
      imports(file)
        .filter((s) => s.startsWith('.') && /\/src\/(shared|main|renderer|cli)\//.test(`${resolve(dirname(file), s)}/`))
        .map((s) => `${relative(root, file)} → ${s}`),
    )
    expect(outside).toEqual([])
  })
})
