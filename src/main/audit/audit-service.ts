/**
 * The fleet audit for the app (IPC `audit.run`, `audit.read`, `audit.export`): runs the same pool as `unmask audit`,
 * keeps the rows for the table (up to MAX_APP_ROWS; a fleet beyond that is summarised in full but listed in part),
 * reads back one audited file for the diagnosis panel — only a file under a folder the user audited, so the renderer
 * cannot use this to read anything else — and writes the table into a case as `fleet.findings`.
 */
import { realpath } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { z } from 'zod'
import { type FleetFindingsData, fleetFindingsData, MAX_JOURNAL_ROWS } from '../../shared/audit/journal'
import type { AuditRow, AuditSummary } from '../../shared/audit/types'
import { JOURNAL } from '../../shared/journal'
import type { CaseStore } from '../cases/case-store'
import type { Emit } from '../sessions/session-service'
import { DEFAULT_MAX_BYTES, runAudit } from './pool'
import { readConfig } from './read-config'

export const MAX_APP_ROWS = 20_000

export interface FleetAudit {
  roots: string[]
  rows: AuditRow[]
  summary: AuditSummary
  /** Devices audited but not listed (beyond MAX_APP_ROWS). */
  unlisted: number
}

/** The table as the view holds it (or as the contract parsed it): rows and summary in the journal's shape. */
export type ExportTable = Omit<z.input<typeof fleetFindingsData>, 'omitted'>

export interface AuditServiceOptions {
  /** The worker script; the built app's by default (worker-path.ts), worker.ts under tsx in tests. */
  workerFile?: string
  jobs?: number
  /** Sends `audit.progress` to the window. */
  emit?: Emit
  /** The OS folder dialog (Electron's, injected by src/main/index.ts). */
  chooseFolder?: () => Promise<string | null>
}

export class AuditService {
  private roots: string[] = []

  constructor(private readonly options: AuditServiceOptions = {}) {}

  async run(paths: readonly string[]): Promise<FleetAudit> {
    const workerFile = this.options.workerFile ?? (await import('./worker-path')).AUDIT_WORKER
    // Only a bundle made by electron-vite has the worker script; elsewhere (tsx, vitest) it must be given.
    if (!workerFile) throw new Error('the audit worker is not built: run `npm run build`')
    const roots = await Promise.all(paths.map((p) => realpath(resolve(p))))
    const rows: AuditRow[] = []
    let unlisted = 0
    const emit = this.options.emit
    let last = 0
    // At most five updates a second, and always the last one.
    const onProgress = (done: number, total: number | null) => {
      const now = Date.now()
      if (now - last < 200 && done !== total) return
      last = now
      emit?.('audit.progress', { done, total })
    }
    const summary = await runAudit({
      paths: roots,
      workerFile,
      ...(this.options.jobs ? { jobs: this.options.jobs } : {}),
      onRow: (row) => {
        if (rows.length < MAX_APP_ROWS) rows.push(row)
        else unlisted++
      },
      ...(emit ? { onProgress } : {}),
    })
    this.roots = roots
    return { roots, rows, summary, unlisted }
  }

  /** A folder picked by the user, or null (cancelled, or no dialog outside the app). */
  async chooseFolder(): Promise<string | null> {
    return (await this.options.chooseFolder?.()) ?? null
  }

  /** One audited file's text, for the diagnosis panel. */
  async read(file: string): Promise<{ source: string; text: string }> {
    const real = await realpath(resolve(file))
    if (!this.roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep)))
      throw new Error('not a file of the audited folders')
    const read = await readConfig(real, DEFAULT_MAX_BYTES)
    if (!read.ok) throw new Error(`${read.skip.reason}${read.skip.detail ? ` (${read.skip.detail})` : ''}`)
    return { source: file, text: read.text }
  }

  /** Writes the table (as filtered in the view) into the case; returns how many rows it holds. */
  export(cases: CaseStore, caseId: string, table: ExportTable) {
    const data: FleetFindingsData = fleetFindingsData.parse({
      roots: table.roots,
      summary: table.summary,
      rows: table.rows.slice(0, MAX_JOURNAL_ROWS),
      omitted: Math.max(0, table.rows.length - MAX_JOURNAL_ROWS),
    })
    const handle = cases.open(caseId)
    try {
      handle.append(JOURNAL.fleetFindings, data)
    } finally {
      handle.close()
    }
    return { rows: data.rows.length, omitted: data.omitted }
  }
}
