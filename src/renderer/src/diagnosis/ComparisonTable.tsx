/** Direct and firewall side by side: the rows that differ are the proof that the path rewrites SMTP. */
import type { PathComparison } from '@shared/probe/compare'
import { useI18n } from '../i18n'
import { jumpToLine } from './lines'
import { useSourceLabel } from './source-labels'

export function ComparisonTable({ comparison }: { comparison: PathComparison }) {
  const { t } = useI18n()
  const label = useSourceLabel()
  return (
    <table className="comparison">
      <caption>{t('ui.probe.comparison', { count: comparison.differences.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ui.probe.aspect')}</th>
          <th scope="col">{label(comparison.left)}</th>
          <th scope="col">{label(comparison.right)}</th>
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((row) => (
          <tr key={`${row.aspect}-${row.key}`} className={row.same ? 'same' : 'differs'}>
            <th scope="row">{row.key}</th>
            {[
              [comparison.left, row.left],
              [comparison.right, row.right],
            ].map(([source, cell], i) => {
              const c = cell as typeof row.left
              return (
                <td key={i === 0 ? 'l' : 'r'}>
                  {c?.line !== undefined ? (
                    <button type="button" className="link" onClick={() => jumpToLine(source as string, c.line!)}>
                      <code>{c.text}</code>
                    </button>
                  ) : (
                    <code>{c?.text ?? '—'}</code>
                  )}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
