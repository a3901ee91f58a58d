/**
 * One updating status line on standard error for long work (collecting over a slow console, printing a report):
 * what is happening and the time since the start, redrawn in place with `\r` + erase-line. Drawn only when standard
 * error is a terminal and the output is not JSON, so pipes, logs and scripts never see it.
 */
import type { CliIo } from './io'

export interface Progress {
  /** Replaces the text of the line (the elapsed time is appended). */
  update(text: string): void
  /** Erases the line for a moment (before other output); it is drawn again on the next tick. */
  clear(): void
  /** Erases the line for good; call before printing results. */
  done(): void
}

const QUIET: Progress = { update: () => {}, clear: () => {}, done: () => {} }
/** ANSI "erase entire line" (ECMA-48 EL with parameter 2) after a carriage return. */
const CLEAR = '\r\u001b[2K'

export function startProgress(io: CliIo, options: { json?: boolean } = {}): Progress {
  if (!io.isTTY || options.json) return QUIET
  const started = Date.now()
  let text = ''
  let drawn = false
  const draw = (): void => {
    if (!text) return
    const elapsed = ` (${((Date.now() - started) / 1000).toFixed(1)} s)`
    const room = Math.max(10, (io.columns || 80) - elapsed.length - 1)
    io.err(`${CLEAR}${text.length > room ? `${text.slice(0, room - 1)}…` : text}${elapsed}`)
    drawn = true
  }
  const clear = (): void => {
    if (drawn) io.err(CLEAR)
    drawn = false
  }
  // Redraws while a single step takes long, so the elapsed time keeps moving; unref'd so it never holds the process.
  const timer = setInterval(draw, 250)
  timer.unref()
  return {
    update(next) {
      text = next.replace(/\s+/g, ' ').trim()
      draw()
    },
    clear,
    done() {
      clearInterval(timer)
      clear()
    },
  }
}
