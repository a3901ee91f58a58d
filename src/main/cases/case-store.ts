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
import { StoredRedaction } from '../../shared/redaction'
import { JournalWriter, readJournal } from './journal'
import { casesRoot } from './paths'

export const JOURNAL_FILE = 'journal.jsonl'
/** The name src/main/fix/apply.ts gives the backup it takes before sending a change. */
const RUNNING_CONFIG_BACKUP = /^running-config-.*-before-(?:apply|undo)-/

export const ATTACHMENTS_DIR = 'attachments'

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`case not found: ${caseId}`)
  }
}

export class CaseStore {
  readonly root: string
  /** Per case, the secrets the rules found in what this store wrote (memory only), so repeats are removed too. */
  private readonly redactions = new Map<string, StoredRedaction>()

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
    return new CaseHandle(id, dir, writer, this.redactionOf(id))
  }

  private redactionOf(id: string): StoredRedaction {
    let redaction = this.redactions.get(id)
    if (!redaction) {
      redaction = new StoredRedaction()
      this.redactions.set(id, redaction)
    }
    return redaction
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
    const id = basename(dir)
    return new CaseHandle(id, dir, new JournalWriter(journalPath, nextSeq, this.now), this.redactionOf(id))
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
    private readonly redaction: StoredRedaction = new StoredRedaction(),
  ) {}

  /**
   * Appends and flushes one journal entry; returns it once it is on disk. Every string in it goes through the report's
   * redaction rules first (issue 14: one rule set for logs, journal and report), except an engineer's redaction mark,
   * which is the string to remove.
   */
  append<T extends JournalType>(type: T, data: JournalData<T>): JournalEntry {
    if (type === JOURNAL.redactionMark) return this.writer.append(type, data)
    // Raw session lines were masked by the same rules before being quoted (session-log.ts).
    return this.writer.append(type, this.redaction.apply(data, type === JOURNAL.deviceRaw ? 'learned-only' : 'rules'))
  }

  /**
   * An entry outside the event union: for importing another tool's records and for tests of how readers treat a type
   * they do not know. Nothing in the app writes one.
   */
  appendUntyped(type: string, data: unknown): JournalEntry {
    return this.writer.append(type, this.redaction.apply(data))
  }

  /** Secrets a writer found and masked before handing its text over (the session log): repeats are removed too. */
  learn(values: readonly string[]): void {
    this.redaction.learn(values)
  }

  /**
   * Stores a file under attachments/ (flushed), then records it with its SHA-256 in the journal. Text Unmask made
   * (a string: evidence transcripts, session logs, pasted text) is redacted like the journal; the running-config
   * backup taken before a change is kept byte for byte (undo and the delta after a lost connection need it), and so is
   * a file given as bytes (`unmask case attach`: stored as it came, for its SHA-256).
   */
  attach(name: string, content: Buffer | string): Attachment {
    const safe =
      basename(name)
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 120) || 'attachment'
    const text =
      typeof content === 'string' && !RUNNING_CONFIG_BACKUP.test(basename(name))
        ? this.redaction.apply(content)
        : content
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
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
