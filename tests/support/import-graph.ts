/**
 * The runtime import graph of a source tree and its cycles. Type-only imports (`import type`, `export type`) are left
 * out: they vanish when compiled and cannot make a module see another half-initialised. Resolves relative specifiers
 * and the `@shared`/`@renderer` aliases of vitest.config.mts; packages are not followed.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { read, sourceFiles } from './source-imports'

const STATEMENT =
  /(?:^|[\s;])(import|export)(\s+type)?\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s+['"]([^'"]+)['"]/g

/** The specifiers a module loads at run time (type-only imports and exports excluded). */
export function runtimeImportsOf(source: string): string[] {
  const out: string[] = []
  for (const m of source.matchAll(STATEMENT)) {
    if (m[2]) continue
    // `import { type A, type B } from` is type-only too when every name in the braces is a type.
    const clause = m[0].replace(/^[\s;(]*(import|export)\s+/, '').replace(/\s*from\s*['"][^'"]+['"]$/, '')
    const braces = /^\{([^}]*)\}$/.exec(clause.trim())
    const onlyTypes = braces !== null && braces[1]!.split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()))
    if (onlyTypes) continue
    out.push((m[3] ?? m[4] ?? m[5])!)
  }
  return out
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx']

function resolveFile(base: string): string | null {
  if (existsSync(base) && statSync(base).isFile()) return base
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext
  return null
}

export function importGraph(srcRoot: string): Map<string, string[]> {
  const aliases: Record<string, string> = {
    '@shared/': join(srcRoot, 'shared/'),
    '@renderer/': join(srcRoot, 'renderer/src/'),
  }
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(srcRoot)) {
    const targets: string[] = []
    for (const raw of runtimeImportsOf(read(file))) {
      const spec = raw.replace(/\?.*$/, '')
      const alias = Object.keys(aliases).find((a) => spec.startsWith(a))
      const base = alias
        ? join(aliases[alias]!, spec.slice(alias.length))
        : spec.startsWith('.')
          ? resolve(dirname(file), spec)
          : null
      const target = base === null ? null : resolveFile(base)
      if (target) targets.push(relative(srcRoot, target).split('\\').join('/'))
    }
    graph.set(relative(srcRoot, file).split('\\').join('/'), targets)
  }
  return graph
}

/** Every strongly connected group of more than one module (or a module importing itself), each sorted. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred modules.
  let index = 0
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: string[][] = []
  const visit = (node: string): void => {
    indices.set(node, index)
    low.set(node, index)
    index += 1
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!))
    }
    if (low.get(node) === indices.get(node)) {
      const group: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        group.push(member)
      } while (member !== node)
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group.sort())
    }
  }
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node)
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!))
}
