/** Lists a TypeScript source's import specifiers and the browser/Node globals it touches. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s+['"]([^'"]+)['"]|require\s*\(\s*['"]([^'"]+)['"]/g

export function importsOf(source: string): string[] {
  const out: string[] = []
  for (const m of source.matchAll(IMPORT_RE)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!)
  return out
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(path)
  }
  return out
}

export function read(path: string): string {
  return readFileSync(path, 'utf8')
}
