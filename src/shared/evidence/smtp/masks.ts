/** Shapes of text that an inspecting firewall leaves behind: asterisked banners and X-ed commands. */

/** `"XXXXXXXX"` or `: XXXX` inside a reply that quotes the command it did not recognise. */
export const MASKED_COMMAND_IN_REPLY = /["'`:]\s*X{4,}[A-Z0-9]?\b/

const ONLY_MASK_CHARS = /^[20 *\t]*$/

/**
 * `mailguard` when digits 2/0 survive among the asterisks (PIX 5.1+) or for the early-PIX `SMTP/cmap` banner;
 * `asterisks` when only asterisks follow the code (PIX 4.x, ASA mask-banner); null for an ordinary line.
 */
export function bannerMaskVariant(text: string): 'mailguard' | 'asterisks' | null {
  const t = text.trim()
  if (/^220[ -]SMTP\/cmap_{5,}read/.test(t)) return 'mailguard'
  if (!t.startsWith('2') || !ONLY_MASK_CHARS.test(t)) return null
  const stars = t.replace(/[^*]/g, '').length
  if (stars < 3) return null
  const afterCode = /^2[0-9]{2}[ -]/.test(t) ? t.slice(4) : t.slice(3)
  return /[20]/.test(afterCode) ? 'mailguard' : 'asterisks'
}
