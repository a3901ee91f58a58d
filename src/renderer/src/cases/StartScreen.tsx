/**
 * The first screen (issue 18, point 8): nothing is reopened silently, so a new site's evidence never lands in the
 * last customer's case. "New job" or "Continue <customer>, <when>", and the job's steps in view.
 */

import type { CaseSummary } from '@shared/cases'
import { useState } from 'react'
import { useI18n } from '../i18n'
import { NewCaseDialog } from './NewCaseDialog'

export const JOB_STEPS = ['case', 'device', 'evidence', 'probe', 'fix', 'report'] as const

/** The job's steps; `done` marks the ones already reached (the first one not done is the current one). */
export function JobSteps({ done = [], compact = false }: { done?: readonly boolean[]; compact?: boolean }) {
  const { t } = useI18n()
  const current = JOB_STEPS.findIndex((_, i) => !done[i])
  return (
    <ol className={compact ? 'stepper job-steps compact' : 'stepper job-steps'} aria-label={t('ui.start.steps.label')}>
      {JOB_STEPS.map((step, i) => (
        <li
          key={step}
          className={done[i] ? 'done' : i === current ? 'current' : 'todo'}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="n">{done[i] ? '✓' : i + 1}</span> {t(`ui.start.steps.${step}`)}
        </li>
      ))}
    </ol>
  )
}

export interface StartScreenProps {
  cases: CaseSummary[]
  onOpen: (id: string) => void
  onCreated: (created: CaseSummary) => void
}

export function StartScreen({ cases, onOpen, onCreated }: StartScreenProps) {
  const { t, language } = useI18n()
  const [creating, setCreating] = useState(false)
  const recent = cases[0]
  const when = (iso: string) => {
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    const locale = language === 'ko' ? 'ko-KR' : 'en-GB'
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
  }
  return (
    <main className="start-screen" data-testid="start-screen">
      <h2>{t('ui.start.title')}</h2>
      <JobSteps />
      <div className="start-actions">
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('ui.start.newJob')}
        </button>
        {recent && (
          <button type="button" onClick={() => onOpen(recent.id)}>
            {t('ui.start.continue', { customer: recent.customer, when: when(recent.created) })}
          </button>
        )}
      </div>
      {cases.length > 1 && (
        <label>
          {t('ui.start.other')}{' '}
          <select value="" onChange={(e) => e.target.value && onOpen(e.target.value)}>
            <option value="">—</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.customer}
                {c.site ? ` · ${c.site}` : ''} — {when(c.created)}
              </option>
            ))}
          </select>
        </label>
      )}
      {creating && (
        <NewCaseDialog
          onCreated={(c) => {
            setCreating(false)
            onCreated(c)
          }}
          onCancel={() => setCreating(false)}
        />
      )}
    </main>
  )
}
