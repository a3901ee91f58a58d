/**
 * The case's packet captures as two lanes (issue 21): per capture set, per paired connection, the inside copy on
 * the left and the outside copy on the right, row by row, with the time and the line number each finding cites.
 * The model is shared with the report (src/shared/capture/lanes.ts); this only draws it. Rows the firewall changed
 * are marked in colour and in words (for screen readers and print), and each line carries the anchor the findings'
 * evidence links jump to.
 */
import type { CaptureSetLanes, LaneHead, LaneLine, LanePair, LaneRow } from '@shared/capture/lanes'
import { useI18n } from '../i18n'
import { lineAnchor } from './lines'
import './capture-lanes.css'

const ARROW: Record<LaneLine['direction'], string> = { client: '→', server: '←', note: '·' }

interface CellProps {
  line: LaneLine | null
  head: LaneHead | null
  row: LaneRow
  /** Both captures are here: a line on one side only is a difference worth saying. */
  twoSided: boolean
}

function Cell({ line, head, row, twoSided }: CellProps) {
  const { t } = useI18n()
  if (!line || !head) return <td className="lane-empty">—</td>
  const changed = row.kind === 'changed'
  const alone = twoSided && line.direction !== 'note' && (row.kind === 'only-left' || row.kind === 'only-right')
  return (
    <td
      id={lineAnchor(head.source, line.line)}
      tabIndex={-1}
      className={`dir-${line.direction}${changed ? ' rewritten' : ''}${alone ? ' alone' : ''}`}
    >
      <span className="lineno">{t('ui.captures.line', { line: line.line })}</span>
      <span className="at">{line.clock}</span>
      <span className="arrow">{ARROW[line.direction]}</span>
      <code>{line.text}</code>
      {changed && <span className="expected">{t('ui.captures.changed')}</span>}
      {alone && <span className="expected">{t('ui.captures.onlyHere')}</span>}
    </td>
  )
}

function Pair({ pair, set }: { pair: LanePair; set: CaptureSetLanes }) {
  const { t } = useI18n()
  const twoSided = set.left !== null && set.right !== null
  const title = (head: LaneHead | null, lane: CaptureSetLanes['left']) => {
    const side = lane?.side ? `${t(`ui.captures.side.${lane.side}`)}: ` : ''
    if (!head || !lane) return `${side}${t('ui.captures.missing')}`
    return `${side}${lane.name} — ${t('ui.captures.connection', { connection: head.connection, endpoints: head.endpoints })}`
  }
  return (
    <>
      <table className="lanes-table capture-lanes-table">
        <thead>
          <tr>
            <th scope="col">{title(pair.left, set.left)}</th>
            <th scope="col">{title(pair.right, set.right)}</th>
          </tr>
        </thead>
        <tbody>
          {pair.rows.map((row) => (
            <tr
              key={`${row.left?.line ?? '-'}.${row.right?.line ?? '-'}`}
              className={row.kind === 'same' ? 'same' : 'differs'}
              data-kind={row.kind}
            >
              <Cell line={row.left} head={pair.left} row={row} twoSided={twoSided} />
              <Cell line={row.right} head={pair.right} row={row} twoSided={twoSided} />
            </tr>
          ))}
        </tbody>
      </table>
      {pair.hiddenRows > 0 && <p className="hint">{t('ui.captures.hiddenRows', { count: pair.hiddenRows })}</p>}
    </>
  )
}

function statusText(set: CaptureSetLanes, t: ReturnType<typeof useI18n>['t']): string {
  const count = set.pairs.reduce((n, p) => n + p.differences, 0)
  return t(`ui.captures.status.${set.status}`, { count })
}

export function CaptureLanes({ sets }: { sets: readonly CaptureSetLanes[] }) {
  const { t } = useI18n()
  if (sets.length === 0) return null
  return (
    <section className="lanes capture-lanes" aria-label={t('ui.captures.title')} data-testid="capture-lanes">
      <h3>{t('ui.captures.title')}</h3>
      {sets.map((set) => (
        <div
          key={`${set.left?.name ?? '-'}|${set.right?.name ?? '-'}`}
          className="capture-set"
          data-testid="capture-set"
          data-status={set.status}
        >
          <h4>
            {t('ui.captures.setTitle', {
              left: set.left?.name ?? t('ui.captures.missing'),
              right: set.right?.name ?? t('ui.captures.missing'),
            })}
          </h4>
          <p className={set.status === 'changed' ? 'chip bad' : set.status === 'identical' ? 'chip good' : 'chip'}>
            {statusText(set, t)}
          </p>
          {set.pairs.map((pair) => (
            <Pair key={`${pair.left?.source ?? '-'}|${pair.right?.source ?? '-'}`} pair={pair} set={set} />
          ))}
          {set.hiddenPairs > 0 && <p className="hint">{t('ui.captures.hiddenPairs', { count: set.hiddenPairs })}</p>}
          {set.unpaired > 0 && <p className="hint">{t('ui.captures.unpaired', { count: set.unpaired })}</p>}
        </div>
      ))}
    </section>
  )
}
