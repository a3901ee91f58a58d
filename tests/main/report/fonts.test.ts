import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadReportFonts, ReportFontsMissingError, reportFontsDir } from '../../../src/main/report/fonts'

const empty = mkdtempSync(join(tmpdir(), 'unmask-fonts-'))
afterAll(() => rmSync(empty, { recursive: true, force: true }))

describe('report fonts', () => {
  it('finds resources/fonts above the source file and embeds both weights as TrueType data: URLs', () => {
    const dir = reportFontsDir()
    expect(dir.endsWith(join('resources', 'fonts'))).toBe(true)
    const fonts = loadReportFonts(dir)
    expect(fonts.map((f) => f.weight)).toEqual([400, 700])
    for (const f of fonts) {
      // A TrueType file starts with the sfnt version 0x00010000: "AAEAAA" in base64.
      expect(f.dataUrl.startsWith('data:font/ttf;base64,AAEAAA')).toBe(true)
      expect(f.dataUrl.length).toBeGreaterThan(4_000_000)
    }
    expect(loadReportFonts(dir)).toBe(fonts)
  })

  it('says where it looked when the fonts are missing', () => {
    mkdirSync(join(empty, 'a', 'b'), { recursive: true })
    expect(() => reportFontsDir(join(empty, 'a', 'b'))).toThrow(ReportFontsMissingError)
  })
})
