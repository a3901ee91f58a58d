/** The single main window with the security settings the design requires, and the lock every app window gets. */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, type Session, type WebContents } from 'electron'
import { confirmAndOpenExternal } from './window-links'
import { loadWindowState, saveWindowState } from './window-state'

/** The app's own page, as a file (out/renderer/index.html beside out/main when built). */
export function rendererIndexFile(): string {
  return join(__dirname, '../renderer/index.html')
}

/** The exact URL of the app's page: the only document whose IPC calls main answers. */
export function rendererIndexUrl(): string {
  return pathToFileURL(rendererIndexFile()).href
}

/**
 * The electron-vite dev server, in development only. A packaged app ignores ELECTRON_RENDERER_URL (issue 14):
 * otherwise anyone able to set an environment variable could load a page of theirs that IPC would trust.
 */
export function rendererDevUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
}

/** Electron grants every permission (camera, notifications, clipboard, serial…) unless told otherwise: deny all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * No new windows, no navigation away, no webviews, for every window of the app (the main window and the hidden
 * print window). `onLink` receives what a page tried to open in a new window (the main window asks the user).
 */
export function lockWebContents(contents: WebContents, onLink?: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    onLink?.(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  denyAllPermissions(contents.session)
}

export function createMainWindow(statePath: string): BrowserWindow {
  const state = loadWindowState(statePath)
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    show: false,
    title: 'Unmask',
    autoHideMenuBar: false,
    webPreferences: {
      // Reviewed (Electronegativity PRELOAD_JS_CHECK): the preload exposes only the contract of src/shared/api.ts,
      // whose every call main validates and answers only for this window's exact index.html (ipc.ts).
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // A middle click must not open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.on('ready-to-show', () => {
    if (state.maximized) window.maximize()
    window.show()
  })
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    saveWindowState(statePath, { ...bounds, maximized: window.isMaximized() })
  })
  // Links open in the user's browser, http(s) only and after a confirmation (window-links.ts).
  lockWebContents(window.webContents, (url) => void confirmAndOpenExternal(url, window))
  const devUrl = rendererDevUrl()
  if (devUrl) void window.loadURL(devUrl)
  else void window.loadFile(rendererIndexFile())
  return window
}
