/**
 * The capture lanes in the printed report (issue 21): a case into which two real tcpdump captures entered through
 * the app's own path (InvestigationService.analyze with captures: `capture.added` + `analysis.result`) is printed by
 * headless Chromium and read back with pdftotext — the section is there with both lines of the rewrite and their
 * line numbers, in en and ko; a case without captures has no such section.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { InvestigationService } from '../../../src/main/investigation/investigation-service'
import { writeCaseReport } from '../../../src/main/report/export-report'
import { findChromium } from '../../../src/main/report/find-chromium'
import { createChromiumPrinter } from '../../../src/main/report/pdf-chromium'
import { readCapture } from '../../../src/shared/capture/read'
import { createTranslator, type Language } from '../../../src/shared/i18n'
import { captureRecord } from '../../../src/shared/journal/capture-evidence-schema'
import { captureBytes } from '../../shared/capture/fixtures'

const chromium = findChromium()
const hasPoppler = existsSync('/usr/bin/pdftotext')

describe.skipIf(!chromium.ok || !hasPoppler)('capture lanes in the PDF report', () => {
  const home = mkdtempSync(join(tmpdir(), 'unmask-capture-report-'))
  const printer = createChromiumPrinter({ executablePath: chromium.ok ? chromium.path : '' })
  const store = new CaseStore(home)
  const service = new InvestigationService(store)
  afterAll(async () => {
    await printer.close()
    rmSync(home, { recursive: true, force: true })
  })

  const newCase = (customer: string) => {
    const handle = store.create({ customer })
    handle.close()
    return handle.id
  }

  async function pdfText(caseId: string, lang: Language): Promise<string> {
    const pdfPath = join(home, `${caseId}-${lang}.pdf`)
    await writeCaseReport({ home, caseRef: caseId, lang, pdfPath, printer })
    return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
  }

  it('shows both lanes with the rewritten line and its line numbers (en, ko)', { timeout: 60_000 }, async () => {
    const caseId = newCase('Capture Freight')
    const records = (['inside', 'outside'] as const).map((side) =>
      captureRecord(readCapture(captureBytes(`postfix-esmtp-${side}.pcap`))!, {
        name: `${side}.pcap`,
        origin: 'file',
        bytes: captureBytes(`postfix-esmtp-${side}.pcap`).length,
      }),
    )
    const analysis = service.analyze([], [], caseId, records)
    const finding = analysis.findings.find((f) => f.id === 'capture.firewall-rewrote')!
    expect(finding).toBeDefined()
    for (const lang of ['en', 'ko'] as const) {
      const t = createTranslator(lang)
      const text = await pdfText(caseId, lang)
      expect(text).toContain(t('report.captures.title'))
      expect(text).toContain('250-STARTTLS')
      expect(text).toContain('250-XXXXXXXB')
      expect(text).toContain(t('ui.captures.line', { line: finding.params!.originalLine as number }))
      expect(text).toContain(t('ui.captures.changed'))
    }
  })

  it('a long capture finding title does not squeeze the severity column until "Critical" breaks', {
    timeout: 60_000,
  }, async () => {
    // The guided capture names its captures `device:HOST show capture NAME`, which makes the finding's title long.
    const caseId = newCase('Capture Long Names')
    const records = (['inside', 'outside'] as const).map((side) =>
      captureRecord(readCapture(captureBytes(`postfix-esmtp-${side}.pcap`))!, {
        name: `device:fw-edge-01.example show capture UNMASK_${side === 'inside' ? 'SRV' : 'CLI'}`,
        origin: 'device',
        side,
        set: 'run-long',
        bytes: 1,
      }),
    )
    service.analyze([], [], caseId, records)
    const text = await pdfText(caseId, 'en')
    expect(text).toContain('UNMASK_SRV')
    expect(text).toMatch(/\bCritical\b/)
    expect(text).not.toMatch(/Criti\s+cal/)
    expect(text).not.toMatch(/Severi\s+ty/)
  })

  it('a case without captures has no capture section', { timeout: 60_000 }, async () => {
    const caseId = newCase('No Capture Ltd')
    service.analyze(
      [
        {
          source: 'fw.txt',
          text: 'hostname fw1\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\n',
        },
      ],
      [],
      caseId,
    )
    const text = await pdfText(caseId, 'en')
    expect(text).toContain('fw1')
    expect(text).not.toContain(createTranslator('en')('report.captures.title'))
  })
})
