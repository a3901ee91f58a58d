/** Registers the contract on ipcMain; every call's sender frame must be our own window's top frame. */
import { BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron'
import { REQUEST_CHANNEL_PREFIX, requests } from '../shared/api'
import { dispatch, type Handlers } from './api-handlers'

export function registerIpc(handlers: Handlers, isTrustedWindow: (window: BrowserWindow | null) => boolean): void {
  for (const method of Object.keys(requests)) {
    ipcMain.handle(`${REQUEST_CHANNEL_PREFIX}${method}`, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, isTrustedWindow)) {
        return { ok: false, error: { code: 'forbidden-sender', message: 'forbidden sender' } }
      }
      return dispatch(handlers, method, input)
    })
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, isTrustedWindow: (w: BrowserWindow | null) => boolean): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  const url = new URL(frame.url)
  const devUrl = process.env.ELECTRON_RENDERER_URL
  const fromApp = url.protocol === 'file:' || (devUrl !== undefined && url.origin === new URL(devUrl).origin)
  return fromApp && isTrustedWindow(BrowserWindow.fromWebContents(event.sender))
}
