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
  dialogs: [] as Array<{ message: string; detail: string; buttons: string[] }>,
  dialogAnswer: 1,
  loaded: [] as string[],
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((wc: unknown, permission: string) => boolean),
  app: { isPackaged: false, getLocale: () => 'en-US' },
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (recorded.openHandler = h),
      on: (event: string, h: Handler) => recorded.webHandlers.set(event, h),
      session: {
        setPermissionRequestHandler: (h: typeof recorded.permissionRequest) => (recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => (recorded.permissionCheck = h),
      },
    }
    constructor(options: unknown) {
      recorded.options = options
    }
    on() {}
    loadFile(file: string) {
      recorded.loaded.push(`file:${file}`)
      return Promise.resolve()
    }
    loadURL(url: string) {
      recorded.loaded.push(`url:${url}`)
      return Promise.resolve()
    }
  }
  return {
    app: recorded.app,
    BrowserWindow,
    shell: { openExternal: async (url: string) => void recorded.external.push(url) },
    dialog: {
      showMessageBox: async (a: unknown, b?: { message: string; detail: string; buttons: string[] }) => {
        recorded.dialogs.push(b ?? (a as { message: string; detail: string; buttons: string[] }))
        return { response: recorded.dialogAnswer }
      },
    },
  }
})

afterEach(() => {
  recorded.external.length = 0
  recorded.dialogs.length = 0
  recorded.loaded.length = 0
  recorded.app.isPackaged = false
  vi.unstubAllEnvs()
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
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
    expect(prefs.nodeIntegrationInWorker).not.toBe(true)
    expect(prefs.preload).toMatch(/preload[/\\]index\.js$/)
  })

  it('denies new windows and blocks navigation and webviews', async () => {
    temp = makeTempDir()
    const { createMainWindow } = await import('../../src/main/window')
    createMainWindow(join(temp.path, 'w.json'))
    expect(recorded.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    for (const event of ['will-navigate', 'will-attach-webview']) {
      let prevented = false
      recorded.webHandlers.get(event)?.({ preventDefault: () => (prevented = true) })
      expect({ event, prevented }).toEqual({ event, prevented: true })
    }
  })

  it('opens an http(s) link in the browser only after a confirmation showing the URL (issue 14)', async () => {
    temp = makeTempDir()
    const { createMainWindow } = await import('../../src/main/window')
    createMainWindow(join(temp.path, 'w.json'))
    recorded.dialogAnswer = 1
    expect(recorded.openHandler?.({ url: 'https://cisco.com/c/en/us/support' })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(recorded.dialogs).toHaveLength(1))
    expect(recorded.dialogs[0]!.detail).toBe('https://cisco.com/c/en/us/support')
    expect(recorded.external).toEqual([])
    recorded.dialogAnswer = 0
    recorded.openHandler?.({ url: 'https://cisco.com/c/en/us/support' })
    await vi.waitFor(() => expect(recorded.external).toEqual(['https://cisco.com/c/en/us/support']))
    // Not http(s): no question, nothing opened.
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'ms-msdt:/id']) {
      recorded.openHandler?.({ url })
    }
    await new Promise((r) => setTimeout(r, 20))
    expect(recorded.dialogs).toHaveLength(2)
    expect(recorded.external).toEqual(['https://cisco.com/c/en/us/support'])
  })

  it('the link confirmation shows an IDN host as punycode, and refuses over-long URLs', async () => {
    const { confirmAndOpenExternal } = await import('../../src/main/window-links')
    recorded.dialogAnswer = 0
    expect(await confirmAndOpenExternal('https://exаmple.com/', null)).toBe(true)
    expect(recorded.dialogs[0]!.detail).toBe('https://xn--exmple-4nf.com/')
    expect(await confirmAndOpenExternal(`https://a.example/${'x'.repeat(3000)}`, null)).toBe(false)
    expect(recorded.dialogs).toHaveLength(1)
  })

  it('denies every permission request and permission check (Electron grants by default) (issue 14)', async () => {
    temp = makeTempDir()
    const { createMainWindow } = await import('../../src/main/window')
    createMainWindow(join(temp.path, 'w.json'))
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'serial']) {
      const answers: boolean[] = []
      recorded.permissionRequest?.({}, permission, (ok) => answers.push(ok))
      expect({ permission, answers }).toEqual({ permission, answers: [false] })
      expect(recorded.permissionCheck?.({}, permission)).toBe(false)
    }
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app and loads its own index.html (issue 14)', async () => {
    temp = makeTempDir()
    const { createMainWindow } = await import('../../src/main/window')
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:5173/')
    createMainWindow(join(temp.path, 'w.json'))
    expect(recorded.loaded).toEqual(['url:http://127.0.0.1:5173/'])
    recorded.loaded.length = 0
    recorded.app.isPackaged = true
    createMainWindow(join(temp.path, 'w.json'))
    expect(recorded.loaded).toHaveLength(1)
    expect(recorded.loaded[0]).toMatch(/^file:.*renderer[/\\]index\.html$/)
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
