/**
 * Issue 18 point 4: no second password prompt when the keychain already holds the device's credentials. The
 * keychain is the secret store with an AES-GCM encryptor standing in for Electron's safeStorage (tests/main/secrets).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTranslator } from '../../src/shared/i18n'
import { aesEncryptor } from '../main/secrets/aes-encryptor'
import { fieldChecks } from './support/field-checks'
import { appReady, type LabApp, launchChromium, newJob, openApp, startLabApp } from './support/lab-app'

describe.skipIf(!appReady)('the fix dialog and remembered credentials', () => {
  let browser: Browser
  let app: LabApp

  beforeAll(async () => {
    app = await startLabApp({ encryptor: aesEncryptor() })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('reads the device with the remembered password, and asks for another device’s', { timeout: 90_000 }, async () => {
    const t = createTranslator('en')
    const { lab } = app
    const page = await openApp(browser, app, 'en')
    const check = fieldChecks(page, t)
    await newJob(page, t, 'Hanbit Logistics', { engineer: 'Kim Engineer' })
    await check.addProfile('other-asa', 2222, 'admin')
    await check.addProfile('lab-asa', lab.management!.port, lab.credentials!.username)
    await page.getByRole('button', { name: t('ui.device.connect'), exact: true }).click()
    await page.getByLabel(t('ui.device.password'), { exact: true }).fill(lab.credentials!.password)
    await page.getByLabel(t('ui.device.enableSecret')).fill(lab.credentials!.enable)
    await page.getByLabel(t('ui.device.remember')).check()
    await page.getByRole('dialog').locator('button[type="submit"]').click()
    await page.getByRole('button', { name: t('ui.hostKey.accept') }).click()
    await page.getByRole('tab', { name: 'lab-asa' }).waitFor({ timeout: 15_000 })
    await page.keyboard.press('Control+Shift+E')
    await expect
      .poll(() => page.getByTestId('verdict').textContent(), { timeout: 60_000 })
      .toContain(t('ui.verdict.masked-device', { device: 'ciscoasa', places: 'global_policy/inspection_default' }))

    const dialog = await check.openFix()
    expect(await dialog.getByTestId('fix-remembered').textContent()).toContain(t('ui.fix.rememberedCredentials'))
    expect(await dialog.getByLabel(t('ui.device.password'), { exact: true }).count()).toBe(0)
    // Counter-example: a device whose password was not remembered is asked for.
    await dialog.getByLabel(t('ui.device.profile')).selectOption({ label: 'other-asa' })
    expect(await dialog.getByLabel(t('ui.device.password'), { exact: true }).count()).toBe(1)
    await dialog.getByLabel(t('ui.device.profile')).selectOption({ label: 'lab-asa' })
    await dialog.getByRole('button', { name: t('ui.fix.read') }).click()
    await dialog.getByTestId('fix-lines').waitFor({ timeout: 30_000 })
    expect(await dialog.getByTestId('fix-lines').textContent()).toContain('inspect esmtp')
    await page.close()
  })
})
