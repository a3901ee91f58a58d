/**
 * The app's printer: Electron's `webContents.printToPDF` in a hidden, sandboxed window with its own in-memory session.
 * The HTML goes through a private print copy with the fonts as files beside it (print-copy.ts; a data: URL of the
 * whole report would exceed Chromium's URL length limit anyway). The page itself can run nothing (its
 * Content-Security-Policy allows no script); JavaScript stays enabled only so that main can wait for
 * `document.fonts.ready` before printing, as the CLI's printer does.
 * The only file of the report feature that imports 'electron'; the CLI and the tests never load it.
 */
import { BrowserWindow } from 'electron'
import { lockWebContents } from '../window'
import { type ReportRequest, type WriteReportRequest, writeCaseReport } from './export-report'
import { isInPrintCopy, writePrintCopy } from './print-copy'
import { type PdfPrinter, PRINT_TIMEOUT_MS, withTimeout } from './printer'

export function createElectronPrinter(timeoutMs = PRINT_TIMEOUT_MS): PdfPrinter {
  const windows = new Set<BrowserWindow>()

  const print = async (html: string): Promise<Uint8Array> => {
    const copy = writePrintCopy(html)
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        // Its own in-memory session, so the request filter below never touches the app window's session.
        partition: 'unmask-report-print',
        // No middle-click new windows either (Electronegativity AUXCLICK_JS_CHECK).
        disableBlinkFeatures: 'Auxclick',
      },
    })
    windows.add(window)
    // Nothing but the print copy and its fonts (and data: URLs) may load.
    window.webContents.session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
      const allowed = details.url.startsWith('data:') || isInPrintCopy(details.url, copy)
      callback({ cancel: !allowed })
    })
    // The main window's lock: no new windows, navigation, webviews or permissions (issue 14).
    lockWebContents(window.webContents)
    try {
      const run = async () => {
        await window.loadURL(copy.url)
        await window.webContents.executeJavaScript('document.fonts.ready.then(() => document.fonts.size)')
        const pdf = await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true })
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      }
      return await withTimeout(run(), timeoutMs, 'printing the report', () => window.destroy())
    } finally {
      windows.delete(window)
      if (!window.isDestroyed()) window.destroy()
      copy.remove()
    }
  }

  return {
    print,
    close: async () => {
      for (const w of windows) if (!w.isDestroyed()) w.destroy()
      windows.clear()
    },
  }
}

/**
 * What the app's IPC handler for "export report" calls: the same export as the CLI's (redacted model, self-contained
 * HTML, `report.exported` journal entry), printed by Electron. `fontsDir` is `join(process.resourcesPath, 'fonts')`
 * in a packaged app; in development the fonts are found above the build. Pass `journal` when the app holds the case
 * open, so that the `report.exported` entry goes through the same writer.
 */
export async function exportCaseReportWithElectron(
  request: ReportRequest & Pick<WriteReportRequest, 'pdfPath' | 'htmlPath' | 'journal'>,
) {
  const printer = createElectronPrinter()
  try {
    return await writeCaseReport({ ...request, printer })
  } finally {
    await printer.close()
  }
}
