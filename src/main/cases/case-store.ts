/**
 * Cases on disk: <home>/cases/<id>/journal.jsonl plus attachments/. The journal is the single source
 * of truth; the first entry (`case.created`) carries the case's metadata.
 */
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs'
import { basename, join } from 'node:path'
import {
  type Attachment,
  type CaseDetail,
  type CaseMeta,
  type CaseSummary,
  caseIdSchema,
  caseMetaSchema,
  type JournalEntry,
  slugify,
} from '../../shared/cases'
import { JOURNAL, type JournalData, type JournalType } from '../../shared/journal/events'
import { JournalWriter, readJournal } from './journal'
import { casesRoot } from './paths'

export const JOURNAL_FILE = 'journal.jsonl'
export const ATTACHMENTS_DIR = 'attachments'

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`case not found: ${caseId}`)
  }
}

export class CaseStore {
  readonly root: string

  constructor(
    readonly home: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.root = casesRoot(home)
  }

  create(input: CaseMeta): CaseHandle {
    const meta = caseMetaSchema.parse(input)
    mkdirSync(this.root, { recursive: true, mode: 0o700 })
    const created = this.now()
    const id = makeCaseId(meta.customer, created)
    const dir = join(this.root, id)
    mkdirSync(join(dir, ATTACHMENTS_DIR), { recursive: true, mode: 0o700 })
    const writer = new JournalWriter(join(dir, JOURNAL_FILE), 0, this.now)
    writer.append(JOURNAL.caseCreated, { id, ...meta })
    return new CaseHandle(id, dir, writer)
  }

  list(): CaseSummary[] {
    if (!existsSync(this.root)) return []
    const out: CaseSummary[] = []
    for (const name of readdirSync(this.root)) {
      if (!caseIdSchema.safeParse(name).success) continue
      const summary = this.summaryOf(join(this.root, name))
      if (summary) out.push(summary)
    }
    return out.sort((a, b) => b.created.localeCompare(a.created))
  }

  /** Opens a case by id, or by a path to its folder (the CLI's `--case DIR`). */
  open(idOrDir: string): CaseHandle {
    const dir = this.resolveDir(idOrDir)
    const journalPath = join(dir, JOURNAL_FILE)
    const { entries } = readJournal(journalPath)
    const nextSeq = entries.reduce((max, e) => Math.max(max, e.seq + 1), 0)
    return new CaseHandle(basename(dir), dir, new JournalWriter(journalPath, nextSeq, this.now))
  }

  read(idOrDir: string): CaseDetail {
    const dir = this.resolveDir(idOrDir)
    const { entries, problems } = readJournal(join(dir, JOURNAL_FILE))
    const summary = summaryFromEntries(basename(dir), entries)
    if (!summary) throw new CaseNotFoundError(idOrDir)
    const attachments = entries.filter((e) => e.type === JOURNAL.attachmentAdded).map((e) => e.data as Attachment)
    return { ...summary, entries, problems, attachments }
  }

  private resolveDir(idOrDir: string): string {
    const candidates = caseIdSchema.safeParse(idOrDir).success ? [join(this.root, idOrDir), idOrDir] : [idOrDir]
    for (const dir of candidates) if (existsSync(join(dir, JOURNAL_FILE))) return dir
    throw new CaseNotFoundError(idOrDir)
  }

  private summaryOf(dir: string): CaseSummary | null {
    const path = join(dir, JOURNAL_FILE)
    if (!existsSync(path)) return null
    return summaryFromEntries(basename(dir), readJournal(path).entries)
  }
}

function summaryFromEntries(id: string, entries: JournalEntry[]): CaseSummary | null {
  const first = entries.find((e) => e.type === JOURNAL.caseCreated)
  if (!first) return null
  const meta = caseMetaSchema.safeParse(first.data)
  if (!meta.success) return null
  return { id, ...meta.data, created: first.at }
}

export class CaseHandle {
  constructor(
    readonly id: string,
    readonly dir: string,
    private readonly writer: JournalWriter,
  ) {}

  /** Appends and flushes one journal entry; returns it once it is on disk. */
  append<T extends JournalType>(type: T, data: JournalData<T>): JournalEntry {
    return this.writer.append(type, data)
  }

  /**
   * An entry outside the event union: for importing another tool's records and for tests of how readers treat a type
   * they do not know. Nothing in the app writes one.
   */
  appendUntyped(type: string, data: unknown): JournalEntry {
    return this.writer.append(type, data)
  }

  /** Stores a file under attachments/ (flushed), then records it with its SHA-256 in the journal. */
  attach(name: string, content: Buffer | string): Attachment {
    const safe =
      basename(name)
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 120) || 'attachment'
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const fileName = `${sha256.slice(0, 12)}-${safe}`
    const fd = openSync(join(this.dir, ATTACHMENTS_DIR, fileName), 'w', 0o600)
    try {
      let offset = 0
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    const attachment: Attachment = { name: fileName, sha256, bytes: bytes.length }
    this.append(JOURNAL.attachmentAdded, attachment)
    return attachment
  }

  close(): void {
    this.writer.close()
  }
}

export function makeCaseId(customer: string, at: Date): string {
  const iso = at.toISOString()
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`
  const slug = slugify(customer)
  const suffix = randomBytes(3).toString('hex')
  return slug ? `${stamp}-${slug}-${suffix}` : `${stamp}-${suffix}`
}
