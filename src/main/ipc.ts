/** Registers the contract on ipcMain; every call's sender frame must be our own window's top frame. */
import { BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron'
import { REQUEST_CHANNEL_PREFIX, requests } from '../shared/api'
import { dispatch, type Handlers } from './api-handlers'
import { rendererDevUrl, rendererIndexUrl } from './window'

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

/**
 * The app's own page and nothing else: the exact index.html (any other file: URL, a downloaded page say, is refused;
 * issue 14), or in development the dev server's origin. A hash route of the page is the same page.
 */
function isAppPage(frameUrl: string): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  const devUrl = rendererDevUrl()
  if (devUrl !== undefined && url.origin === new URL(devUrl).origin) return true
  url.hash = ''
  return url.protocol === 'file:' && url.search === '' && url.href === rendererIndexUrl()
}

function isTrustedSender(event: IpcMainInvokeEvent, isTrustedWindow: (w: BrowserWindow | null) => boolean): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isAppPage(frame.url) && isTrustedWindow(BrowserWindow.fromWebContents(event.sender))
}
