/**
 * "Packet captures" (issue 21): the case's captures as two lanes per capture set, drawn from the same model as the
 * diagnosis panel (src/shared/capture/lanes.ts): per paired connection a two-column table, the left capture's line
 * beside the right capture's, each with its line number (the one the findings cite) and time; rows the firewall
 * changed are highlighted and say so in words, so the proof survives a grey print. A set of one capture says the
 * other side is missing; identical captures say there was no change between the interfaces. The lane texts are the
 * panel's own (`ui.captures.*`), so both surfaces say the same.
 */
import type { CaptureSetLanes, LaneLine, LanePair, LaneRow } from '../../capture/lanes'
import type { ReportModel } from '../model'
import type { RenderContext } from './context'
import { caseText, esc } from './escape'

const ARROW = { client: '→', server: '←', note: '·' } as const

function cell(line: LaneLine | null, row: LaneRow, twoSided: boolean, ctx: RenderContext): string {
  if (!line) return '<td class="text">—</td>'
  const alone = twoSided && line.direction !== 'note' && row.kind !== 'same' && row.kind !== 'changed'
  const note = row.kind === 'changed' ? 'ui.captures.changed' : alone ? 'ui.captures.onlyHere' : null
  const words = note ? `<br><em>${esc(ctx.t(note))}</em>` : ''
  return `<td class="text"><span class="n">${esc(ctx.t('ui.captures.line', { line: line.line }))}</span> <span class="ms">${esc(line.clock)}</span> ${ARROW[line.direction]} ${caseText(line.text)}${words}</td>`
}

function rowClass(row: LaneRow, twoSided: boolean): string {
  const direction = (row.left ?? row.right)?.direction ?? 'note'
  if (row.kind === 'changed') return `${direction} mark-masked`
  if (twoSided && row.kind !== 'same' && direction !== 'note') return `${direction} mark-dropped`
  return direction
}

function laneTitle(pair: LanePair, set: CaptureSetLanes, which: 'left' | 'right', ctx: RenderContext): string {
  const { t } = ctx
  const lane = set[which]
  const head = pair[which]
  const side = lane?.side ? `${t(`ui.captures.side.${lane.side}`)}: ` : ''
  if (!lane || !head) return esc(`${side}${t('ui.captures.missing')}`)
  return `${esc(side)}${caseText(lane.name)}<br><small>${caseText(t('ui.captures.connection', { connection: head.connection, endpoints: head.endpoints }))}</small>`
}

function pairTable(pair: LanePair, set: CaptureSetLanes, ctx: RenderContext): string {
  const twoSided = set.left !== null && set.right !== null
  const rows = pair.rows.map(
    (row) =>
      `<tr class="${rowClass(row, twoSided)}">${cell(row.left, row, twoSided, ctx)}${cell(row.right, row, twoSided, ctx)}</tr>`,
  )
  const hidden =
    pair.hiddenRows > 0 ? `<p class="note">${esc(ctx.t('ui.captures.hiddenRows', { count: pair.hiddenRows }))}</p>` : ''
  return `<table class="dialog halves capture-lanes"><thead><tr><th>${laneTitle(pair, set, 'left', ctx)}</th><th>${laneTitle(pair, set, 'right', ctx)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>${hidden}`
}

function setPart(set: CaptureSetLanes, ctx: RenderContext): string {
  const { t } = ctx
  const count = set.pairs.reduce((n, p) => n + p.differences, 0)
  const cls = set.status === 'changed' ? 'bad' : set.status === 'identical' ? 'ok' : ''
  const notes = [
    set.hiddenPairs > 0 ? t('ui.captures.hiddenPairs', { count: set.hiddenPairs }) : '',
    set.unpaired > 0 ? t('ui.captures.unpaired', { count: set.unpaired }) : '',
  ].filter(Boolean)
  const title = t('ui.captures.setTitle', {
    left: set.left?.name ?? t('ui.captures.missing'),
    right: set.right?.name ?? t('ui.captures.missing'),
  })
  return `<h3>${caseText(title)}</h3>
<p><span class="${cls}">${esc(t(`ui.captures.status.${set.status}`, { count }))}</span></p>
${set.pairs.map((p) => pairTable(p, set, ctx)).join('\n')}
${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}`
}

export function captureSection(m: ReportModel, ctx: RenderContext): string {
  const sets = m.captures ?? []
  if (sets.length === 0) return ''
  const { t } = ctx
  return `<section class="chapter" id="captures"><h2>${esc(t('report.captures.title'))}</h2>
<p>${esc(t('report.captures.intro'))}</p>
${sets.map((s) => setPart(s, ctx)).join('\n')}</section>`
}
