/**
 * Issue 18 point 7 against the lab's real SSH server: a changed host key gets its own dialog with the known and the
 * presented fingerprints side by side; replacing it needs the phrase typed, is journalled, and the next connection
 * asks about the new key as a first-time key. Also: the enable secret survives the host-key dialog.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from '../../src/lab'
import { createHandlers } from '../../src/main/api-handlers'
import { CaseStore } from '../../src/main/cases/case-store'
import { createServices } from '../../src/main/services'
import { knownHostsFile } from '../../src/main/sessions/open-channel'
import { createTranslator } from '../../src/shared/i18n'
import { JOURNAL } from '../../src/shared/journal'
import { makeTempDir } from '../support/temp-dir'
import { fieldChecks } from './support/field-checks'
import {
  appReady,
  artifacts,
  type LabApp,
  launchChromium,
  newJob,
  openApp,
  silentHost,
  startLabApp,
} from './support/lab-app'

/** The stored key with one byte of the key itself changed: a different, well-formed key for the same host. */
function tamperKnownHosts(file: string): void {
  const lines = readFileSync(file, 'utf8').trim().split('\n')
  const [hosts, type, base64] = lines[0]!.split(/\s+/)
  const key = Buffer.from(base64!, 'base64')
  key[key.length - 1] = key[key.length - 1]! ^ 0xff
  writeFileSync(file, `${hosts} ${type} ${key.toString('base64')}\n`, { mode: 0o600 })
}

