/**
 * Bytes from a server as transcript text. Servers speak ASCII, but hostile or broken ones send anything:
 * valid UTF-8 is kept (a banner may carry Hangul), everything else is shown byte by byte, and control
 * characters always become `\xHH` so a transcript never carries terminal escapes into a report or a TTY.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true })

export function lineText(bytes: Uint8Array): string {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    text = Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : hex(b))).join('')
  }
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f\x80-\x9f]/g, (ch) => hex(ch.charCodeAt(0)))
}

function hex(code: number): string {
  return `\\x${code.toString(16).padStart(2, '0')}`
}
