/**
 * Issue 14, dependencies: nothing in the shipped (non-dev) tree pulls Electron or its downloader (@electron/get) in
 * through @electron-toolkit/*, which nothing imported; Electron and playwright-core are at the newest 45.x / 1.65.x
 * patch releases (`npm view electron versions --json` on 2026-12-05: 45.6.1; playwright-core: 1.65.2) and installed
 * as declared.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>
}
const installed = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx|mts)$/.test(name) ? [path] : []
  })
}

describe('dependencies', () => {
  it('the runtime tree holds neither Electron nor its downloader', () => {
    const runtime = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.dev)
    const names = runtime.map(([path]) => path.replace(/^.*node_modules\//, ''))
    expect(names).not.toContain('electron')
    expect(names).not.toContain('@electron/get')
    expect(names.filter((n) => n.startsWith('@electron-toolkit/'))).toEqual([])
    expect(Object.keys(pkg.dependencies).filter((n) => n.startsWith('@electron-toolkit/'))).toEqual([])
  })

  it('nothing imports the removed toolkit packages', () => {
    const importers = sources(join(root, 'src')).filter((f) =>
      /@electron-toolkit\/(preload|utils)/.test(readFileSync(f, 'utf8')),
    )
    expect(importers).toEqual([])
  })

  it('Electron 45.6.1 and playwright-core 1.65.2, exact and installed as declared', () => {
    expect(pkg.devDependencies.electron).toBe('45.6.1')
    expect(pkg.dependencies['playwright-core']).toBe('1.65.2')
    expect(installed('electron')).toBe('45.6.1')
    expect(installed('playwright-core')).toBe('1.65.2')
  })
})
