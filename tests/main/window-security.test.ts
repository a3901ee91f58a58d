/**
 * The Electron window's security settings. Electron cannot run here, so 'electron' is replaced by a
 * recording stand-in (the one mock the house rules allow) and the real src/main/window.ts is exercised.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeTempDir } from '../support/temp-dir'

type Handler = (...args: unknown[]) => unknown
const recorded = vi.hoisted(() => ({
  options: undefined as unknown,
  webHandlers: new Map<string, Handler>(),
  openHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
  external: [] as string[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (recorded.openHandler = h),
      on: (event: string, h: Handler) => recorded.webHandlers.set(event, h),
    }
    constructor(options: unknown) {
      recorded.options = options
    }
    on() {}
    loadFile() {
      return Promise.resolve()
    }
    loadURL() {
      return Promise.resolve()
    }
  }
  return { BrowserWindow, shell: { openExternal: (url: string) => recorded.external.push(url) } }
})

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('main window security', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', async () => {
    temp = makeTempDir()
    const { createMainWindow } = await import('../../src/main/window')
    createMainWindow(join(temp.path, 'w.json'))
    const prefs = (recorded.options as { webPreferences: Record<string, unknown> }).webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(prefs.nodeIntegrationInWorker).not.toBe(true)
    expect(prefs.preload).toMatch(/preload[/\\]index\.js$/)
  })

  it('denies new windows (web links go to the system browser) and blocks navigation and webviews', async () => {
    temp = makeTempDir()
    const { createMainWindow } = await import('../../src/main/window')
    createMainWindow(join(temp.path, 'w.json'))
    expect(recorded.openHandler?.({ url: 'https://cisco.com/c/en/us/support' })).toEqual({ action: 'deny' })
    expect(recorded.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(recorded.external).toEqual(['https://cisco.com/c/en/us/support'])
    for (const event of ['will-navigate', 'will-attach-webview']) {
      let prevented = false
      recorded.webHandlers.get(event)?.({ preventDefault: () => (prevented = true) })
      expect({ event, prevented }).toEqual({ event, prevented: true })
    }
  })
})

describe('built renderer', () => {
  const html = join(import.meta.dirname, '../../out/renderer/index.html')
  it.runIf(existsSync(html))('carries a strict Content-Security-Policy', () => {
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(html, 'utf8'))?.[1] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/unsafe-eval/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).not.toMatch(/https?:/)
  })
})
