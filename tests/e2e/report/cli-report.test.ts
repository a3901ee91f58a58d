/** `unmask report` end to end: a lab case, the browser found automatically, PDF and HTML written. */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { findChromium } from '../../../src/main/report/find-chromium'
import { buildLabCase, type LabCase, SECRETS } from '../../shared/report/helpers/lab-case'
import { runUnmask } from '../../support/cli'

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const ready = findChromium().ok && existsSync('/usr/bin/pdftotext')

describe.skipIf(!ready)('unmask report (CLI, headless Chromium)', () => {
  let lab: LabCase
  const out = mkdtempSync(join(tmpdir(), 'unmask-cli-report-pdf-'))

  beforeAll(async () => {
    lab = await buildLabCase('after')
  })
  afterAll(() => {
    lab?.close()
    rmSync(out, { recursive: true, force: true })
  })

  it('writes the Korean PDF and HTML of a case folder, with the browser found automatically', async () => {
    const pdf = join(out, 'report-ko.pdf')
    const html = join(out, 'report-ko.html')
    const r = await runUnmask(['report', '--case', lab.dir, '--lang', 'ko', '--out', pdf, '--html', html], {
      UNMASK_HOME: lab.home,
    })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`보고서를 ${pdf}에 저장했습니다`)
    expect(r.stdout).toMatch(/비밀 값 \d+개를 가렸습니다/)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('변경 전후 SMTP 대화 비교')
    const page = readFileSync(html, 'utf8')
    expect(page.startsWith('<!doctype html>')).toBe(true)
    for (const s of SECRETS) expect(text + page).not.toContain(s)
    // The case records what left it, with hashes that match the files.
    const exported = new CaseStore(lab.home).read(lab.dir).entries.filter((e) => e.type === 'report.exported')
    expect(exported).toHaveLength(1)
    expect(exported[0]!.data).toMatchObject({
      lang: 'ko',
      state: 'resolved',
      pdf: { name: 'report-ko.pdf', sha256: sha256(readFileSync(pdf)) },
      html: { name: 'report-ko.html', sha256: sha256(readFileSync(html)) },
    })
  })

  it('takes its language from UNMASK_LANG like every other message of the run, and refuses an unknown one', async () => {
    const pdf = join(out, 'report-env.pdf')
    const r = await runUnmask(['report', '--case', lab.dir, '--out', pdf, '--json'], {
      UNMASK_HOME: lab.home,
      UNMASK_LANG: 'ko',
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ lang: 'ko' })
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('변경 전후 SMTP 대화 비교')
    const bad = await runUnmask(['report', '--case', lab.dir, '--out', pdf], {
      UNMASK_HOME: lab.home,
      UNMASK_LANG: 'xx',
    })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('xx')
  })

  it('accepts the case id with UNMASK_HOME, in English, with an explicit --chromium', async () => {
    const pdf = join(out, 'report-en.pdf')
    const browser = findChromium()
    const r = await runUnmask(
      ['report', '--case', lab.id, '--lang', 'en', '--out', pdf, '--chromium', browser.ok ? browser.path : ''],
      { UNMASK_HOME: lab.home },
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Report written to ${pdf}`)
    expect(existsSync(join(out, 'report-en.html'))).toBe(false)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
