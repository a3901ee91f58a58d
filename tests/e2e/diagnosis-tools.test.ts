/**
 * The outbound check from the app (lab-probe's `probe.egress`) against the lab: two loopback "remote MX hosts", one
 * behind the lab's inspecting proxy, one direct — some destinations mask, so this site's own path does not.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTranslator } from '../../src/shared/i18n'
import { appReady, closedPort, type LabApp, launchChromium, newJob, openApp, startLabApp } from './support/lab-app'

describe.skipIf(!appReady)(
  'diagnosis tools in the built renderer: outbound check, inconclusive probes, recognition chips',
  () => {
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

    it('says which destinations lose STARTTLS and what that means for the local path', {
      timeout: 60_000,
    }, async () => {
      const t = createTranslator('ko')
      const page = await openApp(browser, app, 'ko')
      await newJob(page, t, 'Hanbit Logistics')
      await page
        .getByLabel(t('ui.egress.hosts'))
        .fill(`127.0.0.1:${app.lab.smtp.port}, 127.0.0.1:${app.lab.direct.port}`)
      await page.getByRole('button', { name: t('ui.egress.run') }).click()
      const result = page.getByTestId('egress-result')
      await result.waitFor({ timeout: 30_000 })
      const text = (await result.textContent()) ?? ''
      expect(text).toContain(t('probe.egress.conclusion.some-destinations-mask', { lost: 1, reached: 2 }))
      expect(text).toContain(`127.0.0.1:${app.lab.smtp.port} — ${t('probe.egress.view.masked')}`)
      expect(text).toContain(`127.0.0.1:${app.lab.direct.port} — ${t('probe.egress.view.offered')}`)
      await page.close()
    })

    it('a failed probe is "inconclusive", and each pasted text says whether it was recognised', {
      timeout: 60_000,
    }, async () => {
      const t = createTranslator('en')
      const page = await openApp(browser, app, 'en')
      await page.getByRole('button', { name: /^Continue Hanbit Logistics/ }).click()
      // A port nobody listens on: no SMTP conversation at all.
      const port = await closedPort()
      await page.getByLabel(t('ui.probe.firewall')).fill(`127.0.0.1:${port}`)
      await page.getByRole('button', { name: t('ui.probe.run'), exact: true }).click()
      const verdict = page.getByTestId('verdict')
      await expect.poll(() => verdict.textContent(), { timeout: 30_000 }).toBe(t('ui.verdict.inconclusive'))
      expect(await page.getByTestId('check-row').first().textContent()).toContain(t('ui.checks.state.unchecked'))
      expect(await page.locator('.diagnosis-pane').textContent()).not.toContain(t('ui.verdict.clean'))

      await page.locator('details.tool > summary').first().click()
      const paste = page.getByLabel(t('ui.analysis.paste'))
      await paste.fill(
        ['hostname fw1', 'policy-map global_policy', ' class inspection_default', '  inspect esmtp'].join('\n'),
      )
      await page.getByRole('button', { name: t('ui.analysis.run') }).click()
      await page.locator('details.tool > summary').first().click()
      await paste.fill('lunch order: two bibimbap, one kimchi jjigae')
      await page.getByRole('button', { name: t('ui.analysis.run') }).click()
      const chips = page.getByTestId('recognition-chip')
      await expect.poll(() => chips.count()).toBe(2)
      expect(await chips.nth(0).textContent()).toContain(t('findings.kinds.running-config'))
      expect(await chips.nth(1).textContent()).toContain(t('ui.analysis.notRecognised'))
      await page.close()
    })
  },
)
