/** The case the engineer works in: pick one or open a new one; everything gathered is journalled into it. */

import type { CaseSummary } from '@shared/cases'
import { useState } from 'react'
import { useBridge } from '../bridge'
import { Dialog } from '../Dialog'
import { describeError } from '../errors'
import { useI18n } from '../i18n'
import { NewCaseDialog } from './NewCaseDialog'
import { Toast } from './Toast'

const basename = (path: string) => path.split(/[\\/]/).at(-1) ?? path

export interface CaseBarProps {
  cases: CaseSummary[]
  currentId?: string
  onSelect: (id: string | undefined) => void
  onCreated: (created: CaseSummary) => void
  /** A report of the case was written (the job's last step). */
  onExported?: () => void
}

export function CaseBar({ cases, currentId, onSelect, onCreated, onExported }: CaseBarProps) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [creating, setCreating] = useState(false)
  const [report, setReport] = useState<{ busy: boolean; message?: string; path?: string }>({ busy: false })
  const [preview, setPreview] = useState<string>()
  const current = cases.find((c) => c.id === currentId)
  const { language } = useI18n()

  const previewReport = async () => {
    if (!bridge || !currentId) return
    try {
      setPreview((await bridge.invoke('report.preview', { caseId: currentId, lang: language })).html)
    } catch (e) {
      setReport({
        busy: false,
        message: t('ui.report.failed', { message: e instanceof Error ? e.message : String(e) }),
      })
    }
  }

  const reveal = async (folder: boolean) => {
    if (!bridge || !currentId || !report.path) return
    try {
      await bridge.invoke('report.reveal', { caseId: currentId, file: basename(report.path), folder })
    } catch (e) {
      setReport((r) => ({ ...r, message: t('ui.report.failed', { message: describeError(e, t) }) }))
    }
  }

  const exportReport = async () => {
    if (!bridge || !currentId) return
    setReport({ busy: true })
    try {
      const written = await bridge.invoke('report.export', { caseId: currentId, lang: language })
      setReport({
        busy: false,
        message: t('ui.report.written', { path: basename(written.pdfPath) }),
        path: written.pdfPath,
      })
      onExported?.()
    } catch (e) {
      setReport({
        busy: false,
        message: t('ui.report.failed', { message: e instanceof Error ? e.message : String(e) }),
      })
    }
  }

  return (
    <>
      <span className="case-current" data-testid="case-current">
        {current ? `${current.customer}${current.site ? ` · ${current.site}` : ''}` : t('ui.noCase')}
      </span>
      <label>
        <span className="visually-hidden">{t('ui.cases')}</span>
        <select
          aria-label={t('ui.cases')}
          value={currentId ?? ''}
          onChange={(e) => onSelect(e.target.value || undefined)}
        >
          <option value="">{t('ui.noCase')}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.customer} — {c.created.slice(0, 10)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!bridge} onClick={() => setCreating(true)}>
        {t('ui.newCase')}
      </button>
      <button type="button" disabled={!bridge || !currentId} onClick={() => void previewReport()}>
        {t('ui.report.preview')}
      </button>
      <button type="button" disabled={!bridge || !currentId || report.busy} onClick={() => void exportReport()}>
        {report.busy ? t('ui.report.exporting') : t('ui.report.export')}
      </button>
      {report.message && (
        <Toast
          message={report.message}
          path={report.path}
          onReveal={(folder) => void reveal(folder)}
          onDismiss={() => setReport((r) => ({ busy: r.busy }))}
        />
      )}
      {preview !== undefined && (
        <Dialog title={t('ui.report.previewTitle')} onCancel={() => setPreview(undefined)}>
          {/* No scripts, no same-origin: the report is shown, never run. */}
          <iframe className="report-preview" title={t('ui.report.previewTitle')} sandbox="" srcDoc={preview} />
          <div className="actions">
            <button type="button" onClick={() => setPreview(undefined)}>
              {t('ui.fix.close')}
            </button>
            <button
              type="button"
              disabled={report.busy}
              onClick={() => {
                setPreview(undefined)
                void exportReport()
              }}
            >
              {t('ui.report.export')}
            </button>
          </div>
        </Dialog>
      )}
      {creating && (
        <NewCaseDialog
          onCreated={(created) => {
            setCreating(false)
            onCreated(created)
          }}
          onCancel={() => setCreating(false)}
        />
      )}
    </>
  )
}
