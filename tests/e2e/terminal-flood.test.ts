/**
 * 20 MB of device output through the real session service, the contract and the built renderer's xterm,
 * while the user keeps clicking: the UI must answer during the flood, and every byte must arrive.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/api-handlers'
import { CaseStore } from '../../src/main/cases/case-store'
import { ProfileStore } from '../../src/main/profiles/profile-store'
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
import { socketChannel } from '../support/socket-channel'
import { makeTempDir } from '../support/temp-dir'

const ready = chromiumPath !== undefined && existsSync(join(rendererDir, 'index.html'))
const TOTAL_LINES = 250_000
const LINE = `${'0123456789abcdefghijklmnopqrstuvwxyz'.repeat(2)}-line\r\n`

describe.skipIf(!ready)('terminal flood in the built renderer', () => {
  let browser: Browser
  let harness: Harness
  let device: Server
  let temp: ReturnType<typeof makeTempDir>
  const sockets: Socket[] = []
  const progress = { sent: 0, done: false }

  beforeAll(async () => {
    temp = makeTempDir()
    // A device that floods 20 MB on `flood`, honouring TCP backpressure like a real SSH server would.
    device = createServer((socket) => {
      sockets.push(socket)
      socket.write('floodbox# ')
      let typed = ''
      socket.on('data', (d) => {
        typed += d.toString()
        socket.write(d)
        if (!typed.includes('flood\r') || progress.sent > 0) return
        let i = 0
        const pump = () => {
          while (i < TOTAL_LINES) {
            i += 1
            const text = i === TOTAL_LINES ? 'FLOOD-END\r\nfloodbox# ' : LINE
            progress.sent += text.length
            if (!socket.write(text)) return void socket.once('drain', pump)
          }
          progress.done = true
        }
        pump()
      })
    })
    await new Promise<void>((resolve) => device.listen(0, '127.0.0.1', resolve))
    const port = (device.address() as { port: number }).port
    new CaseStore(temp.path).create({ customer: 'Flood test' }).close()
    new ProfileStore(temp.path).saveDevice({
      id: randomUUID(),
      name: 'floodbox',
      transport: 'telnet',
      host: '127.0.0.1',
      port,
      backspace: 'ctrl-h',
    })
    harness = await startRendererHarness((emit) =>
      createHandlers(
        createServices({
          home: temp.path,
          encryptor: null,
          emit,
          openChannel: (p) => socketChannel(p.transport === 'telnet' ? p.port : 0),
        }),
      ),
    )
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => device?.close(() => resolve()))
    temp?.remove()
  })

  it('keeps answering clicks while 20 MB stream through, and loses nothing', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.addInitScript(bridgeScript)
    await page.goto(harness.url)
    // The start screen first (issue 18 point 8): continue the case made for this test.
    await page.getByRole('button', { name: /^Continue Flood test/ }).click()
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    await page.getByRole('dialog').locator('button[type="submit"]').click()
    await page.getByRole('tab', { name: 'floodbox' }).waitFor()
    await page.locator('.xterm').click()
    await page.keyboard.type('flood')
    await page.keyboard.press('Enter')
    await expect.poll(() => progress.sent, { timeout: 30_000 }).toBeGreaterThan(1_000_000)

    // Clicks during the flood: each must take effect before the device has finished sending.
    await page.getByLabel('Language').selectOption('ko')
    await page.getByRole('region', { name: '터미널' }).waitFor({ timeout: 5_000 })
    const sentAtKoreanUi = progress.sent
    await page.getByLabel('언어').selectOption('en')
    await page.getByRole('region', { name: 'Terminal' }).waitFor({ timeout: 5_000 })
    expect(progress.done).toBe(false)
    expect(sentAtKoreanUi).toBeLessThan(TOTAL_LINES * LINE.length)

    await expect.poll(() => terminalText(page, 5), { timeout: 90_000, interval: 500 }).toContain('FLOOD-END')
    expect(progress.done).toBe(true)
    // Every character the device sent reached the page: greeting + echo of `flood\r` + the flood itself.
    const received = await page.evaluate(() => (window as unknown as { __unmaskDataChars: number }).__unmaskDataChars)
    expect(received).toBe('floodbox# '.length + 'flood\r'.length + progress.sent)
    mkdirSync(join(import.meta.dirname, '../../test-artifacts'), { recursive: true })
    await page.screenshot({ path: join(import.meta.dirname, '../../test-artifacts/terminal-after-flood.png') })
    expect(errors).toEqual([])
    await page.close()
  })
})
