import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/api-handlers'
import { CaseStore } from '../../src/main/cases/case-store'
import { createServices } from '../../src/main/services'
import {
  bridgeScript,
  CHROMIUM_ARGS,
  chromiumPath,
  type Harness,
  rendererDir,
  startRendererHarness,
} from '../support/renderer-harness'
import { makeTempDir } from '../support/temp-dir'

const artifacts = join(import.meta.dirname, '../../test-artifacts')
const ready = chromiumPath !== undefined && existsSync(join(rendererDir, 'index.html'))

describe.skipIf(!ready)('built renderer in headless Chromium', () => {
  let browser: Browser
  let harness: Harness
  let temp: ReturnType<typeof makeTempDir>

  beforeAll(async () => {
    temp = makeTempDir()
    const store = new CaseStore(temp.path)
    store.create({ customer: 'Hanbit Logistics', site: 'Incheon DC' }).close()
    harness = await startRendererHarness((emit) =>
      createHandlers(createServices({ home: temp.path, encryptor: null, emit, platform: 'linux' })),
    )
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    temp?.remove()
  })

  it('boots the app frame with the real case store behind the contract, without page errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.addInitScript(bridgeScript)
    await page.goto(harness.url)
    // The start screen first: the last case is offered, never reopened silently (issue 18, point 8).
    await page.getByRole('button', { name: /^Continue Hanbit Logistics, / }).click()
    await expect.poll(() => page.getByTestId('case-current').textContent()).toBe('Hanbit Logistics · Incheon DC')
    expect(await page.getByRole('region', { name: 'Terminal' }).textContent()).toContain('No device session')
    await page.getByLabel('Language').selectOption('ko')
    await expect.poll(() => page.getByRole('region', { name: '진단' }).textContent()).toContain('아직 결과가 없습니다')
    mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: join(artifacts, 'app-frame-ko.png') }) // not kept: see .gitignore
    expect(errors).toEqual([])
    await page.close()
  })

  it('gives the page no Node and lets its CSP block injected inline script and foreign connections', async () => {
    const page = await browser.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text())
    })
    await page.addInitScript(bridgeScript)
    await page.goto(harness.url)
    await page.getByTestId('start-screen').waitFor()
    const probe = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.appendChild(script)
      let fetched = 'blocked'
      try {
        await fetch('http://127.0.0.2:9/')
        fetched = 'reached'
      } catch {
        fetched = 'blocked'
      }
      return { require: typeof w.require, process: typeof w.process, injected: w.__injected === true, fetched }
    })
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', injected: false, fetched: 'blocked' })
    expect(violations.length).toBeGreaterThanOrEqual(2)
    await page.close()
  })
})
