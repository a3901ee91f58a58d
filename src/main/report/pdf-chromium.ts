/**
 * The CLI's printer: a headless Chromium driven by playwright-core (`page.pdf()`). The browser starts on the first
 * print and is reused until close(). The document is loaded from a private print copy (print-copy.ts) rather than
 * pushed through the DevTools protocol, which is several times faster with 12 MB of fonts. Every other request the
 * page makes is refused, so the report cannot reach the network even if a bug let a URL into it.
 */
import { type Browser, chromium } from 'playwright-core'
import { isInPrintCopy, writePrintCopy } from './print-copy'
import { type PdfPrinter, PRINT_TIMEOUT_MS, PrintError, withTimeout } from './printer'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
]

export interface ChromiumPrinterOptions {
  executablePath: string
  timeoutMs?: number
}

export function createChromiumPrinter(options: ChromiumPrinterOptions): PdfPrinter & { blockedRequests: string[] } {
  const timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS
  let browser: Promise<Browser> | null = null
  const blockedRequests: string[] = []

  const start = (): Promise<Browser> => {
    browser ??= chromium
      .launch({ executablePath: options.executablePath, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs })
      .catch((error: unknown) => {
        browser = null
        throw new PrintError(
          `could not start ${options.executablePath}: ${error instanceof Error ? error.message : error}`,
        )
      })
    return browser
  }

  const close = async () => {
    const b = browser
    browser = null
    if (b) await (await b.catch(() => null))?.close()
  }

  const print = async (html: string): Promise<Uint8Array> => {
    const run = async () => {
      const b = await start()
      const copy = writePrintCopy(html)
      const context = await b.newContext({ offline: true })
      try {
        const page = await context.newPage()
        await page.route('**/*', (route) => {
          const url = route.request().url()
          if (isInPrintCopy(url, copy)) return route.continue()
          blockedRequests.push(url)
          return route.abort('blockedbyclient')
        })
        await page.goto(copy.url, { waitUntil: 'load', timeout: timeoutMs })
        // @font-face fonts load lazily; print only once every face in use is ready.
        await page.evaluate('document.fonts.ready.then(() => document.fonts.size)')
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false })
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      } finally {
        await context.close()
        copy.remove()
      }
    }
    return withTimeout(run(), timeoutMs, 'printing the report', () => void close())
  }

  return { print, close, blockedRequests }
}
