/**
 * Captures in the built renderer against the real main services (issue 21): a pcap pair of a real Postfix
 * conversation through the lab's inspection proxy (tests/fixtures/captures) dropped on the diagnosis panel gives
 * the two lanes with the changed line highlighted, the rewrite finding, and both captures in the case journal; a
 * binary that is no capture gets the translated refusal; pasted `show capture … dump` text works the same (Korean).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../src/main/cases/case-store'
import { captureSetsEvidence } from '../../src/shared/capture/lanes'
import { readCapture } from '../../src/shared/capture/read'
import { analyzeTexts } from '../../src/shared/diagnosis'
import { createTranslator } from '../../src/shared/i18n'
import { captureRecord } from '../../src/shared/journal/capture-evidence-schema'
import { JOURNAL } from '../../src/shared/journal/events'
import { asDump, captureBytes } from '../shared/capture/fixtures'
import {
  appReady,
  artifacts,
  type LabApp,
  launchChromium,
  newJob,
  openApp,
  pageErrors,
  startLabApp,
} from './support/lab-app'

/** Drops files on the paste form as a user dragging them from the file manager would. */
async function dropFiles(page: Page, files: Array<{ name: string; bytes: Uint8Array }>) {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }))
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name))
    return dt
  }, payload)
  await page.dispatchEvent('form.paste-form', 'drop', { dataTransfer })
}

async function openTools(page: Page) {
  const tools = page.locator('details.tool').first()
  if (!(await tools.evaluate((d) => (d as HTMLDetailsElement).open))) await tools.locator('> summary').click()
}

/** The finding title the engine gives for these two captures, as the panel shows it. */
function expectedTitle(lang: 'en' | 'ko'): string {
  const records = [
    captureRecord(readCapture(captureBytes('postfix-esmtp-inside.pcap'))!, {
      name: 'inside.pcap',
      origin: 'file',
      bytes: 1,
    }),
    captureRecord(readCapture(captureBytes('postfix-esmtp-outside.pcap'))!, {
      name: 'outside.pcap',
      origin: 'file',
      bytes: 1,
    }),
  ]
  const finding = analyzeTexts([], captureSetsEvidence(records)).findings.find(
    (f) => f.id === 'capture.firewall-rewrote',
  )!
  return createTranslator(lang)(finding.titleKey, finding.params)
}

describe.skipIf(!appReady)('captures in the diagnosis panel (built renderer, real main services)', () => {
  let browser: Browser
  let app: LabApp

  beforeAll(async () => {
    app = await startLabApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('a dropped pcap pair shows both lanes, the changed line highlighted, and the finding; the case keeps both', {
    timeout: 60_000,
  }, async () => {
    const t = createTranslator('en')
    const page = await openApp(browser, app, 'en')
    await newJob(page, t, 'Capture Freight')
    // Files are read in a worker (the window stays responsive), not on the page's thread.
    const workers: string[] = []
    page.on('worker', (w) => workers.push(w.url()))
    await dropFiles(page, [
      { name: 'inside.pcap', bytes: captureBytes('postfix-esmtp-inside.pcap') },
      { name: 'outside.pcap', bytes: captureBytes('postfix-esmtp-outside.pcap') },
    ])
    const lanes = page.getByTestId('capture-lanes')
    await lanes.waitFor({ timeout: 20_000 })
    const row = lanes.locator('tr[data-kind="changed"]', { hasText: '250-STARTTLS' })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('250-XXXXXXXB')
    expect(await row.locator('td.rewritten').count()).toBe(2)
    expect(await lanes.textContent()).toContain('inside.pcap')
    expect(workers.filter((u) => /capture-worker/.test(u))).toHaveLength(2)
    mkdirSync(artifacts, { recursive: true })
    await lanes.screenshot({ path: join(artifacts, 'capture-lanes-en.png') })
    // The finding, in the check rows, with the same line numbers.
    await expect.poll(() => page.locator('.diagnosis-pane').textContent()).toContain(expectedTitle('en'))
    // Both captures are in the case, once each, whatever the number of analyses.
    const store = new CaseStore(app.home)
    const id = store.list().find((c) => c.customer === 'Capture Freight')!.id
    const journalled = () => store.read(id).entries.filter((e) => e.type === JOURNAL.captureAdded)
    expect(journalled().map((e) => (e.data as { name: string }).name)).toEqual(['inside.pcap', 'outside.pcap'])

    // A binary that is no capture: the reader's translated refusal, and nothing new in the case.
    await openTools(page)
    await dropFiles(page, [
      { name: 'photo.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]) },
    ])
    await expect
      .poll(() => page.locator('.diagnosis-pane').textContent())
      .toContain(t('findings.capture.errors.not-a-capture', { file: 'photo.png' }))
    expect(journalled()).toHaveLength(2)
    // Another analysis (a pasted config) sends the panel's captures again: the case still holds each once.
    await openTools(page)
    await page
      .getByLabel(t('ui.analysis.paste'))
      .fill('hostname fw1\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\n')
    await page.getByRole('button', { name: t('ui.analysis.run') }).click()
    await expect.poll(() => page.getByTestId('recognition-chip').count()).toBe(1)
    await expect.poll(() => store.read(id).entries.filter((e) => e.type === JOURNAL.analysisResult).length).toBe(2)
    expect(journalled()).toHaveLength(2)
    expect(await lanes.locator('tr[data-kind="changed"]', { hasText: '250-STARTTLS' }).count()).toBe(1)
    expect(pageErrors(page)).toEqual([])
    await page.close()
  })

  it('pasted show capture dumps (inside, then outside) give the same lanes, in Korean', {
    timeout: 60_000,
  }, async () => {
    const t = createTranslator('ko')
    const page = await openApp(browser, app, 'ko')
    await newJob(page, t, 'Dump Logistics')
    const paste = page.getByLabel(t('ui.analysis.paste'))
    await paste.fill(asDump('postfix-esmtp-inside.pcap'))
    await page.getByRole('button', { name: t('ui.analysis.run') }).click()
    const lanes = page.getByTestId('capture-lanes')
    await lanes.waitFor({ timeout: 20_000 })
    // One dump so far: one lane, and the panel says the other side is missing.
    await expect.poll(() => lanes.textContent()).toContain(t('ui.captures.status.one-side'))
    await openTools(page)
    await paste.fill(asDump('postfix-esmtp-outside.pcap'))
    await page.getByRole('button', { name: t('ui.analysis.run') }).click()
    const row = lanes.locator('tr[data-kind="changed"]', { hasText: '250-STARTTLS' })
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1)
    expect(await row.textContent()).toContain('250-XXXXXXXB')
    expect(await row.textContent()).toContain(t('ui.captures.changed'))
    expect(await lanes.textContent()).toContain(t('ui.captures.pastedSource', { n: 1 }))
    expect(pageErrors(page)).toEqual([])
    await page.close()
  })
})
