/** Electron start-up: single instance, one window, IPC bound to the main services. */
import { app, type BrowserWindow } from 'electron'
import { createHandlers } from './api-handlers'
import { CaseStore } from './cases/case-store'
import { unmaskHome } from './cases/paths'
import { registerIpc } from './ipc'
import { installApplicationMenu } from './menu'
import { createMainWindow } from './window'
import { windowStatePath } from './window-state'

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(
    () => {
      const home = process.env.UNMASK_HOME ?? unmaskHome()
      registerIpc(
        createHandlers({ cases: new CaseStore(home), platform: process.platform }),
        (w) => w !== null && w === mainWindow,
      )
      installApplicationMenu()
      mainWindow = createMainWindow(windowStatePath(home))
      mainWindow.on('closed', () => (mainWindow = null))
    },
    (error: unknown) => {
      console.error(error)
      app.quit()
    },
  )
  app.on('window-all-closed', () => app.quit())
}
