/**
 * Cisco-style command matching for the lab's CLIs: words may be abbreviated (`sh run`, `conf t`, `wr mem`),
 * `<name>` takes any word, a trailing `...` takes the rest. Failures say which word broke, for the `^` marker.
 */
export type CommandMatch = { ok: true; args: string[]; rest: string[] } | { ok: false; failedAt: number }

export function splitWords(line: string): Array<{ word: string; column: number }> {
  const words: Array<{ word: string; column: number }> = []
  const re = /\S+/g
  for (let m = re.exec(line); m; m = re.exec(line)) words.push({ word: m[0], column: m.index })
  return words
}

export function matchCommand(words: string[], pattern: string): CommandMatch {
  const tokens = pattern.split(' ')
  const args: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token === '...') return { ok: true, args, rest: words.slice(i) }
    const word = words[i]
    if (word === undefined) return { ok: false, failedAt: i }
    if (token.startsWith('<')) {
      args.push(word)
      continue
    }
    if (!keywordMatches(word, token)) return { ok: false, failedAt: i }
  }
  if (words.length > tokens.length) return { ok: false, failedAt: tokens.length }
  return { ok: true, args, rest: [] }
}

export function keywordMatches(word: string, keyword: string): boolean {
  const w = word.toLowerCase()
  return w.length > 0 && keyword.toLowerCase().startsWith(w)
}

export interface CommandTable<C> {
  pattern: string
  run(context: C, args: string[], rest: string[]): void
}

export type Dispatch = { matched: true } | { matched: false; failedAt: number; incomplete: boolean }

/** Runs the first entry that matches; otherwise reports the furthest word any entry got to. */
export function dispatch<C>(table: Array<CommandTable<C>>, words: string[], context: C): Dispatch {
  let furthest = 0
  for (const entry of table) {
    const m = matchCommand(words, entry.pattern)
    if (m.ok) {
      entry.run(context, m.args, m.rest)
      return { matched: true }
    }
    furthest = Math.max(furthest, m.failedAt)
  }
  return { matched: false, failedAt: furthest, incomplete: furthest >= words.length }
}

/** `| include X`, `| exclude X`, `| begin X`, `| grep [-v] X` on show output. */
export function applyPipe(lines: string[], pipe: string | undefined): string[] | null {
  if (pipe === undefined) return lines
  const words = pipe.trim().split(/\s+/)
  const verb = words[0] ?? ''
  let invert = false
  let patternWords = words.slice(1)
  if (keywordMatches(verb, 'grep') && patternWords[0] === '-v') {
    invert = true
    patternWords = patternWords.slice(1)
  }
  const pattern = patternWords.join(' ')
  if (pattern === '') return null
  let re: RegExp
  try {
    re = new RegExp(pattern)
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  }
  if (keywordMatches(verb, 'include') || (keywordMatches(verb, 'grep') && !invert))
    return lines.filter((l) => re.test(l))
  if (keywordMatches(verb, 'exclude') || invert) return lines.filter((l) => !re.test(l))
  if (keywordMatches(verb, 'begin')) {
    const start = lines.findIndex((l) => re.test(l))
    return start === -1 ? [] : lines.slice(start)
  }
  return null
}

/**
 * What may follow `partial` according to the patterns: the next keywords (or `WORD` for an argument, `<cr>` when
 * the command is complete), or the keywords the last, unfinished word may become.
 */
export function helpFor(patterns: string[], partial: string): string[] {
  const words = partial.trim() === '' ? [] : partial.trim().split(/\s+/)
  const completing = partial.length > 0 && !/\s$/.test(partial)
  const done = completing ? words.slice(0, -1) : words
  const stem = completing ? words[words.length - 1]!.toLowerCase() : ''
  const found = new Set<string>()
  for (const pattern of patterns) {
    const tokens = pattern.split(' ')
    const fits = done.every((w, i) => {
      const t = tokens[i]
      return t !== undefined && (t === '...' || t.startsWith('<') || keywordMatches(w, t))
    })
    if (!fits && !tokens.slice(0, done.length).includes('...')) continue
    const next = tokens[done.length]
    if (next === undefined) {
      if (!completing) found.add('<cr>')
      continue
    }
    if (next === '...') found.add(completing ? '' : 'LINE')
    else if (next.startsWith('<')) found.add(completing ? '' : 'WORD')
    else if (next.toLowerCase().startsWith(stem)) found.add(next)
  }
  found.delete('')
  return [...found].sort((a, b) => (a === '<cr>' ? 1 : b === '<cr>' ? -1 : a.localeCompare(b)))
}
