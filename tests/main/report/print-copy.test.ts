import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadReportFonts } from '../../../src/main/report/fonts'
import { isInPrintCopy, writePrintCopy } from '../../../src/main/report/print-copy'
import { buildReportModel, renderReportHtml } from '../../../src/shared/report'

const model = buildReportModel(
  { id: '20261128-100000-acme-abcdef', customer: 'ACME', created: '2026-11-28T10:00:00.000Z', entries: [] },
  { now: '2026-11-28T12:00:00.000Z' },
)

describe('print copy', () => {
  it('puts the fonts beside the document as the same bytes, and the document shrinks to its text', () => {
    const fonts = loadReportFonts()
    const html = renderReportHtml(model, { lang: 'ko', fonts })
    const copy = writePrintCopy(html)
    try {
      const doc = readFileSync(fileURLToPath(copy.url), 'utf8')
      expect(doc.length).toBeLessThan(html.length / 50)
      expect(doc).not.toContain('base64')
      expect(doc).toContain("src:url(font-0.ttf) format('truetype')")
      expect(doc).toContain("src:url(font-1.ttf) format('truetype')")
      expect(doc).toContain('font-src data: file:;')
      const font0 = readFileSync(fileURLToPath(`${copy.folderUrl}/font-0.ttf`))
      expect(font0.equals(Buffer.from(fonts[0]!.dataUrl.split(',')[1]!, 'base64'))).toBe(true)
      // The customer's document itself is untouched.
      expect(html).toContain('font-src data:;')
    } finally {
      copy.remove()
    }
    expect(existsSync(fileURLToPath(copy.folderUrl))).toBe(false)
  })

  it('lets the copy load only itself and its fonts', () => {
    const copy = writePrintCopy('<html></html>')
    try {
      expect(isInPrintCopy(copy.url, copy)).toBe(true)
      expect(isInPrintCopy(`${copy.folderUrl}/font-0.ttf`, copy)).toBe(true)
      expect(isInPrintCopy(`${copy.folderUrl}/../etc/passwd`, copy)).toBe(false)
      expect(isInPrintCopy(`${copy.folderUrl}/sub/font-0.ttf`, copy)).toBe(false)
      expect(isInPrintCopy('file:///etc/passwd', copy)).toBe(false)
      expect(isInPrintCopy(`${copy.folderUrl}x/report.html`, copy)).toBe(false)
      expect(isInPrintCopy('http://127.0.0.1/report.html', copy)).toBe(false)
    } finally {
      copy.remove()
    }
  })
})
