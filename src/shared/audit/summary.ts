/**
 * The run's summary, built row by row so that no row has to be kept: counts per state, per platform and version,
 * bugs, skipped files with reasons, duplicate hostnames. Memory grows only with the number of distinct hostnames
 * (needed to spot duplicates) and distinct versions; skipped-file names and duplicate lists are bounded.
 */
import { type AuditRow, type AuditSummary, ESMTP_STATES, type SkippedFile, type SkipReason } from './types'

const SKIP_REASONS: readonly SkipReason[] = [
  'binary',
  'empty',
  'too-large',
  'unreadable',
  'not-regular',
  'symlink-loop',
  'not-config',
  'not-firewall',
  'vcs-folder',
]

/** How many skipped files are named in the summary (the counts are always complete). */
export const MAX_LISTED_SKIPS = 200
/** How many files are named per duplicate hostname. */
export const MAX_FILES_PER_DUPLICATE = 20

export interface SummaryBuilder {
  /** Counts the row and marks it when its hostname was seen before (sets `duplicateOf`). */
  addRow(row: AuditRow): AuditRow
  addSkip(skip: SkippedFile): void
  result(): AuditSummary
}

export function createSummary(): SummaryBuilder {
  const byState = Object.fromEntries(ESMTP_STATES.map((s) => [s, 0])) as AuditSummary['byState']
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as AuditSummary['skipped']
  const byVersion = new Map<string, number>()
  const bugs = new Map<string, number>()
  /** hostname (case-insensitive, as the devices treat it) → the first row's file and spelling. */
  const hosts = new Map<string, { file: string; hostname: string }>()
  const duplicates = new Map<string, { hostname: string; files: string[] }>()
  const skippedFiles: SkippedFile[] = []
  let devices = 0
  let affected = 0
  let mailguard = 0
  let ftd = 0
  let omitted = 0
  return {
    addRow(row) {
      devices++
      byState[row.state]++
      if (row.affected) affected++
      if (row.mailguard) mailguard++
      if (row.ftd) ftd++
      const version = `${row.platform ?? '?'} ${row.version ?? '?'}`
      byVersion.set(version, (byVersion.get(version) ?? 0) + 1)
      for (const b of row.bugs) bugs.set(b, (bugs.get(b) ?? 0) + 1)
      if (!row.hostname) return row
      const key = row.hostname.toLowerCase()
      const first = hosts.get(key)
      if (first === undefined) {
        hosts.set(key, { file: row.file, hostname: row.hostname })
        return row
      }
      const dup = duplicates.get(key) ?? { hostname: first.hostname, files: [first.file] }
      if (dup.files.length < MAX_FILES_PER_DUPLICATE) dup.files.push(row.file)
      duplicates.set(key, dup)
      return { ...row, duplicateOf: first.file }
    },
    addSkip(skip) {
      skipped[skip.reason]++
      if (skippedFiles.length < MAX_LISTED_SKIPS) skippedFiles.push(skip)
      else omitted++
    },
    result() {
      const sorted = <T>(m: Map<string, T>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)))
      const skippedCount = Object.values(skipped).reduce((a, b) => a + b, 0)
      return {
        files: devices + skippedCount,
        devices,
        affected,
        byState: { ...byState },
        byVersion: sorted(byVersion),
        bugs: sorted(bugs),
        mailguard,
        ftd,
        skipped: { ...skipped },
        skippedFiles: [...skippedFiles],
        skippedFilesOmitted: omitted,
        duplicates: [...duplicates.values()].map((d) => ({ hostname: d.hostname, files: [...d.files] })),
      }
    },
  }
}
