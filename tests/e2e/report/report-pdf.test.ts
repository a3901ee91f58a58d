/**
 * Customer reports of real lab cases (before and after the fix), printed by headless Chromium in both languages and
 * read back with poppler: the sections are there, the pages are numbered, the Korean font is embedded, and none of
 * the case's secrets survive — in the PDF or in the HTML. Page 1 of each is kept in test-artifacts/ as PNG.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium as playwright } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCaseReport } from '../../../src/main/report/export-report'
import { findChromium } from '../../../src/main/report/find-chromium'
import { CHROMIUM_ARGS, createChromiumPrinter } from '../../../src/main/report/pdf-chromium'
import { catalogues, type Language } from '../../../src/shared/i18n'
import { REDACTION_MARKER } from '../../../src/shared/redaction'
import { REPORT_CSP } from '../../../src/shared/report'
import { buildLabCase, type LabCase, type LabStage, SECRETS } from '../../shared/report/helpers/lab-case'

const chromium = findChromium()
const launchChromium = (o: { executablePath: string; args: string[] }) => playwright.launch({ ...o, headless: true })
const hasPoppler = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm'].every((b) => existsSync(`/usr/bin/${b}`))
const artifacts = join(import.meta.dirname, '../../../test-artifacts')

interface Printed {
  text: string
  pages: number
  html: string
  pdfPath: string
}

function sections(lang: Language): string[] {
  return Object.values((catalogues[lang].report as { sections: Record<string, string> }).sections)
}

describe.skipIf(!chromium.ok || !hasPoppler)('report PDF from lab cases (headless Chromium)', () => {
  const out = mkdtempSync(join(tmpdir(), 'unmask-report-pdf-'))
  const printer = createChromiumPrinter({ executablePath: chromium.ok ? chromium.path : '' })
  const labs: Partial<Record<LabStage, LabCase>> = {}
  const printed = new Map<string, Printed>()

  async function print(stage: LabStage, lang: Language): Promise<Printed> {
    const key = `${stage}-${lang}`
    const done = printed.get(key)
    if (done) return done
    const lab = labs[stage]!
    const pdfPath = join(out, `${key}.pdf`)
    const htmlPath = join(out, `${key}.html`)
    await writeCaseReport({ home: lab.home, caseRef: lab.dir, lang, pdfPath, htmlPath, printer })
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
    const result = { text, pages, html: readFileSync(htmlPath, 'utf8'), pdfPath }
    printed.set(key, result)
    mkdirSync(artifacts, { recursive: true })
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfPath,
      join(artifacts, `report-${key}-page1`),
    ])
    return result
  }

  beforeAll(async () => {
    labs.before = await buildLabCase('before')
    labs.after = await buildLabCase('after')
  })

  afterAll(async () => {
    await printer.close()
    for (const lab of Object.values(labs)) lab?.close()
    rmSync(out, { recursive: true, force: true })
  })

  it.each([
    ['before', 'en'],
    ['before', 'ko'],
    ['after', 'en'],
    ['after', 'ko'],
  ] as const)('%s the fix, %s: every section, numbered pages, the masked line', async (stage, lang) => {
    const { text, pages } = await print(stage, lang)
    expect(pages).toBeGreaterThan(4)
    for (const title of sections(lang)) expect(text).toContain(title)
    expect(text).toContain('250 XXXXXXXA')
    expect(text).toContain('500 #5.5.1 command not recognized')
    const pageOne = lang === 'en' ? `Page 1 of ${pages}` : `1 / ${pages}쪽`
    const pageLast = lang === 'en' ? `Page ${pages} of ${pages}` : `${pages} / ${pages}쪽`
    expect(text).toContain(pageOne)
    expect(text).toContain(pageLast)
    expect(statSync(join(artifacts, `report-${stage}-${lang}-page1.png`)).size).toBeGreaterThan(10_000)
  })

  it.each(['en', 'ko'] as const)(
    '%s: no secret of the case is in the PDF or the HTML, and the markers are',
    async (lang) => {
      for (const stage of ['before', 'after'] as const) {
        const { text, html } = await print(stage, lang)
        for (const secret of SECRETS) {
          expect(text).not.toContain(secret)
          expect(html).not.toContain(secret)
        }
        expect(text).toContain(`enable password ${REDACTION_MARKER} encrypted`)
        expect(text).toContain(`pre-shared-key ${REDACTION_MARKER}`)
        expect(html.split(`<span class="redacted">${REDACTION_MARKER}</span>`).length).toBeGreaterThan(15)
      }
    },
  )

  it('Korean reports are in Korean with the bundled Noto Sans KR embedded; English ones are not in Korean', async () => {
    const ko = await print('after', 'ko')
    const en = await print('after', 'en')
    expect(ko.text).toContain('해결됨: 점검한 경로의 메일이 다시 암호화되어 전송됩니다.')
    expect(ko.text).toContain('한빛물류')
    expect(en.text).toContain('Resolved: mail on the tested paths is encrypted again.')
    expect(en.text).not.toContain('해결됨')
    const fonts = execFileSync('pdffonts', [ko.pdfPath], { encoding: 'utf8' })
    expect(fonts).toMatch(/NotoSansKR/)
    expect(fonts).not.toMatch(/NotoSansCJK/)
  })

  it('after the fix: the change, who confirmed it, the backup hash and the saved state; before: no change', async () => {
    const after = await print('after', 'en')
    expect(after.text).toContain('no inspect esmtp')
    expect(after.text).toContain('Kim Minsu')
    expect(after.text).toMatch(/[0-9a-f]{64}/)
    expect(after.text).toContain('STARTTLS offered')
    expect(after.text).toContain('Inspection counters (show service-policy inspect esmtp)')
    expect(after.text).toContain('Inspect: esmtp _default_esmtp_map, packet')
    const before = await print('before', 'en')
    expect(before.text).toContain('No configuration change was made.')
    expect(before.text).not.toContain('no inspect esmtp')
    expect(before.text).toContain('Preferred')
  })

  it('long tables break between rows and repeat their header on every page', async () => {
    const { pdfPath, pages } = await print('after', 'en')
    const pageTexts = Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), pdfPath, '-'], {
        encoding: 'utf8',
      }),
    )
    // The cleaned session log: rows `N   <ISO time>   <line>`, its file name in the table header.
    const logName = /[0-9a-f]{12}-session-[\w.-]+\.log/.exec(pageTexts.join('\n'))![0]
    const row = /^\s*(\d+)\s+2026-\d\d-\d\dT[\d:.]+Z/gm
    const numbers: number[] = []
    const logPages = pageTexts.filter((text) => row.test(text))
    expect(logPages.length).toBeGreaterThan(1)
    for (const text of logPages) {
      const lines = text.split('\n')
      const header = lines.findIndex((l) => l.includes(logName) && /^\s*#/.test(l))
      expect(header).toBeGreaterThanOrEqual(0)
      // Right under the repeated header comes a whole numbered row, never the tail of a row from the page before.
      expect(lines.slice(header + 1).find((l) => l.trim() !== '')).toMatch(/^\s*\d+\s+2026-/)
      for (const m of text.matchAll(row)) numbers.push(Number(m[1]))
    }
    // Every row exactly once, in order, none cut in two across a page break.
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
  })

  it('the report CSP keeps any script that slipped into the HTML from running (and without it, it would run)', async () => {
    const browser = await launchChromium({ executablePath: chromium.ok ? chromium.path : '', args: CHROMIUM_ARGS })
    try {
      const doc = (csp: string) =>
        `<!doctype html><html><head>${csp}<title>report</title></head><body><p>x</p><script>document.title = 'ran'</script><img src="data:," onerror="document.title = 'ran'"></body></html>`
      // A fresh page each: a CSP stays with the document it was declared in.
      const guarded = await browser.newPage()
      await guarded.setContent(doc(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`))
      expect(await guarded.title()).toBe('report')
      const open = await browser.newPage()
      await open.setContent(doc(''))
      expect(await open.title()).toBe('ran')
    } finally {
      await browser.close()
    }
  })

  it('the printer refuses every request the page makes: a loopback server sees none', async () => {
    let hits = 0
    const server: Server = createServer((_req, res) => {
      hits++
      res.end('x')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const html = `<!doctype html><html><head><link rel="stylesheet" href="${url}/a.css"><style>@import url(${url}/b.css); body{background:url(${url}/c.png)}</style></head><body><img src="${url}/d.png"><p>offline</p></body></html>`
      const pdf = await printer.print(html)
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
      expect(hits).toBe(0)
      expect(printer.blockedRequests.some((u) => u.startsWith(url))).toBe(true)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
