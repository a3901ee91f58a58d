/** Exposes exactly the contract of src/shared/api.ts as window.unmask; nothing else reaches the page. */
import { contextBridge, ipcRenderer } from 'electron'
import {
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
      | { ok: false; error: { code: string; message: string } }
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
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
