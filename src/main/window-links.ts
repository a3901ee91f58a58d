/**
 * Web links the app's pages ask to open (a URL the terminal recognised, a link in a preview) go to the user's browser
 * only if they are http or https, and only after a confirmation that shows the whole address (issue 14): a device
 * banner or a mail server can print any URL, and one click must not be enough to follow it. The address is shown as
 * the URL parser normalises it, so an internationalised host appears as punycode rather than as a look-alike.
 */
import { app, type BrowserWindow, dialog, type MessageBoxOptions, shell } from 'electron'
import { createTranslator, languageFromLocale } from '../shared/i18n'

const MAX_URL = 2048

/** The normalised address when `url` is an http(s) URL the app will offer to open, else null. */
export function webLink(url: string): string | null {
  if (url.length > MAX_URL) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** Asks, then opens; resolves true only if the link was handed to the browser. */
export async function confirmAndOpenExternal(url: string, parent: BrowserWindow | null): Promise<boolean> {
  const href = webLink(url)
  if (!href) return false
  const t = createTranslator(languageFromLocale(app.getLocale()))
  const options: MessageBoxOptions = {
    type: 'question',
    title: t('device.links.title'),
    message: t('device.links.message'),
    detail: href,
    buttons: [t('device.links.open'), t('device.links.cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  if (response !== 0) return false
  // Reviewed (Electronegativity OPEN_EXTERNAL_JS_CHECK): http(s) only, normalised, and only after the user confirmed
  // this exact address in the dialog above.
  await shell.openExternal(href) // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true
}
