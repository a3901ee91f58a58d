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
    /**
     * At most two rows, the case selector whole, no control broken inside a word: every line break inside a
     * control's text falls at a space (measured per character with Range.getClientRects). In Korean the controls
     * use `word-break: keep-all`; a counter-example (the same words with `word-break: normal` in a narrow box)
     * proves the measurement does see a break inside a word.
     */
    async headerFits(): Promise<void> {
      const seen = await page.evaluate(() => {
        const midWordBreaks = (el: Element): string[] => {
          const found: string[] = []
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? ''
            let lastTop: number | undefined
            for (let i = 0; i < text.length; i++) {
              const range = document.createRange()
              range.setStart(node, i)
              range.setEnd(node, i + 1)
              const rect = range.getClientRects()[0]
              if (!rect || rect.width === 0) continue
              const wrapped = lastTop !== undefined && rect.top > lastTop + 2
              if (wrapped && !/\s/.test(text[i - 1] ?? ' ') && !/\s/.test(text[i]!))
                found.push(`${text.slice(0, i)}|${text.slice(i)}`)
              lastTop = rect.top
            }
          }
          return found
        }
        const header = document.querySelector('header.case-bar') as HTMLElement
        const select = header.querySelector('select[aria-label]') as HTMLElement
        const controls = [...header.querySelectorAll<HTMLElement>('button, .status, label, .case-current')].filter(
          (el) => el.offsetParent !== null,
        )
        const broken = controls.flatMap(midWordBreaks)
        const korean = document.documentElement.lang === 'ko'
        const notKeepAll = korean
          ? controls.filter((el) => getComputedStyle(el).wordBreak !== 'keep-all').map((el) => el.textContent)
          : []
        const probe = document.createElement('span')
        probe.style.cssText = 'display:inline-block;width:3.2em;word-break:normal;white-space:normal'
        probe.textContent = '새 케이스 보고서 미리 보기'
        header.append(probe)
        const counterExample = midWordBreaks(probe).length
        probe.remove()
        const box = select.getBoundingClientRect()
        const frame = header.getBoundingClientRect()
        return {
          height: frame.height,
          select: { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width },
          frame: { top: frame.top, bottom: frame.bottom },
          broken,
          notKeepAll,
          counterExample,
        }
      })
      expect(seen.broken).toEqual([])
      expect(seen.notKeepAll).toEqual([])
      expect(seen.counterExample).toBeGreaterThan(0)
      // The case selector is whole: inside the window and inside the header band.
      expect(seen.select.width).toBeGreaterThan(0)
      expect(seen.select.left).toBeGreaterThanOrEqual(0)
      expect(seen.select.right).toBeLessThanOrEqual(viewport().width)
      expect(seen.select.top).toBeGreaterThanOrEqual(seen.frame.top)
      expect(seen.select.bottom).toBeLessThanOrEqual(seen.frame.bottom)
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
