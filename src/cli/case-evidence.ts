/**
 * The readable evidence list of `unmask case show`: one row per journal entry (what was collected, probed, pasted or
 * attached, diagnosed, changed, reported) with its time and a one-line summary read through the journal's own
 * schemas (src/shared/journal), and the `--since` / `--type` filters. Raw session traffic (`device.raw`) is part of
 * the record but never listed unless asked for by its exact type.
 */
import type { JournalEntry } from '../shared/cases'
import type { Translate } from '../shared/i18n'
import { JOURNAL, type JournalType, readEvent } from '../shared/journal'
import { type CliContext, UsageError } from './io'

/** What an entry is about, for people; `--type` accepts these or exact journal types. */
export const KINDS = ['case', 'probe', 'device', 'file', 'diagnosis', 'change', 'report'] as const
export type Kind = (typeof KINDS)[number]

export function kindOf(type: string): Kind | undefined {
  if (type === JOURNAL.caseCreated || type === JOURNAL.redactionMark) return 'case'
  if (type.startsWith('probe.')) return 'probe'
  if (type.startsWith('device.')) return 'device'
  if (type === JOURNAL.attachmentAdded || type === JOURNAL.evidenceAdded) return 'file'
  if (type === JOURNAL.analysisResult || type === JOURNAL.diagnosisResult) return 'diagnosis'
  if (type.startsWith('fix.')) return 'change'
  if (type === JOURNAL.reportExported) return 'report'
  return undefined
}

export interface EntryFilter {
  since?: Date
  /** Kinds and exact types; an entry matches either. */
  types?: Set<string>
}

export function filterEntries(entries: JournalEntry[], filter: EntryFilter): JournalEntry[] {
  return entries.filter((e) => {
    if (filter.since && !(Date.parse(e.at) >= filter.since.getTime())) return false
    if (filter.types) return filter.types.has(e.type) || filter.types.has(kindOf(e.type) ?? '')
    return e.type !== JOURNAL.deviceRaw
  })
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `30m`, `2h`, `7d` (that long before now) or a date/time (`2026-12-05`, `2026-12-05T09:30:00Z`). */
export function parseSince(value: string, ctx: CliContext, now = Date.now()): Date {
  const relative = /^(\d{1,6})([smhd])$/.exec(value.trim())
  if (relative) return new Date(now - Number(relative[1]) * UNITS[relative[2]!]!)
  const at = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN
  if (Number.isNaN(at)) throw new UsageError(ctx.t('cli.case.show.badSince', { value }))
  return new Date(at)
}

/** A comma-separated list of kinds and journal types; anything else is bad usage, with the kinds listed. */
export function parseTypes(value: string, ctx: CliContext): Set<string> {
  const known = new Set<string>([...KINDS, ...Object.values(JOURNAL)])
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const bad = items.find((i) => !known.has(i))
  if (bad !== undefined || items.length === 0)
    throw new UsageError(ctx.t('cli.case.show.badType', { value: bad ?? value, kinds: KINDS.join(', ') }))
  return new Set(items)
}

export interface EvidenceRow {
  seq: number
  at: string
  kind: string
  type: string
  summary: string
}

export function evidenceRows(entries: JournalEntry[], t: Translate): EvidenceRow[] {
  return entries.map((e) => {
    const kind = kindOf(e.type)
    return {
      seq: e.seq,
      at: e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      kind: kind ? t(`cli.case.kinds.${kind}`) : '',
      type: e.type,
      summary: summarise(e, t),
    }
  })
}

const short = (sha: string) => sha.slice(0, 12)

function summarise(e: JournalEntry, t: Translate): string {
  const read = <T extends JournalType>(type: T) => readEvent(e, type)
  const probe = read(JOURNAL.probeResult)
  if (probe) {
    const tls = probe.starttls?.masked
      ? t('cli.case.summary.masked')
      : probe.tls?.established
        ? t('cli.case.summary.tls', { protocol: probe.tls.protocol ?? '' })
        : probe.outcome === 'failed'
          ? t('cli.case.summary.failed', { phase: probe.error?.phase ?? '?' })
          : t('cli.case.summary.noTls')
    return `${probe.target.host}:${probe.target.port}${probe.target.vantage ? ` (${probe.target.vantage})` : ''}: ${tls}`
  }
  const file = read(JOURNAL.attachmentAdded)
  if (file) return t('cli.case.summary.file', { name: file.name, bytes: file.bytes, sha256: short(file.sha256) })
  const evidence = read(JOURNAL.deviceEvidence)
  if (evidence)
    return t('cli.case.summary.evidence', {
      peer: evidence.peer,
      platform: evidence.platform ?? '?',
      count: evidence.findings?.length ?? 0,
    })
  const command = read(JOURNAL.deviceCommand) ?? read(JOURNAL.deviceOutput)
  if (command) return command.command
  const session = read(JOURNAL.deviceSessionOpened) ?? read(JOURNAL.deviceSessionClosed)
  if (session) return session.peer
  const line = read(JOURNAL.fixLine)
  if (line) return `[${line.status}] ${line.command}`
  const preview = read(JOURNAL.fixPreview)
  if (preview) return `${preview.remedyId} (${preview.kind}, ${preview.lines.length} line(s))`
  const backup = read(JOURNAL.fixBackup)
  if (backup) return `SHA-256 ${short(backup.sha256)}… (${backup.bytes} bytes)`
  const identified = read(JOURNAL.deviceIdentified)
  if (identified) return [identified.hostname ?? identified.device, identified.platform, identified.version].join(' ')
  const diagnosis = read(JOURNAL.analysisResult) ?? read(JOURNAL.diagnosisResult)
  if (diagnosis)
    return t('cli.case.summary.diagnosis', {
      findings: diagnosis.findings.length,
      causes: (diagnosis.causes ?? []).map((c) => c.id).join(', ') || '-',
    })
  const applied = read(JOURNAL.fixApplied)
  if (applied) return `${applied.remedyId ?? applied.planId ?? ''} ${applied.state ?? applied.outcome}`.trim()
  const verified = read(JOURNAL.fixVerified)
  if (verified) return verified.outcome ?? (verified.passed ? 'fixed' : 'not-fixed')
  const saved = read(JOURNAL.fixSaved)
  if (saved) return saved.saved ? (saved.command ?? 'saved') : t('cli.case.summary.notSaved')
  const report = read(JOURNAL.reportExported)
  if (report) return `${report.pdf.name} (${report.lang})`
  const created = read(JOURNAL.caseCreated)
  if (created) return [created.customer, created.site].filter(Boolean).join(', ')
  return ''
}
