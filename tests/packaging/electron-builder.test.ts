/** Packaging cannot run here (it downloads Electron); this checks the configuration it would use. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  files: string[]
  win: { target: string[] }
  mac: { target: string[] }
  linux: { target: string[] }
  npmRebuild: boolean
  extraResources: Array<{ from: string }>
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  main: string
}

describe('packaging configuration', () => {
  it('builds an NSIS installer, a dmg and an AppImage', () => {
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.linux.target).toEqual(['AppImage'])
  })

  it('ships the built app, never the sources, and does not rebuild native modules against the wrong ABI', () => {
    expect(config.files).toContain('out/**')
    expect(config.files.some((f) => f.startsWith('src'))).toBe(false)
    expect(config.npmRebuild).toBe(false)
    expect(pkg.main).toBe('./out/main/index.js')
    for (const r of config.extraResources) expect(existsSync(join(root, r.from))).toBe(true)
  })

  it('has a documented dist script', () => {
    expect(pkg.scripts.dist).toMatch(/electron-builder.*--config electron-builder\.json/)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/npm run dist/)
  })
})

describe('Electron fuses (issue 14)', () => {
  // https://www.electronjs.org/docs/latest/tutorial/fuses ; electron-builder `electronFuses` (FuseOptionsV1).
  it('turns off ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect; encrypts cookies; loads only a checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.asar).toBe(true)
  })
})
