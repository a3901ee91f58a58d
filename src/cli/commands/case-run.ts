/**
 * The actions of `unmask case` (loaded when a case command runs). `attach` stores files as they are, each recorded in
 * the journal with its SHA-256 (`attachment.added`, the same record the app writes for a pasted text); `show` prints
 * the case with a readable evidence list, filtered by `--since` and `--type`.
 */
import { basename } from 'node:path'
import { type Attachment, CASE_FIELD_MAX, type CaseDetail, caseMetaSchema } from '../../shared/cases'
import { redactJournalForExport } from '../../shared/redaction'
import { evidenceRows, filterEntries, parseSince, parseTypes } from '../case-evidence'
import { caseStore, openCase, withCase } from '../case-open'
import { json, table } from '../format'
import { type CliContext, UsageError } from '../io'
import { readBytes } from '../read-input'

export interface NewOptions {
  customer: string
  site?: string
  engineer?: string
  json?: boolean
}
export interface ShowOptions {
  since?: string
  type?: string
  json?: boolean
  /** The journal as captured, secrets included (issue 14: redacted unless asked for). */
  raw?: boolean
}
export interface AttachOptions {
  json?: boolean
}

/** `unmask case attach --json`: the case and each file as stored (the journal's `attachment.added` data). */
export interface AttachJson {
  case: string
  attached: Array<Attachment & { source: string }>
}

export function newCase(opts: NewOptions, ctx: CliContext): void {
  const { t, io } = ctx
  const parsed = caseMetaSchema.safeParse({ customer: opts.customer, site: opts.site, engineer: opts.engineer })
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'customer')
    throw new UsageError(t('cli.case.invalidField', { field: `--${field}`, max: CASE_FIELD_MAX }))
  }
  const handle = caseStore(ctx).create(parsed.data)
  handle.close()
  if (opts.json) io.out(json({ id: handle.id, dir: handle.dir, ...parsed.data }))
  else io.out(`${t('cli.case.new.created', { id: handle.id, dir: handle.dir })}\n`)
}

export function listCases(opts: { json?: boolean }, ctx: CliContext): void {
  const { t, io } = ctx
  const cases = caseStore(ctx).list()
  if (opts.json) {
    io.out(json(cases))
    return
  }
  if (cases.length === 0) {
    io.out(`${t('cli.case.list.none')}\n`)
    return
  }
  const header = [t('common.caseId'), t('common.customer'), t('common.site'), t('common.engineer'), t('common.created')]
  io.out(table([header, ...cases.map((c) => [c.id, c.customer, c.site ?? '', c.engineer ?? '', c.created])]))
}

export function showCase(id: string, opts: ShowOptions, ctx: CliContext): void {
  const { t, io } = ctx
  const since = opts.since === undefined ? undefined : parseSince(opts.since, ctx)
  const types = opts.type === undefined ? undefined : parseTypes(opts.type, ctx)
  const store = caseStore(ctx)
  const detail: CaseDetail = withCase(ctx, store, id, () => store.read(id))
  // The journal holds device output and transcripts as captured: shown through the report's redaction unless --raw.
  const clean = opts.raw ? detail.entries : redactJournalForExport(detail.entries)
  const entries = filterEntries(clean, { since, types })
  if (opts.json) {
    io.out(json({ ...detail, entries }))
    return
  }
  io.out(
    table([
      [`${t('common.caseId')}:`, detail.id],
      [`${t('common.customer')}:`, detail.customer],
      [`${t('common.site')}:`, detail.site ?? ''],
      [`${t('common.engineer')}:`, detail.engineer ?? ''],
      [`${t('common.created')}:`, detail.created],
      [`${t('common.entries')}:`, String(detail.entries.length)],
      [`${t('common.attachments')}:`, String(detail.attachments.length)],
    ]),
  )
  const rows = evidenceRows(entries, t)
  io.out(`\n${t('cli.case.show.evidence', { shown: rows.length, total: detail.entries.length })}\n`)
  if (rows.length > 0) io.out(table(rows.map((r) => [`  #${r.seq}`, r.at, r.kind, r.type, r.summary])))
  for (const p of detail.problems)
    io.err(`${t(p.kind === 'torn' ? 'cli.case.show.torn' : 'cli.case.show.corrupt', { line: p.line })}\n`)
}

export async function attachFiles(id: string, files: string[], opts: AttachOptions, ctx: CliContext): Promise<void> {
  const { t, io } = ctx
  // Every file is read (and refused if it cannot be) before the first is stored: all or nothing.
  const contents: Array<{ source: string; data: Buffer }> = []
  for (const file of files) contents.push({ source: file, data: await readBytes(ctx, file) })
  const handle = openCase(ctx, id)
  const attached: AttachJson['attached'] = []
  try {
    for (const { source, data } of contents) {
      const stored = handle.attach(source === '-' ? 'stdin.txt' : basename(source), data)
      attached.push({ ...stored, source })
    }
  } finally {
    handle.close()
  }
  if (opts.json) return io.out(json({ case: handle.id, attached } satisfies AttachJson))
  for (const a of attached)
    io.out(
      `${t('cli.case.attach.done', { source: a.source, name: a.name, bytes: a.bytes, sha256: a.sha256, id: handle.id })}\n`,
    )
}
