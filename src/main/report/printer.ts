/**
 * Turns the report's HTML into PDF bytes. Two implementations share the same Chromium print path: headless Chromium
 * through playwright-core (pdf-chromium.ts, for the CLI and tests) and Electron's webContents.printToPDF
 * (pdf-electron.ts, for the app). Page size, margins, header and page numbers come from the document's own CSS
 * (@page), so both print the same pages.
 */
export interface PdfPrinter {
  /** Prints one self-contained HTML document. Rejects with PrintError when it cannot finish in time. */
  print(html: string): Promise<Uint8Array>
  close(): Promise<void>
}

export class PrintError extends Error {}

/** A whole report, including the 12 MB of fonts, prints in about a second; a minute means something is wrong. */
export const PRINT_TIMEOUT_MS = 60_000

/** Rejects after `ms` with a PrintError, calling `onTimeout` first (to close the browser that hangs). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout()
      reject(new PrintError(`${what} took longer than ${ms} ms`))
    }, ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
