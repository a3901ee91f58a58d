/**
 * Turns what a terminal session received into plain text lines, as a screen would show them: ANSI
 * escape sequences removed, carriage returns and backspaces applied (the pager erases `<--- More --->`
 * that way), leftover pager prompts removed, trailing spaces trimmed.
 */
import { MORE_PROMPT } from './common'

const ANSI =
  // CSI … final byte | OSC … BEL or ST | two-byte escapes (ESC 7, ESC =, ESC ( B …)
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>78]/g

export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI, '') : text
}

/** Control characters other than tab: a line without any is already what the screen shows. */
const NEEDS_RENDERING = /[\x00-\x08\x0a-\x1f\x7f]/

/** Applies CR and BS to one physical line the way a terminal would: later text overwrites earlier text. */
export function renderLine(line: string): string {
  if (!NEEDS_RENDERING.test(line)) return line.trimEnd()
  const cells: string[] = []
  let cursor = 0
  for (const ch of line) {
    if (ch === '\r') cursor = 0
    else if (ch === '\b') cursor = Math.max(0, cursor - 1)
    else if ((ch < ' ' && ch !== '\t') || ch === '\x7f') continue
    else cells[cursor++] = ch
  }
  return Array.from(cells, (c) => c ?? ' ')
    .join('')
    .replace(/\s+$/, '')
}

const MORE_GLOBAL = new RegExp(MORE_PROMPT.source, 'g')

/** Cleans a whole block of received text; lines are separated by `\n` in the result. */
export function cleanTerminalText(raw: string): string {
  const text = stripAnsi(raw).replace(/\r+\n/g, '\n')
  return text
    .split('\n')
    .map((line) => {
      const shown = renderLine(line)
      return shown.includes('More') ? shown.replace(MORE_GLOBAL, '').trimEnd() : shown
    })
    .join('\n')
}
