/**
 * "Fleet findings": the fleet audit exported into the case (src/shared/audit/report-view.ts), shown when there is one —
 * the counts per ESMTP state, then one row per device with the line that proves it.
 */
import type { ReportModel } from '../model'
import type { RenderContext } from './context'
import { caseText, esc } from './escape'
import { table } from './sections'

export function fleetSection(m: ReportModel, ctx: RenderContext): string {
  const fleet = m.fleet
  if (!fleet) return ''
  const { t } = ctx
  const s = fleet.summary
  const intro = t('audit.report.intro', { devices: s.devices, files: s.files, affected: s.affected })
  const states = table(
    [t('audit.table.esmtp'), '#'].map(esc),
    Object.entries(s.byState).map(([state, n]) => [esc(t(`audit.state.${state}`)), esc(n)]),
  )
  const head = ['hostname', 'platform', 'version', 'esmtp', 'remedy', 'proof'].map((k) => esc(t(`audit.table.${k}`)))
  const rows = fleet.rows.map((r) => [
    caseText(r.hostname),
    esc(r.platform),
    esc(r.version),
    esc(t(`audit.state.${r.state}`)) + (r.bugs ? `<br><small>${esc(r.bugs)}</small>` : ''),
    esc(r.remedy),
    `${caseText(r.where)}${r.excerpt ? `<br><code>${caseText(r.excerpt)}</code>` : ''}`,
  ])
  const more = fleet.omitted > 0 ? `<p class="note">${esc(t('audit.report.more', { count: fleet.omitted }))}</p>` : ''
  return `<section class="chapter" id="fleet"><h2>${esc(t('audit.report.title'))}</h2>
<p>${esc(intro)}</p>
<p class="note">${caseText(fleet.roots.join(', '))} · ${esc(ctx.date(fleet.at))}</p>
${states}
${table(head, rows)}
${more}</section>`
}
