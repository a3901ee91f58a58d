/**
 * src/shared must run anywhere (renderer, main, CLI, report): no Node, Electron or DOM. The tsconfig for
 * shared has no Node or DOM types and biome forbids the imports; this test is the net under both.
 */
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importsOf, read, sourceFiles } from '../support/source-imports'

const root = join(import.meta.dirname, '../..')
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const FORBIDDEN_PACKAGES = /^(electron|react|react-dom|@xterm\/|ssh2|serialport|smtp-server|selfsigned)(\/|$)/
const FORBIDDEN_GLOBALS = /\b(window|document|navigator|localStorage|process|Buffer|require|__dirname)\s*[.[(]/

function sharedViolations(file: string, source: string): string[] {
  const found: string[] = []
  for (const spec of importsOf(source)) {
    if (NODE.has(spec) || spec.startsWith('node:')) found.push(`${file}: imports ${spec}`)
    else if (FORBIDDEN_PACKAGES.test(spec)) found.push(`${file}: imports ${spec}`)
    else if (spec.startsWith('.') && /\/(main|renderer|preload|cli|lab)\//.test(join('/src/shared/x', spec)))
      found.push(`${file}: imports ${spec} outside shared`)
  }
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`/g, "''")
  const global = FORBIDDEN_GLOBALS.exec(code)
  if (global) found.push(`${file}: uses ${global[1]}`)
  return found
}

describe('src/shared purity', () => {
  it('imports nothing from Node, Electron, the DOM or the other layers', () => {
    const files = sourceFiles(join(root, 'src/shared'))
    expect(files.length).toBeGreaterThan(5)
    const violations = files.flatMap((f) => sharedViolations(relative(root, f), read(f)))
    expect(violations).toEqual([])
  })

  it('the check catches each kind of violation (counter-examples)', () => {
    expect(sharedViolations('a.ts', "import { readFileSync } from 'node:fs'")).toHaveLength(1)
    expect(sharedViolations('a.ts', "import fs from 'fs'")).toHaveLength(1)
    expect(sharedViolations('a.ts', "import { app } from 'electron'")).toHaveLength(1)
    expect(sharedViolations('a.ts', "const x = await import('node:net')")).toHaveLength(1)
    expect(sharedViolations('a.ts', "import { CaseStore } from '../main/cases/case-store'")).toHaveLength(1)
    expect(sharedViolations('a.ts', 'const w = window.innerWidth')).toHaveLength(1)
    expect(sharedViolations('a.ts', 'const e = process.env.HOME')).toHaveLength(1)
    expect(
      sharedViolations('a.ts', "import { z } from 'zod'\n// window.x in a comment is fine\nconst s = 'process.env'"),
    ).toEqual([])
  })
})

describe('electron imports', () => {
  // The few main files DESIGN.md allows: app start-up, window, IPC registration, PDF printing, secret storage, and
  // the confirmation before a web link goes to the browser (dialog + shell.openExternal).
  const ALLOWED = [
    /^src\/main\/index\.ts$/,
    /^src\/main\/window\.ts$/,
    /^src\/main\/window-links\.ts$/,
    /^src\/main\/ipc\.ts$/,
    /^src\/main\/menu\.ts$/,
    /^src\/main\/report\/pdf-electron\.ts$/,
    /^src\/main\/secrets\/safe-storage\.ts$/,
    /^src\/preload\//,
  ]

  it('only the allowed main files import electron', () => {
    const files = ['src/main', 'src/cli', 'src/lab', 'src/renderer'].flatMap((d) => sourceFiles(join(root, d)))
    const offenders = files
      .map((f) => relative(root, f))
      .filter((f) => importsOf(read(join(root, f))).some((s) => s === 'electron' || s.startsWith('electron/')))
      .filter((f) => !ALLOWED.some((re) => re.test(f)))
    expect(offenders).toEqual([])
  })
})
