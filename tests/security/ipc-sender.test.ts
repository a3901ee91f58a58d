/**
 * Every IPC call's sender is checked: only our own window's top frame, loaded from the app, may call main.
 * Electron cannot run here, so ipcMain and BrowserWindow are stand-ins that record the registered handlers;
 * the real src/main/ipc.ts and the real dispatch run behind them.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'

type Handler = (event: unknown, input: unknown) => Promise<unknown>
const registered = vi.hoisted(() => new Map<string, Handler>())
const trustedWebContents = vi.hoisted(() => ({ id: 1 }))
const electronApp = vi.hoisted(() => ({ isPackaged: false }))

vi.mock('electron', () => ({
  app: electronApp,
  ipcMain: { handle: (channel: string, handler: Handler) => registered.set(channel, handler) },
  BrowserWindow: { fromWebContents: (wc: unknown) => (wc === trustedWebContents ? { trusted: true } : null) },
}))

/** The app's own page: src/main/../renderer/index.html here, out/main/../renderer/index.html when built. */
const APP_PAGE = pathToFileURL(join(import.meta.dirname, '../../src/renderer/index.html')).href
afterEach(() => {
  electronApp.isPackaged = false
  vi.unstubAllEnvs()
})

const calls: string[] = []
const handlers = new Proxy(
  {},
  {
    get: (_t, method: string) => () => {
      calls.push(method)
      return []
    },
  },
)

async function call(channel: string, event: unknown, input: unknown = undefined) {
  const { registerIpc } = await import('../../src/main/ipc')
  if (registered.size === 0)
    registerIpc(handlers as never, (w) => (w as { trusted?: boolean } | null)?.trusted === true)
  return registered.get(channel)!(event, input)
}

const topFrame = (url: string) => ({ url, parent: null })

describe('IPC sender checks', () => {
  it("accepts the app window's top frame loaded from file://", async () => {
    calls.length = 0
    const result = await call('unmask:req:cases.list', {
      sender: trustedWebContents,
      senderFrame: topFrame(APP_PAGE),
    })
    expect(result).toEqual({ ok: true, value: [] })
    expect(calls).toEqual(['cases.list'])
  })

  it('rejects subframes, foreign origins, other windows and missing frames without running anything', async () => {
    calls.length = 0
    const forbidden = [
      { sender: trustedWebContents, senderFrame: { url: APP_PAGE, parent: {} } },
      { sender: trustedWebContents, senderFrame: topFrame('https://evil.example/') },
      { sender: { id: 2 }, senderFrame: topFrame(APP_PAGE) },
      { sender: trustedWebContents, senderFrame: null },
    ]
    for (const event of forbidden) {
      expect(await call('unmask:req:cases.list', event)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      })
    }
    expect(calls).toEqual([])
  })

  it('validates inputs against the contract even from the trusted frame', async () => {
    calls.length = 0
    const event = { sender: trustedWebContents, senderFrame: topFrame(APP_PAGE) }
    expect(await call('unmask:req:cases.create', event, { customer: { $gt: '' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await call('unmask:req:session.write', event, { sessionId: '1', data: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(calls).toEqual([])
  })

  it('accepts only the exact index.html of the app, not any file: URL (issue 14)', async () => {
    calls.length = 0
    for (const url of ['file:///etc/passwd', 'file:///tmp/evil/index.html', `${APP_PAGE}/../../evil.html`]) {
      const event = { sender: trustedWebContents, senderFrame: topFrame(url) }
      expect(await call('unmask:req:cases.list', event)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      })
    }
    expect(calls).toEqual([])
    // A hash route of the app page is still the app page.
    const routed = { sender: trustedWebContents, senderFrame: topFrame(`${APP_PAGE}#/cases`) }
    expect(await call('unmask:req:cases.list', routed)).toEqual({ ok: true, value: [] })
  })

  it('trusts the dev server origin only in development, never in a packaged app (issue 14)', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
    const event = { sender: trustedWebContents, senderFrame: topFrame('http://localhost:5173/') }
    calls.length = 0
    expect(await call('unmask:req:cases.list', event)).toEqual({ ok: true, value: [] })
    electronApp.isPackaged = true
    expect(await call('unmask:req:cases.list', event)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(calls).toEqual(['cases.list'])
  })
})
