/**
 * The copy of the report that a printer loads. The document handed to the customer is self-contained (fonts as data:
 * URLs, 16 MB of base64); parsing that takes Chromium about a second per print. The printing copy goes into a private
 * temporary folder with the fonts beside it as files, which loads in a fraction of that and prints the same glyphs.
 * Only the copy's font-src allows file: URLs, and the printers still refuse any request outside that folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const DATA_FONT = /url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g

export interface PrintCopy {
  /** file: URL of the document to load. */
  url: string
  /** file: URL of the folder; everything the copy may load is directly inside it. */
  folderUrl: string
  /** Removes the folder. */
  remove(): void
}

export function writePrintCopy(html: string): PrintCopy {
  const dir = mkdtempSync(join(tmpdir(), 'unmask-report-'))
  try {
    let n = 0
    const copy = html
      .replace(DATA_FONT, (_, base64: string) => {
        const name = `font-${n++}.ttf`
        writeFileSync(join(dir, name), Buffer.from(base64, 'base64'), { mode: 0o600 })
        return `url(${name})`
      })
      .replace('font-src data:;', 'font-src data: file:;')
    const file = join(dir, 'report.html')
    writeFileSync(file, copy, { mode: 0o600 })
    return {
      url: pathToFileURL(file).href,
      folderUrl: pathToFileURL(dir).href,
      remove: () => rmSync(dir, { recursive: true, force: true }),
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/** True for the copy itself and the files beside it; nothing else may load. */
export function isInPrintCopy(url: string, copy: PrintCopy): boolean {
  if (!url.startsWith(`${copy.folderUrl}/`)) return false
  const rest = url.slice(copy.folderUrl.length + 1)
  return /^(report\.html|font-\d+\.ttf)$/.test(rest)
}