describe.skipIf(!appReady)('a changed host key in the built renderer (issue 18, point 7)', () => {
  let browser: Browser
  let app: LabApp
  let lab: Lab

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    app = await startLabApp()
    lab = app.lab
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('quick connect, edit, delete; a changed key shows both fingerprints, is replaced only after the typed phrase and journalled; reconnect a closed tab', {
    timeout: 120_000,
  }, async () => {
    const t = createTranslator('en')
    const page = await openApp(browser, app, 'en')
    const check = fieldChecks(page, t)
    await newJob(page, t, 'Hanbit Logistics')
    // Point 10: quick connect saves a profile named after the host; it can be edited and deleted.
    const quick = `127.0.0.1:${lab.management!.port}`
    await page.getByLabel(t('ui.device.quickTarget')).fill(`${lab.credentials!.username}@${quick}`)
    await page.getByRole('button', { name: t('ui.device.quick'), exact: true }).click()
    await page.getByRole('dialog', { name: t('ui.device.connectTo', { name: quick }) }).waitFor()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('ui.cancel') })
      .click()
    await page.getByRole('button', { name: t('ui.device.edit') }).click()
    await page.getByLabel(t('ui.device.name'), { exact: true }).fill('lab-asa')
    await page.getByRole('button', { name: t('ui.save'), exact: true }).click()
    await check.addProfile('spare', 2222, 'admin')
    await page.getByRole('button', { name: t('ui.device.delete') }).click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('ui.device.delete') })
      .click()
    await expect
      .poll(() => page.getByLabel(t('ui.device.profile'), { exact: true }).locator('option').allTextContents())
      .toEqual(['lab-asa'])

    const connect = async (secret: string) => {
      await page.getByRole('button', { name: t('ui.device.connect'), exact: true }).click()
      await page.getByLabel(t('ui.device.password'), { exact: true }).fill(lab.credentials!.password)
      await page.getByLabel(t('ui.device.enableSecret')).fill(secret)
      await page.getByRole('dialog').locator('button[type="submit"]').click()
    }
    // First contact: the unknown key is accepted and remembered.
    await connect(lab.credentials!.enable)
    const first = page.getByTestId('host-key-fingerprint')
    await first.waitFor({ timeout: 15_000 })
    const genuine = await first.textContent()
    await page.getByRole('button', { name: t('ui.hostKey.accept') }).click()
    await page.getByRole('tab', { name: 'lab-asa' }).waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: t('ui.closeTab', { name: 'lab-asa' }) }).click()

    // The stored key no longer matches what the device presents.
    tamperKnownHosts(knownHostsFile(app.home))
    const storedBefore = readFileSync(knownHostsFile(app.home), 'utf8')
    await connect('typed-secret')
    const compare = page.getByTestId('host-key-compare')
    await compare.waitFor({ timeout: 15_000 })
    const oldKey = (await page.getByTestId('host-key-old').textContent()) ?? ''
    const newKey = (await page.getByTestId('host-key-new').textContent()) ?? ''
    expect(newKey).toContain(genuine!)
    expect(oldKey).toMatch(/SHA256:/)
    expect(oldKey).not.toContain(genuine!)
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      await page.screenshot({ path: join(artifacts, `walk-en-${size.width}x${size.height}-6-host-key-changed.png`) })
    }
    await page.setViewportSize({ width: 1366, height: 768 })

    // Clicking is not enough: the button waits for the phrase.
    const replace = page.getByRole('button', { name: t('ui.hostKeyChanged.replace') })
    expect(await replace.isDisabled()).toBe(true)
    const phraseInput = page.getByLabel(t('ui.hostKeyChanged.typePhrase', { phrase: t('ui.hostKeyChanged.phrase') }))
    await phraseInput.fill('I verified it')
    expect(await replace.isDisabled()).toBe(true)
    expect(readFileSync(knownHostsFile(app.home), 'utf8')).toBe(storedBefore)
    await phraseInput.fill(t('ui.hostKeyChanged.phrase'))
    await replace.click()
    await expect.poll(() => page.getByTestId('connect-notice').textContent()).toContain(genuine!)
    // The enable secret typed before the host-key dialogs is still there (point 7: a dialog does not lose it).
    expect(await page.getByLabel(t('ui.device.enableSecret')).inputValue()).toBe('typed-secret')
    expect(readFileSync(knownHostsFile(app.home), 'utf8').trim()).toBe('')

    const [summary] = new CaseStore(app.home).list()
    const entries = new CaseStore(app.home).read(summary!.id).entries
    const replaced = entries.find((e) => e.type === JOURNAL.hostKeyReplaced)
    expect(replaced?.data).toMatchObject({ next: genuine, removed: 1, port: lab.management!.port })

    // The next connection asks about the new key as a first-time key: the same fingerprint as verified.
    await page.getByLabel(t('ui.device.enableSecret')).fill(lab.credentials!.enable)
    await page.getByRole('dialog').locator('button[type="submit"]').click()
    await first.waitFor({ timeout: 15_000 })
    expect(await first.textContent()).toBe(genuine)
    await page.getByRole('button', { name: t('ui.hostKey.accept') }).click()
    await page.getByRole('tab', { name: 'lab-asa' }).waitFor({ timeout: 15_000 })

    // Point 10: a session the device closed can be reconnected from its tab.
    await expect.poll(() => check.focusInTerminal(), { timeout: 5_000 }).toBe(true)
    await page.keyboard.type('exit')
    await page.keyboard.press('Enter')
    const reconnect = page.getByRole('button', { name: t('ui.device.reconnect') })
    await reconnect.waitFor({ timeout: 15_000 })
    await reconnect.click()
    await page.getByLabel(t('ui.device.password'), { exact: true }).fill(lab.credentials!.password)
    await page.getByRole('dialog').locator('button[type="submit"]').click()
    await expect
      .poll(() => page.getByRole('tab', { name: 'lab-asa', exact: true }).count(), { timeout: 15_000 })
      .toBe(1)
    await page.close()
  })

  it('main refuses a replacement without the phrase; a plain hyphen for the dash is the same phrase', async () => {
    const home = makeTempDir()
    try {
      const handlers = createHandlers(createServices({ home: home.path, encryptor: null, emit: () => {} }))
      const file = knownHostsFile(home.path)
      // A stored key for the host (any well-formed entry: only its fingerprint matters here).
      const line = `[127.0.0.1]:${lab.management!.port} ssh-ed25519 ${Buffer.from('a stored test key').toString('base64')}`
      const key = {
        host: '127.0.0.1',
        port: lab.management!.port,
        previous: 'SHA256:AAAA',
        next: 'SHA256:BBBB',
        lang: 'ko' as const,
      }
      writeFileSync(file, `${line}\n`, { mode: 0o600 })
      const fingerprint = (await import('../../src/main/transports/known-hosts')).sha256Fingerprint(
        Buffer.from(line.split(/\s+/)[2]!, 'base64'),
      )
      expect(() => handlers['hostKeys.replace']({ ...key, previous: fingerprint, confirmation: 'replace' })).toThrow(
        /confirmation phrase/,
      )
      expect(readFileSync(file, 'utf8').trim()).toBe(line)
      const phrase = createTranslator('ko')('ui.hostKeyChanged.phrase').replace('—', '-')
      expect(handlers['hostKeys.replace']({ ...key, previous: fingerprint, confirmation: phrase })).toEqual({
        removed: 1,
        readOnly: [],
      })
      expect(readFileSync(file, 'utf8').trim()).toBe('')
    } finally {
      home.remove()
    }
  })

  it('a silent host shows the time waited and Cancel; a wrong password keeps the enable secret', {
    timeout: 60_000,
  }, async () => {
    const t = createTranslator('en')
    const silent = await silentHost()
    const silentPort = silent.port
    const page = await openApp(browser, app, 'en')
    try {
      const check = fieldChecks(page, t)
      await page.getByRole('button', { name: /^Continue Hanbit Logistics/ }).click()
      await check.addProfile('silent', silentPort, 'admin')
      await page.getByRole('button', { name: t('ui.device.connect'), exact: true }).click()
      await page.getByLabel(t('ui.device.password'), { exact: true }).fill('x')
      await page.getByRole('dialog').locator('button[type="submit"]').click()
      const elapsed = page.getByTestId('connect-elapsed')
      await expect
        .poll(() => elapsed.textContent(), { timeout: 15_000 })
        .toMatch(
          new RegExp(
            t('ui.connectHelp.silent', { peer: `127.0.0.1:${silentPort}`, seconds: '§' })
              .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
              .replace('§', '\\d+'),
          ),
        )
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('ui.cancel') })
        .click()
      expect(await page.getByRole('dialog').count()).toBe(0)

      // The lab ASA with a wrong password: the error says so, and the enable secret typed is still there.
      await page.getByLabel(t('ui.device.profile'), { exact: true }).selectOption({ label: 'lab-asa' })
      await page.getByRole('button', { name: t('ui.device.connect'), exact: true }).click()
      await page.getByLabel(t('ui.device.password'), { exact: true }).fill('not-the-password')
      await page.getByLabel(t('ui.device.enableSecret')).fill('typed-enable')
      await page.getByRole('dialog').locator('button[type="submit"]').click()
      const alert = page.getByRole('dialog').getByRole('alert')
      await alert.waitFor({ timeout: 20_000 })
      expect(await page.getByLabel(t('ui.device.enableSecret')).inputValue()).toBe('typed-enable')
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('ui.cancel') })
        .click()
    } finally {
      await page.close()
      silent.close()
    }
  })
})
