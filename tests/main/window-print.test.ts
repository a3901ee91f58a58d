/**
 * Issue 14: the hidden print window (src/main/report/pdf-electron.ts) gets the same lock as the main window: no new
 * windows, no navigation, no webviews, every permission denied. Electron cannot run here, so 'electron' is replaced
 * by a recording stand-in and the real printer code runs against it.
 */
import { describe, expect, it, vi } from 'vitest'

type Handler = (...args: unknown[]) => unknown
const recorded = vi.hoisted(() => ({
  webHandlers: new Map<string, Handler>(),
  openHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((wc: unknown, permission: string) => boolean),
  external: [] as string[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    destroyed = false
    webContents = {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (recorded.openHandler = h),
      on: (event: string, h: Handler) => recorded.webHandlers.set(event, h),
      executeJavaScript: async () => 0,
      printToPDF: async () => Buffer.from('%PDF-1.7\n'),
      session: {
        webRequest: { onBeforeRequest: () => {} },
        setPermissionRequestHandler: (h: typeof recorded.permissionRequest) => (recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => (recorded.permissionCheck = h),
      },
    }
    loadURL() {
      return Promise.resolve()
    }
    isDestroyed() {
      return this.destroyed
    }
    destroy() {
      this.destroyed = true
    }
  }
  return {
    app: { isPackaged: false, getLocale: () => 'en-US' },
    BrowserWindow,
    shell: { openExternal: async (url: string) => void recorded.external.push(url) },
    dialog: { showMessageBox: async () => ({ response: 0 }) },
  }
})

describe('the print window', () => {
  it('denies new windows, navigation, webviews and permissions, like the main window', async () => {
    const { createElectronPrinter } = await import('../../src/main/report/pdf-electron')
    const printer = createElectronPrinter()
    const pdf = await printer.print('<!doctype html><p>report</p>')
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF/)
    expect(recorded.openHandler?.({ url: 'https://cisco.com/' })).toEqual({ action: 'deny' })
    await new Promise((r) => setTimeout(r, 20))
    // A report has no business opening the browser, not even after a question.
    expect(recorded.external).toEqual([])
    for (const event of ['will-navigate', 'will-attach-webview', 'will-redirect']) {
      let prevented = false
      recorded.webHandlers.get(event)?.({ preventDefault: () => (prevented = true) })
      expect({ event, prevented }).toEqual({ event, prevented: true })
    }
    const answers: boolean[] = []
    recorded.permissionRequest?.({}, 'media', (ok) => answers.push(ok))
    expect(answers).toEqual([false])
    expect(recorded.permissionCheck?.({}, 'clipboard-read')).toBe(false)
    await printer.close()
  })
})
