/** What the fix dialog shows of each step: the plan and its checks, the lines that went in, verification, save. */
import type { ApplyResult, Preview, SaveResult, VerifyResult } from '@shared/fix/types'
import { useI18n } from '../i18n'

export interface FixResultsProps {
  preview?: Preview
  applied?: ApplyResult
  verified?: VerifyResult
  saved?: SaveResult
  /** Only the lines (the confirm step repeats what is about to be sent, nothing else). */
  compact?: boolean
}

export function FixResults({ preview, applied, verified, saved, compact = false }: FixResultsProps) {
  const { t } = useI18n()
  return (
    <div className="fix-results">
      {preview && (
        <section aria-label={t('ui.fix.plan')}>
          <h3>{preview.plan.kind === 'undo' ? t('ui.fix.undoPlan') : t('ui.fix.plan')}</h3>
          <pre className="commands" data-testid="fix-lines">
            {preview.plan.lines.map((l) => `${preview.device.hostname}(${l.mode})# ${l.command}`).join('\n')}
          </pre>
          {!compact && (
            <>
              <h4>{t('ui.remedies.undo')}</h4>
              <pre className="commands">{preview.plan.undo.map((l) => `(${l.mode}) ${l.command}`).join('\n')}</pre>
              <p className="impact">
                <strong>{t('ui.remedies.impact')}</strong> {t(preview.plan.impactKey, preview.plan.params)}
              </p>
              <ul className="checks">
                {preview.checks.map((c) => {
                  // A state that could not be read is not a pass, even when it does not block: "not checked".
                  const state = !c.passed ? 'failed' : c.key.endsWith('.unknown') ? 'unchecked' : 'passed'
                  return (
                    <li key={c.id} className={state}>
                      {state === 'passed' ? '✓' : state === 'failed' ? '✗' : '–'} {t(c.key, c.params)}
                      {state === 'unchecked' && <em> ({t('ui.checks.state.unchecked')})</em>}
                    </li>
                  )
                })}
              </ul>
            </>
          )}
        </section>
      )}
      {verified && (
        <section aria-label={t('ui.fix.verifyTitle')}>
          <h3 data-testid="fix-verify-outcome">{t(`ui.fix.verified.${verified.outcome}`)}</h3>
          <ul className="checks">
            {verified.checks.map((c) => (
              <li key={c.id} className={c.passed ? 'passed' : 'failed'}>
                {c.passed ? '✓' : '✗'} {t(c.key, c.params)} <code>{c.evidence}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {applied && (
        <section aria-label={t('ui.fix.appliedTitle')}>
          <details open={!verified || applied.outcome !== 'applied'}>
            <summary>
              <strong>{t(`ui.fix.outcome.${applied.outcome}`)}</strong>{' '}
              {t('ui.fix.lineCount', { count: applied.sent.length })}
            </summary>
            <ol className="sent-lines" data-testid="fix-sent">
              {applied.sent.map((line) => (
                <li key={line.index} className={`line-${line.status}`}>
                  <code>{line.command}</code> — {t(`ui.fix.lineStatus.${line.status}`)}
                  {line.failureText && <span className="error"> {line.failureText}</span>}
                </li>
              ))}
              {numbered(applied).map((line) => (
                <li key={line.index} className="line-not-sent">
                  <code>{line.command}</code> — {t('ui.fix.lineStatus.notSent')}
                </li>
              ))}
            </ol>
          </details>
          <p className="hint">{t('ui.fix.backup', { sha256: applied.backup.sha256.slice(0, 16) })}</p>
        </section>
      )}
      {saved && (
        <p data-testid="fix-saved">
          {saved.saved ? t('ui.fix.savedOk') : t('ui.fix.savedFailed', { error: saved.error ?? '' })}
        </p>
      )}
    </div>
  )
}

/** Lines left unsent keep their place in the plan (after the sent ones). */
function numbered(applied: ApplyResult): Array<{ index: number; command: string }> {
  const first = applied.sent.length + 1
  const out: Array<{ index: number; command: string }> = []
  for (const [offset, line] of applied.notSent.entries()) out.push({ index: first + offset, command: line.command })
  return out
}
