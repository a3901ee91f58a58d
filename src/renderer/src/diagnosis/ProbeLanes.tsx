/** The two SMTP dialogs side by side on one time axis: direct | through the firewall, rewritten lines in red. */

import { probeSource } from '@shared/probe/transcript'
import type { ProbeResult } from '@shared/probe/types'
import { useI18n } from '../i18n'
import { alignLanes, type LaneCell, laneOrder } from './lanes'
import { lineAnchor } from './lines'
import { useSourceLabel } from './source-labels'

function Cell({ cell, expected }: { cell: LaneCell | undefined; expected?: string }) {
  const { t } = useI18n()
  if (!cell) return <td className="lane-empty">—</td>
  const { line } = cell
  const arrow = line.direction === 'client' ? '→' : line.direction === 'server' ? '←' : '·'
  return (
    <td
      id={lineAnchor(cell.source, line.line)}
      tabIndex={-1}
      className={`dir-${line.direction}${cell.rewritten ? ' rewritten' : ''}`}
    >
      <span className="at">{t('ui.lanes.at', { seconds: (line.atMs / 1000).toFixed(3) })}</span>
      <span className="arrow">{arrow}</span>
      <code>{line.text}</code>
      {cell.rewritten && expected !== undefined && (
        <span className="expected">{t('ui.lanes.expected', { text: expected })}</span>
      )}
    </td>
  )
}

export function ProbeLanes({ results }: { results: readonly ProbeResult[] }) {
  const { t } = useI18n()
  const label = useSourceLabel()
  const lanes = laneOrder(results)
  const rows = alignLanes(lanes)
  const differing = rows.filter((r) => r.differs).length
  return (
    <section className="lanes" aria-label={t('ui.lanes.title')}>
      <h3>
        {t('ui.lanes.title')}
        {lanes.length > 1 && (
          <span className={differing ? 'chip bad' : 'chip good'} data-testid="lanes-differ">
            {t('ui.lanes.differences', { count: differing })}
          </span>
        )}
      </h3>
      <table className="lanes-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.lanes.phase')}</th>
            {lanes.map((r) => (
              <th scope="col" key={probeSource(r)}>
                {label(probeSource(r))}
                <br />
                <small>
                  {r.target.host}:{r.target.port} · {t(`ui.probe.outcome.${r.outcome}`)}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr
              key={`${row.phase}-${row.cells.map((c) => c?.line.line ?? '-').join('.')}`}
              className={row.differs ? 'differs' : 'same'}
            >
              <th scope="row">{rows[i - 1]?.phase === row.phase ? '' : t(`ui.lanes.phases.${row.phase}`)}</th>
              {row.cells.map((cell, lane) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a lane's position is its identity
                <Cell key={lane} cell={cell} expected={row.expected} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {lanes.map((r) => (
        <p key={probeSource(r)} className={r.tls?.established ? 'tls' : 'hint'}>
          {label(probeSource(r))}:{' '}
          {r.tls?.established
            ? t('ui.probe.tls', { protocol: r.tls.protocol ?? '?', cipher: r.tls.cipher ?? '?' })
            : r.error
              ? t('ui.probe.failedAt', { phase: t(`ui.lanes.phases.${r.error.phase}`), message: r.error.message })
              : t('ui.lanes.noTls')}
        </p>
      ))}
    </section>
  )
}
