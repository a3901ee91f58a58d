/**
 * The measurements of the field walk (issue 18): each returns what it saw so the walk can assert it. They read the
 * page as a user sees it — bounding boxes in the viewport, the focused element, the visible text.
 */
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Translate } from '../../../src/shared/i18n'

export interface SendWatch {
  panelSeen: boolean
  panelInView: boolean
  linesSeen: number
  cancelHidden: boolean
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function fieldChecks(page: Page, t: Translate) {
  const viewport = () => page.viewportSize() ?? { width: 1366, height: 768 }

  return {
    /** At most two rows, the case selector whole, no control broken inside a word. */
    async headerFits(): Promise<void> {
      const seen = await page.evaluate(() => {
        const header = document.querySelector('header.case-bar') as HTMLElement
        const select = header.querySelector('select[aria-label]') as HTMLElement
        const broken = [...header.querySelectorAll<HTMLElement>('button, .status, label')]
          .filter((el) => el.offsetParent !== null)
          .filter((el) => {
            const line = Number.parseFloat(getComputedStyle(el).lineHeight) || 20
            return el.getBoundingClientRect().height > line * 1.6 + 12
          })
          .map((el) => el.textContent)
        const box = select.getBoundingClientRect()
        return { height: header.getBoundingClientRect().height, right: box.right, broken }
      })
      expect(seen.broken).toEqual([])
      expect(seen.right).toBeLessThanOrEqual(viewport().width)
      expect(seen.height).toBeLessThanOrEqual(100)
    },

    async addProfile(name: string, port: number, username: string): Promise<void> {
      await page.getByRole('button', { name: t('ui.device.newProfile') }).click()
      await page.getByLabel(t('ui.device.name'), { exact: true }).fill(name)
      await page.getByLabel(t('ui.device.host')).fill('127.0.0.1')
      await page.getByLabel(t('ui.device.port'), { exact: true }).fill(String(port))
      await page.getByLabel(t('ui.device.username')).fill(username)
      await page.getByRole('button', { name: t('ui.save'), exact: true }).click()
    },

    focusInTerminal: () => page.evaluate(() => document.activeElement?.closest('.xterm') !== null),

    /** Entirely visible without scrolling anything. */
    async inFirstViewport(locator: Locator): Promise<void> {
      const box = await locator.boundingBox()
      expect(box).not.toBeNull()
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport().height)
    },

    /** Point 9: the device line opens at its number, indentation kept; "back to the finding" returns. */
    async sourceViewer(): Promise<void> {
      const row = page.locator('.diagnosis-pane > .checks-list [data-testid="check-row"]', {
        hasText: t('findings.asa.esmtp-inspection-active.title', { places: 'global_policy/inspection_default' }),
      })
      await row.locator('summary').click()
      const link = row.getByRole('button', {
        name: new RegExp(`^${escapeRegExp(t('ui.sources.device', { name: 'lab-asa' }))}`),
      })
      await link.first().click()
      await expect
        .poll(() =>
          page.evaluate(() =>
            document.activeElement?.closest('.source-lines') ? document.activeElement.textContent : '',
          ),
        )
        .toMatch(/inspect esmtp|policy-map/)
      const style = await page.evaluate(() => {
        const code = document.activeElement?.querySelector('code') as HTMLElement
        return { whiteSpace: getComputedStyle(code).whiteSpace, text: code.textContent ?? '' }
      })
      expect(style.whiteSpace).toBe('pre')
      await page
        .getByRole('button', { name: new RegExp(escapeRegExp(t('ui.sources.back'))) })
        .first()
        .click()
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
        t('ui.sources.device', { name: 'lab-asa' }),
      )
      await row.locator('summary').click()
      await page.locator('.diagnosis-pane').evaluate((pane) => pane.scrollTo(0, 0))
    },

    async openFix(): Promise<Locator> {
      await page
        .getByTestId('verdict')
        .getByRole('button', { name: t('ui.verdict.apply') })
        .click()
      const dialog = page.getByRole('dialog', {
        name: new RegExp(`^${escapeRegExp(t('ui.fix.titleFor', { remedy: '' }))}.+`),
      })
      await dialog.waitFor()
      expect(await dialog.getByRole('list', { name: t('ui.fix.steps.label') }).textContent()).toContain(
        t('ui.fix.steps.verify'),
      )
      return dialog
    },

    async footerInView(dialog: Locator): Promise<void> {
      const box = await dialog.locator('.dialog-footer').boundingBox()
      expect(box).not.toBeNull()
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport().height)
    },

    /**
     * Types the hostname and sends, watching the DOM while lines go in: the progress panel must appear inside the
     * viewport with this fix's lines, and no Cancel may be offered meanwhile.
     */
    async applyWatchingProgress(dialog: Locator, hostname: string, label: string): Promise<SendWatch> {
      await page.evaluate(() => {
        const seen = { panelSeen: false, panelInView: false, linesSeen: 0, cancelHidden: true }
        ;(window as unknown as { __send: typeof seen }).__send = seen
        const look = () => {
          const panel = document.querySelector<HTMLElement>('[data-testid="fix-progress"]')
          if (!panel) return
          seen.panelSeen = true
          const box = panel.getBoundingClientRect()
          if (box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0) seen.panelInView = true
          seen.linesSeen = Math.max(seen.linesSeen, panel.querySelectorAll('li:not(.line-waiting)').length)
          if (!document.querySelector('[data-testid="fix-no-cancel"]')) seen.cancelHidden = false
        }
        const observer = new MutationObserver(look)
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        ;(window as unknown as { __sendObserver: MutationObserver }).__sendObserver = observer
      })
      await dialog.getByLabel(t('ui.fix.typeHostname', { hostname })).fill(hostname)
      await dialog.getByRole('button', { name: label, exact: true }).click()
      await dialog.getByRole('button', { name: t('ui.fix.verify') }).waitFor({ timeout: 30_000 })
      return page.evaluate(() => {
        const w = window as unknown as { __send: SendWatch; __sendObserver: MutationObserver }
        w.__sendObserver.disconnect()
        return w.__send
      })
    },

    /** The report preview: its state line, the text of the "after" section, and the change log in order. */
    async reportPreview(): Promise<{ state: string; after: string | null; history: string[] }> {
      await page.getByRole('button', { name: t('ui.report.preview') }).click()
      const frame = page.frameLocator('iframe.report-preview')
      await frame.locator('#summary .state').waitFor({ timeout: 30_000 })
      const state = (await frame.locator('#summary .state').textContent()) ?? ''
      const afterHeading = t('report.findings.afterHeading')
      const after = await frame.locator('#findings').evaluate((section, heading) => {
        const h = [...section.querySelectorAll('h3')].find((x) => x.textContent === heading)
        if (!h) return null
        let text = ''
        for (let el = h.nextElementSibling; el; el = el.nextElementSibling) text += el.textContent ?? ''
        return text
      }, afterHeading)
      const history = (await frame.locator('table.history tbody tr td:nth-child(3)').allTextContents()).map((x) =>
        x.replace(/\s*\(.*\)$/, ''),
      )
      expect(after).not.toBeNull()
      return { state, after, history }
    },
  }
}
