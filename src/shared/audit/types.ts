/**
 * What `unmask audit` reports: one row per device file and one summary per run. Plain data (structured-clone safe)
 * so rows cross worker threads and the IPC bridge unchanged.
 */
import type { RemedyId } from '../remedies/types'

/**
 * ESMTP inspection as the configuration states it:
 * - `active`: SMTP traffic is inspected in a way that masks STARTTLS (`inspect esmtp` without `allow-tls`, or PIX
 *   MailGuard `fixup protocol smtp`);
 * - `allow-tls`: inspected, but with a map that has `allow-tls`, so STARTTLS passes;
 * - `off`: a complete configuration without SMTP inspection;
 * - `unknown`: the file does not say (a `show version` alone, a configuration the engine cannot read as PIX/ASA).
 */
export const ESMTP_STATES = ['active', 'allow-tls', 'off', 'unknown'] as const
export type EsmtpState = (typeof ESMTP_STATES)[number]

/** How the backup tool stored the file (read from its first lines). */
export type BackupLayout = 'rancid' | 'oxidized' | 'plain'

/** A place in a file: what a row's claim rests on. */
export interface Proof {
  line: number
  excerpt: string
}

export interface AuditRow {
  /** The file as found by the walk (the path given plus the walked part). */
  file: string
  layout: BackupLayout
  hostname: string | null
  platform: string | null
  version: string | null
  state: EsmtpState
  /** `policy-map/class` pairs with live ESMTP inspection, or `fixup protocol smtp PORT` lines. */
  places: string[]
  /** Known bugs by rule id, e.g. `pix.duplicate-header-bug` (PIX/ASA < 7.2(3) with SMTP inspection). */
  bugs: string[]
  mailguard: boolean
  ftd: boolean
  /** The remedy that would apply first, and every applicable one. */
  remedy: RemedyId | null
  remedies: RemedyId[]
  /** The line that proves the state (the `inspect esmtp` line, the fixup, the allow-tls line, the header). */
  proof: Proof | null
  /** Active inspection or a known bug: the device needs attention. */
  affected: boolean
  /** Set when an earlier file of this run has the same hostname. */
  duplicateOf: string | null
}

/** Why a file gave no row. */
export type SkipReason =
  | 'binary'
  | 'empty'
  | 'too-large'
  | 'unreadable'
  | 'not-regular'
  | 'symlink-loop'
  | 'not-config'
  | 'not-firewall'
  | 'vcs-folder'

export interface SkippedFile {
  file: string
  reason: SkipReason
  /** The system error code or size, when there is one. */
  detail?: string
}

export interface DuplicateHostname {
  hostname: string
  files: string[]
}

export interface AuditSummary {
  files: number
  devices: number
  affected: number
  byState: Record<EsmtpState, number>
  /** `platform version` → count, e.g. `asa 9.8(4)`. */
  byVersion: Record<string, number>
  bugs: Record<string, number>
  mailguard: number
  ftd: number
  skipped: Record<SkipReason, number>
  /** The first skipped files (bounded: a fleet of junk must not fill memory). */
  skippedFiles: SkippedFile[]
  duplicates: DuplicateHostname[]
  /** Skipped-file entries left out of `skippedFiles` beyond the bound. */
  skippedFilesOmitted: number
}
