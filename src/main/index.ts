/** Electron start-up: single instance, one window, IPC bound to the main services. */
import { join } from 'node:path'
import { app, type BrowserWindow, dialog, session, shell } from 'electron'
import { EVENT_CHANNEL_PREFIX } from '../shared/api'
import { createHandlers } from './api-handlers'
import { unmaskHome } from './cases/paths'
import { registerIpc } from './ipc'
import { installApplicationMenu } from './menu'
import { createElectronPrinter } from './report/pdf-electron'
import { electronEncryptor } from './secrets/safe-storage'
import { closeDeviceConnections, createServices } from './services'
import { createMainWindow, denyAllPermissions } from './window'
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
      // Electron grants permission requests by default; the app needs none (issue 14).
      denyAllPermissions(session.defaultSession)
      const home = process.env.UNMASK_HOME ?? unmaskHome()
      const services = createServices({
        home,
        encryptor: electronEncryptor(),
        emit: (event, payload) => mainWindow?.webContents.send(`${EVENT_CHANNEL_PREFIX}${event}`, payload),
        printer: () => createElectronPrinter(),
        // Packaged: resources/fonts beside the app; in development the report finds them above the build.
        fontsDir: app.isPackaged ? join(process.resourcesPath, 'fonts') : undefined,
        shell,
        chooseFolder: async () => {
          if (!mainWindow) return null
          const r = await dialog.showOpenDialog(mainWindow, { properties: ['openDirectory'] })
          return r.canceled ? null : (r.filePaths[0] ?? null)
        },
      })
      registerIpc(createHandlers(services), (w) => w !== null && w === mainWindow)
      app.on('before-quit', () => void closeDeviceConnections(services))
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
