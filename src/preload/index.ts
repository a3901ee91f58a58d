/** Exposes exactly the contract of src/shared/api.ts as window.unmask; nothing else reaches the page. */
import { contextBridge, ipcRenderer } from 'electron'
import {
  ApiCallError,
  type ApiError,
  EVENT_CHANNEL_PREFIX,
  isEventName,
  isRequestName,
  REQUEST_CHANNEL_PREFIX,
  type UnmaskBridge,
} from '../shared/api'

const bridge: UnmaskBridge = {
  async invoke(method, input) {
    if (!isRequestName(method)) throw new Error('unknown method')
    const result = (await ipcRenderer.invoke(`${REQUEST_CHANNEL_PREFIX}${method}`, input)) as
      | { ok: true; value: never }
      | { ok: false; error: ApiError }
    // The typed error (code, i18n key, params) reaches the renderer as is: nothing parses text.
    if (!result.ok) throw new ApiCallError(result.error)
    return result.value
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error('unknown event')
    const channel = `${EVENT_CHANNEL_PREFIX}${event}`
    const wrapped = (_e: Electron.IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => ipcRenderer.removeListener(channel, wrapped)
  },
}

contextBridge.exposeInMainWorld('unmask', bridge)
