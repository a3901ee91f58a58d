/** The verdict card at the top of the diagnosis, then one row per check; details and evidence folded. */

import type { Analysis } from '@shared/diagnosis'
import type { EvidenceRef } from '@shared/findings'
import type { ProbeResult } from '@shared/probe/types'
import { useI18n } from '../i18n'
import { jumpToLine } from './lines'
import { useSourceLabel } from './source-labels'
import { type CheckState, checkRows, type Verdict } from './verdict'

const ICONS: Record<CheckState, string> = { pass: '✓', fail: '✗', unchecked: '–' }

export function EvidenceLinks({ refs }: { refs: EvidenceRef[] }) {
  const { t } = useI18n()
  const label = useSourceLabel()
  return (
    <ul className="evidence">
      {refs.map((ref) => (
        <li key={`${ref.source}:${ref.startLine}-${ref.endLine}`}>
          <button type="button" className="link" onClick={() => jumpToLine(ref.source, ref.startLine)}>
            {ref.startLine === ref.endLine
              ? t('ui.findings.atLine', { source: label(ref.source), line: ref.startLine })
              : t('ui.findings.at', { source: label(ref.source), start: ref.startLine, end: ref.endLine })}
          </button>
          <pre>{ref.excerpt}</pre>
        </li>
      ))}
    </ul>
  )
}

/** The lines that say what the fix does (not the mode changes around them), at most three. */
function keyLines(commands: readonly string[]): string[] {
  const key = commands.filter((c) => /inspect esmtp|allow-tls|fixup smtp|mailguard/i.test(c))
  return (key.length > 0 ? key : commands.filter((c) => !/^(configure terminal|exit|end)$/.test(c))).slice(0, 3)
}

/** Source names inside finding texts read as people name them (`probe:direct` → "Direct probe (inside)"). */
function useHumanParams() {
  const label = useSourceLabel()
  return (params: Record<string, string | number> = {}) =>
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && /^(probe|device):/.test(v) ? label(v) : v]),
    )
}

export interface VerdictCardProps {
  verdict: Verdict
  canApply: boolean
  onApply: (remedyId: string, title: string) => void
}

export function VerdictCard({ verdict, canApply, onApply }: VerdictCardProps) {
  const { t } = useI18n()
  const { remedy } = verdict
  const params = { ...verdict.params }
  if (typeof params.titleKey === 'string') params.title = t(params.titleKey)
  const oneLine = keyLines(remedy?.commands.map((c) => c.command.trim()) ?? []).join(' · ')
  return (
    <section className={`verdict verdict-${verdict.tone}`} data-testid="verdict" aria-label={t('ui.verdict.label')}>
      <h3 data-testid="verdict-title">{t(verdict.key, params)}</h3>
      {remedy && (
        <div className="verdict-fix">
          <p>
            {t(remedy.titleKey, remedy.params)}
            {oneLine && (
              <>
                {': '}
                <code>{oneLine}</code>
              </>
            )}
          </p>
          {remedy.type === 'change' && (
            <button
              type="button"
              className="primary"
              aria-disabled={!canApply}
              title={canApply ? undefined : t('ui.remedies.needsCase')}
              onClick={() => canApply && onApply(remedy.id, t(remedy.titleKey, remedy.params))}
            >
              {t('ui.verdict.apply')}
            </button>
          )}
          {remedy.type === 'change' && !canApply && <p className="hint">{t('ui.remedies.needsCase')}</p>}
        </div>
      )}
    </section>
  )
}

export function CheckRows({ analysis, results }: { analysis?: Analysis; results: readonly ProbeResult[] }) {
  const { t } = useI18n()
  const human = useHumanParams()
  const label = useSourceLabel()
  const rows = checkRows(analysis, results).map((row) =>
    row.id.startsWith('probe-') ? { ...row, params: { vantage: label(`probe:${row.params.vantage}`) } } : row,
  )
  if (rows.length === 0) return null
  return (
    <section className="checks-list" aria-label={t('ui.findings.title')}>
      <h3>{t('ui.checks.title')}</h3>
      <ul>
        {rows.map((row) => (
          <li key={row.id} className={`check check-${row.state}`} data-testid="check-row">
            <details>
              <summary>
                <span className="icon" role="img" aria-label={t(`ui.checks.state.${row.state}`)}>
                  {ICONS[row.state]}
                </span>{' '}
                {t(row.key, human(row.params))}
                {row.findings.length > 1 && (
                  <span className="chip">{t('ui.checks.sources', { count: row.findings.length })}</span>
                )}
              </summary>
              {row.findings.map((f) => (
                <div key={`${f.evidence[0]?.source ?? ''}-${f.evidence[0]?.startLine ?? 0}`} className="finding-detail">
                  <p>{t(f.explanationKey, human(f.params))}</p>
                  <EvidenceLinks refs={f.evidence} />
                </div>
              ))}
            </details>
          </li>
        ))}
      </ul>
    </section>
  )
}
