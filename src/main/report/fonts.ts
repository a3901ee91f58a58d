/**
 * The bundled report fonts (resources/fonts: Noto Sans KR 400 and 700) as data: URLs for the report's @font-face.
 * Found above this file both in the source tree (tests, tsx) and in the build (out/main); the app passes its
 * resources path instead. Read once per process: they are 12 MB.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { EmbeddedFont } from '../../shared/report'

export const FONT_FILES: ReadonlyArray<{ file: string; weight: 400 | 700 }> = [
  { file: 'NotoSansKR-Regular.ttf', weight: 400 },
  { file: 'NotoSansKR-Bold.ttf', weight: 700 },
]

export class ReportFontsMissingError extends Error {}

export function reportFontsDir(start: string = __dirname): string {
  let dir = start
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'fonts')
    if (existsSync(join(candidate, FONT_FILES[0]!.file))) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  throw new ReportFontsMissingError(`report fonts (resources/fonts) not found above ${start}`)
}

const cache = new Map<string, EmbeddedFont[]>()

export function loadReportFonts(dir: string = reportFontsDir()): EmbeddedFont[] {
  const cached = cache.get(dir)
  if (cached) return cached
  const fonts = FONT_FILES.map(({ file, weight }) => ({
    weight,
    dataUrl: `data:font/ttf;base64,${readFileSync(join(dir, file)).toString('base64')}`,
  }))
  cache.set(dir, fonts)
  return fonts
}
