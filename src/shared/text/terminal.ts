/**
 * The one terminal-text cleaner, for live device output (the driver, the terminal log) and for pasted text (the
 * evidence parsers) alike: what a screen would show, line by line.
 *
 *   splitLines(text)          lines as a screen counts them: LF ends a line (CRLF, CR CR LF too); a lone CR
 *                             returns to the start of the line (the pager's erase) and is applied by renderLine
 *   stripAnsi(text)           CSI, OSC (window titles, also without their ESC: `]2;title` + BEL), C1 and two-byte escapes
 *   renderLine(line)          CR and BS applied as a terminal would, other control characters (NUL…) dropped
 *   cleanTerminalLine(line)   all of the above plus pager residue, for one line
 *   cleanTerminalText(text)   the same for a whole text; lines joined with `\n`
 *
 * Pager residue (ASA/PIX `<--- More --->`, FTD `--More--`) comes in several shapes: followed by CR + spaces + CR or by
 * BS + spaces + BS (the device's erase, applied by renderLine), as the bare prompt followed by its erase spaces when a
 * log kept only the printable characters, HTML-escaped (`&lt;--- More ---&gt;`) when copied from a web page, or alone
 * on its line, or with its CRs shown as `^M`. Whatever the shape, the line left is the device's line with its indentation.
 */
import { MORE_PROMPT } from '../devices/common'

const ANSI = new RegExp(
  [
    // CSI … final byte
    '\\x1b\\[[0-?]*[ -/]*[@-~]',
    // OSC … BEL or ST; an unterminated one runs to the end of its line
    '\\x1b\\][^\\x07\\x1b\\n]*(?:\\x07|\\x1b\\\\)?',
    // C1 CSI and OSC (8-bit forms)
    '\\x9b[0-?]*[ -/]*[@-~]',
    '\\x9d[^\\x07\\x9c\\n]*(?:\\x07|\\x9c)?',
    // OSC whose ESC a copy lost: only a numbered one ending in BEL (`]0;user@host: ~` + BEL) is unmistakable
    '\\](?:0|1|2|7|8|133);[^\\x07\\n]*\\x07',
    // two-byte escapes: ESC 7, ESC =, ESC ( B …
    '\\x1b[()][0-9A-Za-z]',
    '\\x1b[@-Z\\\\-_=>78]',
  ].join('|'),
  'g',
)

export function stripAnsi(text: string): string {
  return /[\x1b\x9b\x9d\x07]/.test(text) ? text.replace(ANSI, '') : text
}

/** Lines as a screen counts them: only LF ends a line. A final line end does not add an empty line. */
export function splitLines(text: string): string[] {
  const parts = text.split(/\r*\n/)
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  return parts
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

/** The pager prompts, also HTML-escaped; group 1 is set for the escaped form. */
const PAGER = new RegExp(`${MORE_PROMPT.source}|(&lt;-{2,3}\\s*More\\s*-{2,3}&gt;)`, 'g')

/**
 * Removes pager prompts from a rendered line. The erase that followed a prompt is as wide as the prompt on screen;
 * when a capture kept those spaces (its CRs or BSs lost), exactly that many go with the prompt, and fewer are left
 * alone because they are the next line's indentation.
 */
function withoutPager(line: string): string {
  if (!line.includes('More')) return line
  let out = ''
  let at = 0
  PAGER.lastIndex = 0
  for (let m = PAGER.exec(line); m; m = PAGER.exec(line)) {
    const width = m[1] ? m[0].length - 6 : m[0].length
    let end = m.index + m[0].length
    const spaces = /^ */.exec(line.slice(end, end + width))![0].length
    if (spaces >= width) end += width
    out += line.slice(at, m.index)
    at = end
    PAGER.lastIndex = end
  }
  return (out + line.slice(at)).trimEnd()
}

/**
 * A log viewed through `cat -v` or an editor shows each CR as the two characters `^M`; around a pager prompt (or as
 * the `^M` + spaces + `^M` erase) they are the erase sequence and are read as CRs again. A public clean-up script for
 * such ASA captures (code index id 14715841848) removes exactly these `^M … ^M` segments.
 */
const CARET_M_ERASE = /\^M {2,}\^M/

function caretMAsCr(line: string): string {
  return line.includes('^M') && (line.includes('More') || CARET_M_ERASE.test(line)) ? line.replace(/\^M/g, '\r') : line
}

/** Anything the cleaner acts on; most lines of a configuration have none and take the fast path. */
const NEEDS_CLEANING = /[\x00-\x08\x0a-\x1f\x7f\x9b\x9d]|More|\^M/
const TEXT_NEEDS_CLEANING = /[\x00-\x08\x0b-\x1f\x7f\x9b\x9d]|More|\^M/

/** Whether any line of a whole text needs more than trimming (one scan instead of one per line). */
export function textNeedsCleaning(text: string): boolean {
  return TEXT_NEEDS_CLEANING.test(text)
}

export function cleanTerminalLine(line: string): string {
  if (!NEEDS_CLEANING.test(line)) return line.trimEnd()
  return withoutPager(renderLine(stripAnsi(caretMAsCr(line))))
}

/** A whole text or a streamed piece of one: a final line end is kept, so cleaned pieces join up as received. */
export function cleanTerminalText(raw: string): string {
  // The driver cleans every chunk of a 20,000-line configuration as it arrives: plain string splits and a per-line
  // fast path rather than a regular-expression split (the same lines: CR before LF never survives either way).
  const text = stripAnsi(raw)
  const lines = (text.includes('\r') ? text.replace(/\r+\n/g, '\n') : text).split('\n')
  for (let i = 0; i < lines.length; i++) lines[i] = cleanTerminalLineStripped(lines[i]!)
  return lines.join('\n')
}

function cleanTerminalLineStripped(line: string): string {
  if (!NEEDS_CLEANING.test(line)) return line.trimEnd()
  return withoutPager(renderLine(caretMAsCr(line)))
}
