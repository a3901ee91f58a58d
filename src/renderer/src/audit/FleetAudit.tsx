/**
 * The fleet audit view (issue 19): a folder of configuration backups audited by main (`audit.run`, the same engine
 * and worker pool as `unmask audit`), one row per device; sort by any column, filter by text, state or "affected";
 * "Show evidence" puts that device's file into the diagnosis panel; "Add to case" writes the table as filtered into
 * the case (`audit.export`), where the report shows it as "fleet findings".
 */
import type { AuditRow, AuditSummary, EsmtpState } from '@shared/audit/types'
import { ESMTP_STATES } from '@shared/audit/types'
import { useCallback, useMemo, useState } from 'react'
import './fleet.css'
import { useBridge, useBridgeEvent } from '../bridge'
import { Dialog } from '../Dialog'
import { useI18n } from '../i18n'
import { type FleetFilter, filterRows, type SortDir, type SortKey, sortRows } from './fleet-table'

export interface FleetAuditProps {
  caseId?: string
  /** Hands one device's file to the diagnosis panel. */
  onEvidence: (evidence: { source: string; text: string }) => void
}

interface Result {
  roots: string[]
  rows: AuditRow[]
  summary: AuditSummary
  unlisted: number
}

const COLUMNS: SortKey[] = ['hostname', 'platform', 'version', 'state', 'remedy', 'file']

export function FleetAuditButton(props: FleetAuditProps) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="fleet-audit-open">
        {t('audit.view.button')}
      </button>
      {open && (
        <Dialog title={t('audit.view.title')} onCancel={() => setOpen(false)} className="fleet-audit">
          <FleetAudit
            {...props}
            onEvidence={(evidence) => {
              props.onEvidence(evidence)
              setOpen(false)
            }}
          />
          <button type="button" onClick={() => setOpen(false)}>
            {t('audit.view.close')}
          </button>
        </Dialog>
      )}
    </>
  )
}

export function FleetAudit({ caseId, onEvidence }: FleetAuditProps) {
  const { t } = useI18n()
  const bridge = useBridge()
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number | null }>()
  useBridgeEvent(
    'audit.progress',
    useCallback((p: { done: number; total: number | null }) => setProgress(p), []),
  )
  const [result, setResult] = useState<Result>()
  const [message, setMessage] = useState<string>()
  const [filter, setFilter] = useState<FleetFilter>({ text: '', state: 'all', onlyAffected: false })
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'state', dir: 'ascending' })
  const shown = useMemo(
    () => (result ? sortRows(filterRows(result.rows, filter), sort.key, sort.dir) : []),
    [result, filter, sort],
  )
  const fail = (e: unknown) =>
    setMessage(t('audit.view.failed', { message: e instanceof Error ? e.message : String(e) }))

  const run = async (folder = path.trim()) => {
    if (!bridge || !folder) return
    setBusy(true)
    setProgress(undefined)
    setMessage(undefined)
    try {
      setResult(await bridge.invoke('audit.run', { paths: [folder] }))
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }
  const openFolder = async () => {
    try {
      const folder = await bridge?.invoke('audit.chooseFolder', undefined)
      if (!folder) return
      setPath(folder)
      await run(folder)
    } catch (e) {
      fail(e)
    }
  }
  const showEvidence = async (row: AuditRow) => {
    try {
      onEvidence(await bridge!.invoke('audit.read', { file: row.file }))
    } catch (e) {
      fail(e)
    }
  }
  const exportTable = async () => {
    if (!bridge || !result) return
    if (!caseId) return setMessage(t('audit.view.noCase'))
    try {
      const done = await bridge.invoke('audit.export', {
        caseId,
        roots: result.roots,
        summary: result.summary,
        rows: shown,
      })
      setMessage(t('audit.view.exported', { count: done.rows }))
    } catch (e) {
      fail(e)
    }
  }
  const sortBy = (key: SortKey) =>
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }))
  const skipped = result ? Object.values(result.summary.skipped).reduce((a, b) => a + b, 0) : 0

  return (
    <section className="fleet" aria-label={t('audit.view.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <label>
          {t('audit.view.path')}
          <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </label>
        <button type="button" disabled={busy} onClick={() => void openFolder()}>
          {t('audit.view.open')}
        </button>
        <button type="submit" disabled={busy || !path.trim()}>
          {busy
            ? t('audit.view.running', { done: progress?.done ?? '…', total: progress?.total ?? '…' })
            : t('audit.view.run')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {!result && !busy && <p className="hint">{t('audit.view.empty')}</p>}
      {result && (
        <>
          <p data-testid="fleet-summary">
            {t('audit.view.summary', {
              files: result.summary.files,
              devices: result.summary.devices,
              affected: result.summary.affected,
              skipped,
            })}
          </p>
          {result.unlisted > 0 && <p>{t('audit.view.unlisted', { count: result.unlisted })}</p>}
          <div className="fleet-filters">
            <label>
              {t('audit.view.filter')}
              <input value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
            </label>
            <select
              aria-label={t('audit.table.esmtp')}
              value={filter.state}
              onChange={(e) => setFilter({ ...filter, state: e.target.value as EsmtpState | 'all' })}
            >
              <option value="all">{t('audit.view.allStates')}</option>
              {ESMTP_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`audit.state.${s}`)}
                </option>
              ))}
            </select>
            <label>
              <input
                type="checkbox"
                checked={filter.onlyAffected}
                onChange={(e) => setFilter({ ...filter, onlyAffected: e.target.checked })}
              />
              {t('audit.view.onlyAffected')}
            </label>
            <span>{t('audit.view.shown', { shown: shown.length, total: result.rows.length })}</span>
            <button type="button" onClick={() => void exportTable()}>
              {t('audit.view.export')}
            </button>
          </div>
          <FleetTable rows={shown} sort={sort} onSort={sortBy} onEvidence={(r) => void showEvidence(r)} />
        </>
      )}
    </section>
  )
}

function FleetTable(props: {
  rows: AuditRow[]
  sort: { key: SortKey; dir: SortDir }
  onSort: (key: SortKey) => void
  onEvidence: (row: AuditRow) => void
}) {
  const { t } = useI18n()
  const head = (key: SortKey) => (key === 'state' ? 'esmtp' : key === 'file' ? 'proof' : key)
  return (
    <table className="fleet-table">
      <thead>
        <tr>
          {COLUMNS.map((key) => (
            <th key={key} aria-sort={props.sort.key === key ? props.sort.dir : 'none'}>
              <button type="button" onClick={() => props.onSort(key)}>
                {t(`audit.table.${head(key)}`)}
              </button>
            </th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.file} className={r.affected ? 'affected' : undefined}>
            <td>{r.hostname ?? '?'}</td>
            <td>{r.platform ?? '?'}</td>
            <td>{r.version ?? '?'}</td>
            <td title={[...r.places, ...r.bugs].join('\n')}>
              {t(`audit.state.${r.state}`)}
              {r.bugs.length > 0 && ' ⚠'}
            </td>
            <td>{r.remedy ?? ''}</td>
            <td>
              <code>{r.proof ? `${r.file}:${r.proof.line}` : r.file}</code>
            </td>
            <td>
              <button type="button" onClick={() => props.onEvidence(r)}>
                {t('audit.view.openEvidence')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
