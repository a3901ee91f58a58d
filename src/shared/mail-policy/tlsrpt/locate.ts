/**
 * Line numbers for the objects of a JSON text. `JSON.parse` gives values without positions, so this scanner walks the
 * same text once and records, in document order, the first and last line of every object (`{…}`). A depth-first
 * pre-order walk of the parsed value visits objects in exactly that order, so the n-th object met by the walk is the
 * n-th object here. Strings are skipped with their escapes, so braces inside values do not count. (Two things would break the pairing, neither of which a TLS-RPT report has:
 * duplicate keys, which JSON.parse collapses, and integer-like keys, which JavaScript orders first.)
 */
import type { LineRange } from './types'

export function objectLines(text: string): LineRange[] {
  const out: LineRange[] = []
  const open: number[] = []
  let line = 1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) line++
    if (inString) {
      if (c === 92)
        i++ // backslash: the next character is escaped (never a newline in valid JSON)
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 123) {
      open.push(out.length)
      out.push({ firstLine: line, lastLine: line })
    } else if (c === 125) {
      const index = open.pop()
      if (index !== undefined) out[index]!.lastLine = line
    }
  }
  return out
}

/** Visits every object of a parsed JSON value in document (pre-)order, handing each its line range. */
export function withLines(value: unknown, ranges: readonly LineRange[]): Map<object, LineRange> {
  const map = new Map<object, LineRange>()
  let next = 0
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item)
      return
    }
    if (v === null || typeof v !== 'object') return
    const range = ranges[next++]
    if (range) map.set(v, range)
    for (const child of Object.values(v)) walk(child)
  }
  walk(value)
  return map
}
