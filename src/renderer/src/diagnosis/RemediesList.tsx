/** The fixes that fit: exact lines with their CLI mode, the undo lines, the impact and how to verify. */

import type { Remedy } from '@shared/diagnosis'
import { useI18n } from '../i18n'

export interface RemediesListProps {
  remedies: Remedy[]
  /** Applying a change needs a case: the backup, every step and the confirmation are recorded in it. */
  caseId?: string
  /** Opens the fix dialog for a change remedy. */
  onApply: (remedyId: string, title: string) => void
}

export function RemediesList({ remedies, caseId, onApply }: RemediesListProps) {
  const { t } = useI18n()
  if (remedies.length === 0) return null
  return (
    <section className="remedies" aria-label={t('ui.remedies.title')}>
      <h3>{t('ui.remedies.title')}</h3>
      {remedies.map((r) => (
        <article key={r.id} className={`remedy remedy-${r.type}`}>
          <h4>{t(r.titleKey, r.params)}</h4>
          <p>{t(r.summaryKey, r.params)}</p>
          <p className="impact">
            <strong>{t('ui.remedies.impact')}</strong> {t(r.impactKey, r.params)}
          </p>
          {r.type === 'change' && (
            <p>
              <button type="button" disabled={!caseId} onClick={() => onApply(r.id, t(r.titleKey, r.params))}>
                {t('ui.remedies.applyWithConfirmation')}
              </button>
              {!caseId && <span className="hint"> {t('ui.remedies.needsCase')}</span>}
            </p>
          )}
          {r.commands.length > 0 && (
            <>
              <h5>{t('ui.remedies.commands')}</h5>
              <pre className="commands">{r.commands.map((c) => `(${c.mode}) ${c.command}`).join('\n')}</pre>
              <h5>{t('ui.remedies.undo')}</h5>
              <pre className="commands">{r.undo.map((c) => `(${c.mode}) ${c.command}`).join('\n')}</pre>
            </>
          )}
          {r.steps.length > 0 && (
            <ol>
              {r.steps.map((s) => (
                <li key={s.textKey}>{t(s.textKey, s.params)}</li>
              ))}
            </ol>
          )}
          {r.verify.length > 0 && (
            <>
              <h5>{t('ui.remedies.verify')}</h5>
              <ul>
                {r.verify.map((v) => (
                  <li key={v.textKey}>
                    {t(v.textKey, v.params)}
                    {v.command && <code> {v.command}</code>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      ))}
    </section>
  )
}
