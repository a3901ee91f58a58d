/**
 * The app as the e2e tests run it: the built renderer in Debian's Chromium, the real main services behind the
 * contract (over the renderer harness), and the lab (simulated ASA over SSH, mail server, inspecting proxy) on
 * loopback. One place for the set-up the field tests share.
 */
import { existsSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { type Lab, startLab } from '../../../src/lab'
import { createHandlers, type DesktopShell } from '../../../src/main/api-handlers'
import { createChromiumPrinter } from '../../../src/main/report/pdf-chromium'
import type { Encryptor } from '../../../src/main/secrets/secret-store'
import { createServices } from '../../../src/main/services'
import type { Translate } from '../../../src/shared/i18n'
import {
  bridgeScript,
  CHROMIUM_ARGS,
  chromiumPath,
  type Harness,
  rendererDir,
  startRendererHarness,
} from '../../support/renderer-harness'
import { makeTempDir } from '../../support/temp-dir'

export const appReady = chromiumPath !== undefined && existsSync(join(rendererDir, 'index.html'))
export const artifacts = join(import.meta.dirname, '../../../test-artifacts')

export interface LabApp {
  lab: Lab
  harness: Harness
  /** The app's home (cases, profiles, known_hosts). */
  home: string
  close(): Promise<void>
}

export async function startLabApp(options: { encryptor?: Encryptor; shell?: DesktopShell } = {}): Promise<LabApp> {
  const temp = makeTempDir()
  const lab = await startLab({ scenario: 'asa9-default', stateDir: join(temp.path, 'lab') })
  const harness = await startRendererHarness((emit) =>
    createHandlers(
      createServices({
        home: temp.path,
        encryptor: options.encryptor ?? null,
        shell: options.shell,
        emit,
        probeOptions: { timeouts: { totalMs: 15_000 } },
        printer: () => createChromiumPrinter({ executablePath: chromiumPath! }),
      }),
    ),
  )
  return {
    lab,
    harness,
    home: temp.path,
    close: async () => {
      await harness.close()
      await lab.stop()
      temp.remove()
    },
  }
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS })

const errorsOf = new WeakMap<Page, string[]>()

/** Uncaught errors of the page since it opened (none is expected). */
export const pageErrors = (page: Page): string[] => errorsOf.get(page) ?? []

export async function openApp(browser: Browser, app: LabApp, lang: 'en' | 'ko'): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1366, height: 768 },
    locale: lang === 'ko' ? 'ko-KR' : 'en-US',
  })
  const errors: string[] = []
  errorsOf.set(page, errors)
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript(bridgeScript)
  await page.goto(app.harness.url)
  return page
}

/** "New job" on the start screen: a case for the customer (and engineer, when given). */
export async function newJob(
  page: Page,
  t: Translate,
  customer: string,
  extra: { site?: string; engineer?: string } = {},
) {
  await page.getByRole('button', { name: t('ui.start.newJob') }).click()
  await page.getByLabel(t('common.customer')).fill(customer)
  if (extra.site) await page.getByLabel(t('common.site')).fill(extra.site)
  if (extra.engineer) await page.getByLabel(t('common.engineer')).fill(extra.engineer)
  await page.getByRole('button', { name: t('ui.createCase') }).click()
}

/** A loopback port nobody listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A loopback listener that accepts and never says a word (no SSH banner): a host that does not answer. */
export async function silentHost(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const socket of sockets) socket.destroy()
      server.close()
    },
  }
}

/** Stands in for Electron's `shell` (the only Electron part here): records what the app asked to open. */
export function recordingShell(calls: Array<{ open?: string; folder?: string }>): DesktopShell {
  return {
    openPath: async (path) => {
      calls.push({ open: path })
      return ''
    },
    showItemInFolder: (path) => {
      calls.push({ folder: path })
    },
  }
}
