/**
 * The outbound check from the app (lab-probe's `probe.egress`) against the lab: two loopback "remote MX hosts", one
 * behind the lab's inspecting proxy, one direct — some destinations mask, so this site's own path does not.
 */
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../src/lab'
import { createHandlers } from '../../src/main/api-handlers'
import { createServices } from '../../src/main/services'
import { createTranslator } from '../../src/shared/i18n'
import {
  bridgeScript,
  CHROMIUM_ARGS,
  chromiumPath,
  type Harness,
  rendererDir,
  startRendererHarness,
} from '../support/renderer-harness'
import { makeTempDir } from '../support/temp-dir'

const ready = chromiumPath !== undefined && existsSync(join(rendererDir, 'index.html'))

describe.skipIf(!ready)('diagnosis tools in the built renderer: outbound check, inconclusive probes, recognition chips', () => {
  let browser: Browser
  let harness: Harness
  let lab: Lab
  let temp: ReturnType<typeof makeTempDir>

  beforeAll(async () => {
    temp = makeTempDir()
    lab = await startLab({ scenario: 'asa9-default', stateDir: join(temp.path, 'lab') })
    harness = await startRendererHarness((emit) =>
      createHandlers(
        createServices({ home: temp.path, encryptor: null, emit, probeOptions: { timeouts: { totalMs: 15_000 } } }),
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

  it('says which destinations lose STARTTLS and what that means for the local path', { timeout: 60_000 }, async () => {
    const t = createTranslator('ko')
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' })
    await page.addInitScript(bridgeScript)
    await page.goto(harness.url)
    await page.getByRole('button', { name: t('ui.start.newJob') }).click()
    await page.getByLabel(t('common.customer')).fill('Hanbit Logistics')
    await page.getByRole('button', { name: t('ui.createCase') }).click()
    await page.getByLabel(t('ui.egress.hosts')).fill(`127.0.0.1:${lab.smtp.port}, 127.0.0.1:${lab.direct.port}`)
    await page.getByRole('button', { name: t('ui.egress.run') }).click()
    const result = page.getByTestId('egress-result')
    await result.waitFor({ timeout: 30_000 })
    const text = (await result.textContent()) ?? ''
    expect(text).toContain(t('probe.egress.conclusion.some-destinations-mask', { lost: 1, reached: 2 }))
    expect(text).toContain(`127.0.0.1:${lab.smtp.port} — ${t('probe.egress.view.masked')}`)
    expect(text).toContain(`127.0.0.1:${lab.direct.port} — ${t('probe.egress.view.offered')}`)
    await page.close()
  })

  it('a failed probe is "inconclusive", and each pasted text says whether it was recognised', {
    timeout: 60_000,
  }, async () => {
    const t = createTranslator('en')
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' })
    await page.addInitScript(bridgeScript)
    await page.goto(harness.url)
    await page.getByRole('button', { name: /^Continue Hanbit Logistics/ }).click()
    // A port nobody listens on: no SMTP conversation at all.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise((resolve) => server.close(resolve))
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
    expect(await chips.nth(0).textContent()).toContain(t('ui.parts.running-config'))
    expect(await chips.nth(1).textContent()).toContain(t('ui.analysis.notRecognised'))
    await page.close()
  })
})
