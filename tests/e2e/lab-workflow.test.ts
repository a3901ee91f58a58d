/**
 * The engineer's path through the built renderer, with the real main services and the lab behind it:
 * connect to the simulated ASA over SSH (accepting its unknown host key), probe the mail path direct and
 * through the firewall, see the masked STARTTLS proven, paste the configuration and get the remedy.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../src/lab'
import { createHandlers } from '../../src/main/api-handlers'
import { CaseStore } from '../../src/main/cases/case-store'
import { createChromiumPrinter } from '../../src/main/report/pdf-chromium'
import { createServices } from '../../src/main/services'
import {
  bridgeScript,
  CHROMIUM_ARGS,
  chromiumPath,
  type Harness,
  rendererDir,
  startRendererHarness,
  terminalText,
} from '../support/renderer-harness'
import { makeTempDir } from '../support/temp-dir'

const ready = chromiumPath !== undefined && existsSync(join(rendererDir, 'index.html'))
const artifacts = join(import.meta.dirname, '../../test-artifacts')

describe.skipIf(!ready)('lab workflow in the built renderer', () => {
  let browser: Browser
  let harness: Harness
  let lab: Lab
  let temp: ReturnType<typeof makeTempDir>

  beforeAll(async () => {
    temp = makeTempDir()
    lab = await startLab({ scenario: 'asa9-default', stateDir: join(temp.path, 'lab') })
    harness = await startRendererHarness((emit) =>
      createHandlers(
        createServices({
          home: temp.path,
          encryptor: null,
          emit,
          probeOptions: { timeouts: { totalMs: 15_000 } },
          printer: () => createChromiumPrinter({ executablePath: chromiumPath! }),
        }),
      ),
    )
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    await lab?.stop()
    temp?.remove()
  })

  it('connects to the ASA, proves the masking from both vantage points and proposes the fix', {
    timeout: 90_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.addInitScript(bridgeScript)
    await page.goto(harness.url)
    mkdirSync(artifacts, { recursive: true })

    // Open a case first: everything gathered below must land in its journal.
    await page.getByRole('button', { name: 'New case' }).click()
    await page.getByLabel('Customer').fill('Hanbit Logistics')
    await page.getByLabel('Site').fill('Incheon DC')
    await page.getByRole('button', { name: 'Create' }).click()
    await expect.poll(() => page.getByTestId('case-current').textContent()).toBe('Hanbit Logistics · Incheon DC')

    // A device profile for the lab ASA, then connect: the unknown host key must be shown and accepted.
    await page.getByRole('button', { name: 'New device' }).click()
    await page.getByLabel('Name', { exact: true }).fill('lab-asa')
    await page.getByLabel('Host or address').fill('127.0.0.1')
    await page.getByLabel('Port').fill(String(lab.management!.port))
    await page.getByLabel('User name').fill(lab.credentials!.username)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('button', { name: 'Connect' }).click()
    await page.getByLabel('Password', { exact: true }).fill(lab.credentials!.password)
    await page.getByLabel('Enable secret').fill(lab.credentials!.enable)
    await page.getByRole('dialog').locator('button[type="submit"]').click()
    const fingerprint = page.getByTestId('host-key-fingerprint')
    await fingerprint.waitFor({ timeout: 15_000 })
    expect(await fingerprint.textContent()).toMatch(/^SHA256:/)
    await page.getByRole('button', { name: 'Accept and connect' }).click()
    await page.getByRole('tab', { name: 'lab-asa' }).waitFor({ timeout: 15_000 })
    await expect.poll(() => terminalText(page), { timeout: 15_000 }).toMatch(/>\s*$/m)
    await page.locator('.xterm').click()
    await page.keyboard.type('show version')
    await page.keyboard.press('Enter')
    await expect.poll(() => terminalText(page), { timeout: 15_000 }).toContain('Adaptive Security Appliance')
    await page.keyboard.press('q')

    // The evidence script runs in the same shell: the engineer sees every command as it goes.
    await page.getByRole('button', { name: 'Run evidence script' }).click()
    await expect
      .poll(() => page.getByTestId('evidence-status').textContent(), { timeout: 60_000 })
      .toMatch(/Evidence collected/)
    const shell = await terminalText(page)
    expect(shell).toContain('show running-config')
    expect(shell).toContain('show service-policy')
    await expect
      .poll(() => page.getByRole('region', { name: 'Findings' }).textContent(), { timeout: 15_000 })
      .toMatch(/ESMTP inspection is active/)

    // Probe the mail path straight to the server and through the firewall.
    await page.getByLabel('Mail server, direct (inside)').fill(`127.0.0.1:${lab.direct.port}`)
    await page.getByLabel('Mail server through the firewall (outside)').fill(`127.0.0.1:${lab.smtp.port}`)
    await page.getByRole('button', { name: 'Probe', exact: true }).click()
    const findings = page.getByRole('region', { name: 'Findings' })
    // The device evidence already produced findings: wait for the probes' transcripts themselves.
    await page.locator('.transcript li.masked').first().waitFor({ timeout: 30_000 })
    expect(await findings.textContent()).toMatch(/STARTTLS/)
    expect(await page.locator('.transcript li.masked').count()).toBeGreaterThan(0)
    expect(await page.locator('table.comparison tr.differs').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('mail-path-status').textContent()).toBe('Mail path: STARTTLS masked')
    expect(await page.getByTestId('device-status').textContent()).toBe('1 device session(s)')

    // An evidence link jumps to the masked line of the firewall-side transcript.
    await findings.locator('button.link').first().click()
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
    expect(focused).toMatch(/X{4,}|STARTTLS|500/)

    // An evidence link into the device output opens that source at the exact line.
    await findings
      .getByRole('button', { name: /^device:lab-asa, lines/ })
      .first()
      .click()
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('.source-lines') ? document.activeElement.textContent : '',
        ),
      )
      .toMatch(/inspect esmtp|Inspect: esmtp|policy-map/)

    // The running configuration pasted from the session gives the device-side proof and the remedy.
    await page
      .getByLabel(/Paste device output/)
      .fill(
        [
          'hostname ciscoasa',
          'policy-map global_policy',
          ' class inspection_default',
          '  inspect esmtp',
          'service-policy global_policy global',
        ].join('\n'),
      )
    await page.getByRole('button', { name: 'Analyse' }).click()
    const remedies = page.getByRole('region', { name: 'Remedies' })
    await remedies.waitFor({ timeout: 15_000 })
    expect(await remedies.textContent()).toContain('no inspect esmtp')
    await page.screenshot({ path: join(artifacts, 'lab-workflow-diagnosis.png'), fullPage: false })
    const [summary] = new CaseStore(temp.path).list()
    const journal = new CaseStore(temp.path).read(summary!.id).entries.map((e) => e.type)
    expect(journal.filter((type) => type === 'probe.result')).toHaveLength(2)
    expect(journal).toContain('analysis.result')
    expect(journal).toContain('device.evidence')
    expect(journal).toContain('device.session.opened')

    // The fix, with consent: read the device, see the exact lines, type the hostname, apply, verify, save.
    await remedies.getByRole('button', { name: 'Apply with confirmation…' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Apply the fix' })
    await dialog.getByLabel('Password', { exact: true }).fill(lab.credentials!.password)
    await dialog.getByLabel('Enable secret').fill(lab.credentials!.enable)
    await dialog.getByLabel('Confirmed by (your name)').fill('Kim Engineer')
    await dialog.getByRole('button', { name: 'Read the device' }).click()
    const lines = dialog.getByTestId('fix-lines')
    await lines.waitFor({ timeout: 30_000 })
    expect(await lines.textContent()).toContain('no inspect esmtp')
    const applyButton = dialog.getByRole('button', { name: 'Apply', exact: true })
    await dialog.getByLabel(/Type the device hostname/).fill('wronghost')
    expect(await applyButton.isDisabled()).toBe(true)
    await dialog.getByLabel(/Type the device hostname/).fill('ciscoasa')
    await applyButton.click()
    await dialog.getByTestId('fix-sent').waitFor({ timeout: 30_000 })
    expect(await dialog.getByTestId('fix-sent').textContent()).not.toContain('refused')
    await dialog.getByRole('button', { name: 'Verify' }).click()
    await expect
      .poll(() => dialog.getByTestId('fix-verify-outcome').textContent(), { timeout: 30_000 })
      .toContain('Fixed')
    await page.screenshot({ path: join(artifacts, 'lab-workflow-fix-verified.png') })
    // Saving is a second, separate confirmation.
    const saveButton = dialog.getByRole('button', { name: 'write memory' })
    expect(await saveButton.isDisabled()).toBe(true)
    await dialog.getByLabel(/save the running configuration of ciscoasa/).check()
    await saveButton.click()
    await expect.poll(() => dialog.getByTestId('fix-saved').textContent(), { timeout: 30_000 }).toContain('[OK]')
    await dialog.getByRole('button', { name: 'Close' }).click()

    // The probe through the firewall is clean now.
    await page.getByRole('button', { name: 'Probe', exact: true }).click()
    await expect.poll(() => page.locator('table.comparison tr.differs').count(), { timeout: 30_000 }).toBe(0)
    await expect.poll(() => page.getByTestId('mail-path-status').textContent()).toBe('Mail path: encrypted')

    // The customer report: previewed in the app (sandboxed, nothing runs), then written into the case.
    await page.getByRole('button', { name: 'Preview report' }).click()
    const preview = page.frameLocator('iframe.report-preview')
    await expect.poll(() => preview.locator('body').textContent(), { timeout: 30_000 }).toContain('Hanbit Logistics')
    expect(await preview.locator('body').textContent()).not.toContain(lab.credentials!.enable)
    await page.screenshot({ path: join(artifacts, 'lab-workflow-report-preview.png') })
    await page.getByRole('dialog', { name: 'Report preview' }).getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Export report (PDF)' }).click()
    await expect
      .poll(() => page.getByTestId('report-status').textContent(), { timeout: 60_000 })
      .toMatch(/Report written: .*\.pdf/)
    const after = new CaseStore(temp.path).read(summary!.id).entries.map((e) => e.type)
    for (const type of ['fix.preview', 'fix.backup', 'fix.applied', 'fix.verified', 'fix.saved', 'report.exported'])
      expect({ type, present: after.includes(type) }).toEqual({ type, present: true })
    expect(errors).toEqual([])
    await page.close()
  })
})
