/**
 * Section 4: for each mail path, the before/after comparison, the phase timing chart and the SMTP dialogs with the
 * masked lines highlighted. The appendix reuses `dialogTable` for the full transcripts.
 */
import type { ProbePhase } from '../../probe/types'
import type { ProbeComparison, ProbeView, ReportModel } from '../model'
import type { RenderContext } from './context'
import { caseText, esc } from './escape'
import { table } from './sections'
import { timingChartSvg } from './timing-chart'

/** Dialogs up to this many lines are never split across pages. */
const KEEP_TOGETHER_LINES = 30

const ARROW = { client: '→', server: '←', note: '·' } as const

export function dialogTable(p: ProbeView, ctx: RenderContext): string {
  const { t } = ctx
  const rows = p.lines.map(
    (l) =>
      `<tr class="${l.direction}${l.mark ? ` mark-${l.mark}` : ''}"><td class="n">${esc(l.n)}</td><td class="ms">${esc(Math.round(l.atMs))}</td><td class="dir" title="${esc(t(`report.probes.${l.direction}`))}">${ARROW[l.direction]}</td><td class="text">${caseText(l.text)}</td></tr>`,
  )
  return `<table class="dialog"><thead><tr><th>#</th><th>ms</th><th></th><th>${esc(t('report.probes.dialog'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function tlsText(p: ProbeView | undefined, ctx: RenderContext): string {
  const { t } = ctx
  if (!p) return esc(t('report.probes.notProbed'))
  if (!p.tls?.established) return `<span class="bad">${esc(t('report.probes.notEstablished'))}</span>`
  const trust =
    p.tls.trusted === undefined ? '' : `, ${t(p.tls.trusted ? 'report.probes.trusted' : 'report.probes.untrusted')}`
  return `<span class="ok">${esc(t('report.probes.established', { protocol: p.tls.protocol ?? 'TLS' }) + trust)}</span>`
}

function starttlsText(p: ProbeView | undefined, ctx: RenderContext): string {
  if (!p) return esc(ctx.t('report.probes.notProbed'))
  const cls = p.starttls === 'offered' ? 'ok' : 'bad'
  return `<span class="${cls}">${esc(ctx.t(`report.starttls.${p.starttls}`))}</span>`
}

function outcomeText(p: ProbeView | undefined, ctx: RenderContext): string {
  if (!p) return esc(ctx.t('report.probes.notProbed'))
  return p.outcome === 'completed'
    ? esc(ctx.t('report.probes.completed'))
    : `<span class="bad">${esc(ctx.t('report.probes.failed', { code: p.errorCode ?? '?', phase: p.errorPhase ?? '?' }))}</span>`
}

function comparisonTable(c: ProbeComparison, ctx: RenderContext): string {
  const { t } = ctx
  const cell = (f: (p: ProbeView | undefined) => string) => [f(c.before), f(c.after)]
  const rows: string[][] = [
    [esc(t('report.probes.latest')), ...cell((p) => (p ? esc(ctx.date(p.startedAt)) : '—'))],
    [esc(t('report.probes.starttls')), ...cell((p) => starttlsText(p, ctx))],
    [
      esc(t('report.probes.reply')),
      ...cell((p) => (p?.starttlsReply ? `<span class="mono">${caseText(p.starttlsReply)}</span>` : '—')),
    ],
    [esc(t('report.probes.tls')), ...cell((p) => tlsText(p, ctx))],
    [esc(t('report.probes.outcome')), ...cell((p) => outcomeText(p, ctx))],
    [
      esc(t('report.probes.duration')),
      ...cell((p) => (p ? esc(t('report.probes.ms', { ms: Math.round(p.durationMs) })) : '—')),
    ],
  ]
  return table(
    [esc(t('report.probes.comparison')), esc(t('report.probes.before')), esc(t('report.probes.after'))],
    rows,
  )
}

function pathBlock(c: ProbeComparison, i: number, ctx: RenderContext): string {
  const { t } = ctx
  const series = [
    ...(c.before ? [{ label: t('report.probes.before'), phases: c.before.phases, kind: 'before' as const }] : []),
    ...(c.after ? [{ label: t('report.probes.after'), phases: c.after.phases, kind: 'after' as const }] : []),
  ]
  const chart = timingChartSvg(
    series,
    (phase: ProbePhase) => t(`report.probes.phases.${phase}`),
    (ms) => t('report.probes.ms', { ms }),
  )
  // A short dialog stays on one page with its heading; a long one breaks between rows, its header repeated.
  const dialogs = [c.before, c.after]
    .flatMap((p) => {
      if (!p) return []
      const keep = p.lines.length <= KEEP_TOGETHER_LINES ? ' class="keep"' : ''
      return [
        `<div${keep}><h4>${esc(t(`report.probes.${p.when}`))} — ${esc(t('report.probes.dialog'))}</h4>${dialogTable(p, ctx)}</div>`,
      ]
    })
    .join('')
  return `<h3>4.${i + 1} ${caseText(c.path)}</h3>
${comparisonTable(c, ctx)}
<h4>${esc(t('report.probes.chart'))}</h4>${chart}
${dialogs}`
}

export function probesSection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const legend = `<p class="legend-row"><span><i class="swatch masked"></i>${esc(t('report.probes.legendMasked'))}</span><span><i class="swatch rejected"></i>${esc(t('report.probes.legendRejected'))}</span></p>`
  const body = m.comparisons.length
    ? `<p>${esc(t('report.probes.intro'))}</p>${legend}${m.comparisons.map((c, i) => pathBlock(c, i, ctx)).join('')}`
    : `<p>${esc(t('report.probes.none'))}</p>`
  return `<section class="chapter" id="probes"><h2>4. ${esc(t('report.sections.probes'))}</h2>${body}</section>`
}
