/**
 * Every IPC call's sender is checked: only our own window's top frame, loaded from the app, may call main.
 * Electron cannot run here, so ipcMain and BrowserWindow are stand-ins that record the registered handlers;
 * the real src/main/ipc.ts and the real dispatch run behind them.
 */
import { describe, expect, it, vi } from 'vitest'

type Handler = (event: unknown, input: unknown) => Promise<unknown>
const registered = vi.hoisted(() => new Map<string, Handler>())
const trustedWebContents = vi.hoisted(() => ({ id: 1 }))

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => registered.set(channel, handler) },
  BrowserWindow: { fromWebContents: (wc: unknown) => (wc === trustedWebContents ? { trusted: true } : null) },
}))

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
      senderFrame: topFrame('file:///app/out/renderer/index.html'),
    })
    expect(result).toEqual({ ok: true, value: [] })
    expect(calls).toEqual(['cases.list'])
  })

  it('rejects subframes, foreign origins, other windows and missing frames without running anything', async () => {
    calls.length = 0
    const forbidden = [
      { sender: trustedWebContents, senderFrame: { url: 'file:///app/out/renderer/index.html', parent: {} } },
      { sender: trustedWebContents, senderFrame: topFrame('https://evil.example/') },
      { sender: { id: 2 }, senderFrame: topFrame('file:///app/out/renderer/index.html') },
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
    const event = { sender: trustedWebContents, senderFrame: topFrame('file:///app/index.html') }
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
})
