/**
 * Append-only JSON-lines journal. Each entry is written with one write() on an O_APPEND descriptor
 * and fsync'ed before append() returns, so a crash can at worst leave the last line torn. Reading
 * skips and reports such a line instead of failing: the rest of the case stays usable.
 */
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import type { JournalEntry, JournalProblem } from '../../shared/cases'

export interface JournalContents {
  entries: JournalEntry[]
  problems: JournalProblem[]
}

const EXCERPT = 80

export function readJournal(path: string): JournalContents {
  const text = readFileSync(path, 'utf8')
  return parseJournal(text)
}

export function parseJournal(text: string): JournalContents {
  const entries: JournalEntry[] = []
  const problems: JournalProblem[] = []
  const lines = text.split('\n')
  const endsCleanly = text.length === 0 || text.endsWith('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const isLast = index === lines.length - 1
    try {
      const value = JSON.parse(line) as unknown
      if (!isEntry(value)) throw new Error('not an entry')
      entries.push(value)
    } catch {
      problems.push({
        line: index + 1,
        kind: isLast && !endsCleanly ? 'torn' : 'corrupt',
        excerpt: line.slice(0, EXCERPT),
      })
    }
  })
  return { entries, problems }
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.seq === 'number' && typeof v.at === 'string' && typeof v.type === 'string'
}

export class JournalWriter {
  private fd: number | null
  private seq: number

  /** Opens for appending; `nextSeq` continues numbering after the entries already on disk. */
  constructor(
    readonly path: string,
    nextSeq: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.fd = openSync(path, 'a', 0o600)
    this.seq = nextSeq
    // A torn last line from an earlier crash must not swallow the next entry: start on a fresh line.
    const existing = readFileSync(path, 'utf8')
    if (existing.length > 0 && !existing.endsWith('\n')) this.writeRaw('\n')
  }

  /**
   * The storage layer is open to any type, as reading is (old or newer journals); callers write through
   * CaseHandle.append, which is typed by the event union (src/shared/journal).
   */
  append(type: string, data: unknown): JournalEntry {
    const entry: JournalEntry = { seq: this.seq, at: this.now().toISOString(), type, data }
    this.writeRaw(`${JSON.stringify(entry)}\n`)
    this.seq += 1
    return entry
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private writeRaw(text: string): void {
    if (this.fd === null) throw new Error(`journal ${this.path} is closed`)
    const bytes = Buffer.from(text, 'utf8')
    let offset = 0
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset)
    fsyncSync(this.fd)
  }
}
