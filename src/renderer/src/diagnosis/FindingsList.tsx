/** Root causes first, then each finding with its evidence; an evidence reference jumps to its line. */
import type { Analysis } from '@shared/diagnosis'
import type { EvidenceRef } from '@shared/findings'
import { useI18n } from '../i18n'
import { jumpToLine } from './lines'

function EvidenceLinks({ refs }: { refs: EvidenceRef[] }) {
  const { t } = useI18n()
  return (
    <ul className="evidence">
      {refs.map((ref) => (
        <li key={`${ref.source}:${ref.startLine}-${ref.endLine}`}>
          <button type="button" className="link" onClick={() => jumpToLine(ref.source, ref.startLine)}>
            {t('ui.findings.at', { source: ref.source, start: ref.startLine, end: ref.endLine })}
          </button>
          <pre>{ref.excerpt}</pre>
        </li>
      ))}
    </ul>
  )
}

export function FindingsList({ analysis }: { analysis: Analysis }) {
  const { t } = useI18n()
  if (analysis.findings.length === 0) return <p className="empty">{t('ui.findings.none')}</p>
  return (
    <div className="findings">
      {analysis.causes.length > 0 && (
        <section aria-label={t('ui.findings.causes')}>
          <h3>{t('ui.findings.causes')}</h3>
          {analysis.causes.map((cause) => (
            <article key={cause.id} className="cause">
              <h4>
                {t(cause.titleKey, cause.params)}{' '}
                <span className="confidence">
                  {t('ui.findings.confidence', { percent: Math.round(cause.confidence * 100) })}
                </span>
              </h4>
              <p>{t(cause.explanationKey, cause.params)}</p>
            </article>
          ))}
        </section>
      )}
      <section aria-label={t('ui.findings.title')}>
        <h3>{t('ui.findings.title')}</h3>
        {analysis.findings.map((f) => (
          <article
            key={`${f.id}-${f.evidence[0]?.source ?? ''}-${f.evidence[0]?.startLine ?? 0}`}
            className={`finding severity-${f.severity}`}
          >
            <h4>
              <span className="badge">{t(`ui.severity.${f.severity}`)}</span> {t(f.titleKey, f.params)}
            </h4>
            <p>{t(f.explanationKey, f.params)}</p>
            <EvidenceLinks refs={f.evidence} />
          </article>
        ))}
      </section>
    </div>
  )
}
