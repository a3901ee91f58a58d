/**
 * The keyboard measurements of the field walk (issue 18, point 5): busy buttons keep the focus (aria-busy rather
 * than disabled, which drops the focus to <body> and with it Escape), and the pane shortcuts with their help.
 */
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Translate } from '../../../src/shared/i18n'

export interface BusyWatch {
  /** Samples taken while the button said aria-busy="true". */
  busySeen: number
  /** What had the focus instead of the busy button (or 'disabled'), one entry per bad sample. */
  elsewhere: string[]
  /** It was busy and is no longer (or left the page). */
  idle: boolean
}

export function keyboardChecks(page: Page, t: Translate) {
  /**
   * Point 5: busy keeps the focus. Watches `button` from now on (every frame and every attribute change): while it
   * says aria-busy="true" and is shown, the focus must be on it — not on <body> — and it must not be disabled; once
   * folded out of sight, the focus may be elsewhere but never on <body>. The returned function stops watching and gives how often it was seen busy and any other focus.
   */
  async function watchBusy(button: Locator): Promise<() => Promise<BusyWatch>> {
    await button.evaluate((el) => {
      const seen: BusyWatch = { busySeen: 0, elsewhere: [], idle: false }
      const sample = () => {
        if (!el.isConnected || el.getAttribute('aria-busy') !== 'true') {
          seen.idle = seen.busySeen > 0
          return
        }
        seen.busySeen++
        const active = document.activeElement
        const disabled = (el as HTMLButtonElement).disabled
        // A busy button that is shown keeps the focus; one folded away (the probe forms fold after a run) may hand
        // it to something visible, but never to <body>.
        const lost = el.checkVisibility() ? active !== el : !active || active === document.body
        if (lost || disabled) seen.elsewhere.push(disabled ? 'disabled' : (active?.tagName ?? 'none'))
      }
      const observer = new MutationObserver(sample)
      observer.observe(el, { attributes: true })
      let frame = 0
      const tick = () => {
        sample()
        frame = requestAnimationFrame(tick)
      }
      tick()
      ;(window as unknown as { __busy: unknown }).__busy = {
        seen,
        stop: () => {
          observer.disconnect()
          cancelAnimationFrame(frame)
        },
      }
    })
    return () =>
      page.evaluate(() => {
        const busy = (window as unknown as { __busy: { seen: BusyWatch; stop(): void } }).__busy
        busy.stop()
        return busy.seen
      })
  }

  const busyNow = () => page.evaluate(() => (window as unknown as { __busy: { seen: BusyWatch } }).__busy.seen)

  return {
    watchBusy,

    /**
     * Presses `button` from the keyboard (focus, Enter) and watches it while it is busy: until it is idle again, or
     * — with `whileBusy` — until that step (e.g. Escape) has been taken while it was still busy.
     */
    async pressKeepingFocus(button: Locator, whileBusy?: () => Promise<void>): Promise<BusyWatch> {
      const stop = await watchBusy(button)
      await button.focus()
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await busyNow()).busySeen, { timeout: 30_000 }).toBeGreaterThan(2)
      if (whileBusy) await whileBusy()
      else await expect.poll(async () => (await busyNow()).idle, { timeout: 90_000 }).toBe(true)
      return stop()
    },

    /** Ctrl+2 / Ctrl+1 go to each pane directly; F1 lists every shortcut; Escape closes the list, focus returns. */
    async paneShortcuts(): Promise<void> {
      const focusIn = (selector: string) => page.evaluate((s) => document.activeElement?.closest(s) !== null, selector)
      await page.keyboard.press('Control+2')
      expect(await focusIn('.diagnosis-pane')).toBe(true)
      await page.keyboard.press('Control+1')
      expect(await focusIn('.xterm')).toBe(true)
      await page.keyboard.press('F1')
      const list = page.getByRole('dialog', { name: t('ui.keys.title') }).getByTestId('keys-help')
      await list.waitFor()
      const text = await list.textContent()
      for (const key of ['Ctrl+1', 'Ctrl+2', 'F6', 'Ctrl+Shift+P', 'Ctrl+Shift+E', 'Ctrl+Shift+N'])
        expect(text).toContain(key)
      expect(text).toContain(t('ui.keys.actions.switch'))
      await page.keyboard.press('Escape')
      expect(await page.getByRole('dialog').count()).toBe(0)
      expect(await focusIn('.xterm')).toBe(true)
    },
  }
}
