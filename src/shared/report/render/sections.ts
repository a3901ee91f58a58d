/** Cover, summary, scope and findings. Every text taken from the case goes through `caseText` (escaped, markers shown). */
import { REDACTION_MARKER } from '../../redaction'
import type { EvidenceView, FindingView, ReportModel, TextRef } from '../model'
import type { RenderContext } from './context'
import { caseText, esc } from './escape'

export function textRef(ctx: RenderContext, ref: TextRef, fallback?: string): string {
  const params = ref.params ?? {}
  const text = ctx.t(ref.key, fallback === undefined ? params : { ...params, defaultValue: fallback })
  return caseText(text)
}

export function table(head: readonly string[], rows: readonly string[][], cls = ''): string {
  const th = head.map((h) => `<th>${h}</th>`).join('')
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`
}

export function coverSection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const rows: Array<[string, string | undefined]> = [
    [t('report.cover.customer'), m.cover.customer],
    [t('report.cover.site'), m.cover.site],
    [t('report.cover.engineer'), m.cover.engineer],
    [t('report.cover.date'), ctx.date(m.cover.generatedAt)],
    [t('report.cover.opened'), ctx.date(m.cover.created)],
    [t('report.cover.caseId'), m.cover.caseId],
  ]
  const dl = rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${caseText(v!)}</dd>`)
    .join('')
  return `<section class="cover">
<div><h1>${esc(t('report.docTitle'))}</h1><p class="subtitle">${esc(t('report.cover.subtitle'))}</p>
<div class="state ${m.summary.state}">${esc(t(`report.summary.state.${m.summary.state}`))}</div></div>
<dl>${dl}</dl>
<div><p class="confidential">${caseText(t('report.confidential', { customer: m.cover.customer }))}</p>
<p class="note">${caseText(t('report.redactionNote', { marker: REDACTION_MARKER }))}</p></div>
</section>`
}

export function summarySection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const s = m.summary
  const wrong = s.problems.length
    ? `<ul>${s.problems.map((p) => `<li>${textRef(ctx, p, p.key)}</li>`).join('')}</ul>`
    : `<p>${esc(t('report.summary.nothingWrong'))}</p>`
  const done = s.changes.length
    ? `<ul>${s.changes
        .map((c) => {
          const key =
            c.kind === 'undo'
              ? 'report.summary.changeUndone'
              : c.outcome === 'applied'
                ? 'report.summary.changeApplied'
                : 'report.summary.changeFailed'
          const saved =
            c.saved === undefined ? '' : ` ${esc(t(c.saved ? 'report.summary.saved' : 'report.summary.notSaved'))}`
          return `<li>${caseText(t(key, { device: c.device, count: c.lineCount }))}${saved}</li>`
        })
        .join('')}</ul>`
    : `<p>${esc(t('report.summary.nothingDone'))}</p>`
  const now = s.paths.length
    ? `<ul>${s.paths
        .map((p) => {
          const tls = t(p.tls ? 'report.summary.tlsYes' : 'report.summary.tlsNo')
          const ok = p.starttls === 'offered' && p.tls
          return `<li class="${ok ? 'ok' : 'bad'}">${caseText(t('report.summary.path', { path: p.label, starttls: t(`report.starttls.${p.starttls}`), tls }))}</li>`
        })
        .join('')}</ul>`
    : `<p>${esc(t('report.summary.noPaths'))}</p>`
  return `<section class="chapter" id="summary"><h2>1. ${esc(t('report.sections.summary'))}</h2>
<div class="state ${s.state}">${esc(t(`report.summary.state.${s.state}`))}</div>
<h3>${esc(t('report.summary.wrong'))}</h3>${wrong}
<h3>${esc(t('report.summary.done'))}</h3>${done}
<h3>${esc(t('report.summary.now'))}</h3>${now}
</section>`
}

/** Platform ids of the engine and the device drivers, as a customer reads them. */
const PLATFORM_NAMES: Record<string, string> = {
  asa: 'Cisco ASA',
  pix: 'Cisco PIX',
  pix6: 'Cisco PIX (6.x)',
  pix7: 'Cisco PIX (7.x+)',
  fwsm: 'Cisco FWSM',
  ftd: 'Cisco Firepower Threat Defense',
}

export function scopeSection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const opt = (v?: string) => (v ? caseText(v) : '—')
  const devices = m.scope.devices.length
    ? table(
        ['name', 'hostname', 'platform', 'model', 'version', 'address'].map((k) => esc(t(`report.scope.${k}`))),
        m.scope.devices.map((d) => [
          caseText(d.name),
          opt(d.hostname),
          opt(d.platform ? (PLATFORM_NAMES[d.platform.toLowerCase()] ?? d.platform) : undefined),
          opt(d.model),
          opt(d.version),
          opt(d.address),
        ]),
      )
    : `<p>${esc(t('report.scope.noDevices'))}</p>`
  const vantages = m.scope.vantages.length
    ? table(
        ['vantage', 'target', 'address', 'probes'].map((k) => esc(t(`report.scope.${k}`))),
        m.scope.vantages.map((v) => [
          v.label ? caseText(v.label) : esc(t('report.scope.unnamed')),
          caseText(v.target),
          opt(v.address),
          esc(v.probes),
        ]),
      )
    : `<p>${esc(t('report.scope.noVantages'))}</p>`
  const timeWindow = t('report.scope.windowText', {
    from: ctx.date(m.scope.period.from),
    to: ctx.date(m.scope.period.to),
  })
  return `<section class="flow" id="scope"><h2>2. ${esc(t('report.sections.scope'))}</h2>
<h3>${esc(t('report.scope.devices'))}</h3>${devices}
<h3>${esc(t('report.scope.vantages'))}</h3>${vantages}
<h3>${esc(t('report.scope.window'))}</h3><p>${esc(timeWindow)}</p>
</section>`
}

/** An informational finding needs no fix; anything else without advice points at the recommendations. */
function easeOf(f: FindingView): string {
  return f.ease ?? (f.severity === 'info' ? 'none' : 'unknown')
}

function evidenceBlock(e: EvidenceView, ctx: RenderContext): string {
  const range =
    e.startLine === e.endLine
      ? ctx.t('report.findings.line', { line: e.startLine })
      : ctx.t('report.findings.lines', { from: e.startLine, to: e.endLine })
  const rows = e.lines.map((l) => `<tr><td class="n">${esc(l.n)}</td><td class="text">${caseText(l.text)}</td></tr>`)
  return `<div class="excerpt keep"><div class="mono">${caseText(e.source)} · ${esc(range)}</div>
<table class="dialog"><tbody>${rows.join('')}</tbody></table></div>`
}

function findingBlock(f: FindingView, ctx: RenderContext, n: string): string {
  const { t } = ctx
  const impact = f.impactKey
    ? textRef(ctx, { key: f.impactKey, params: f.params }, t(`report.findings.impactDefault.${f.severity}`))
    : esc(t(`report.findings.impactDefault.${f.severity}`))
  const recommendation = f.recommendationKey
    ? textRef(ctx, { key: f.recommendationKey, params: f.params }, t('report.findings.recommendationDefault'))
    : esc(t('report.findings.recommendationDefault'))
  const ease = esc(t(`report.findings.easeLevel.${easeOf(f)}`))
  return `<div class="finding">
<h3>${n} <span class="sev ${f.severity}">${esc(t(`report.findings.severity.${f.severity}`))}</span> ${textRef(ctx, f.title, f.id)}</h3>
<p>${textRef(ctx, f.explanation, '')} <span class="note">${esc(t('report.findings.confidence', { percent: Math.round(f.confidence * 100) }))}</span></p>
<table class="kv"><tbody>
<tr><th>${esc(t('report.findings.impact'))}</th><td>${impact}</td></tr>
<tr><th>${esc(t('report.findings.ease'))}</th><td>${ease}</td></tr>
<tr><th>${esc(t('report.findings.recommendation'))}</th><td>${recommendation}</td></tr>
</tbody></table>
${f.evidence.length ? `<h4>${esc(t('report.findings.evidence'))}</h4>${f.evidence.map((e) => evidenceBlock(e, ctx)).join('')}` : ''}
</div>`
}

function causesBlock(m: ReportModel, ctx: RenderContext): string {
  if (m.causes.length === 0) return ''
  const { t } = ctx
  const items = m.causes
    .map(
      (c) =>
        `<li><strong>${textRef(ctx, c.title, c.id)}</strong> <span class="note">${esc(t('report.findings.confidence', { percent: Math.round(c.confidence * 100) }))}</span><br>${textRef(ctx, c.explanation, '')}</li>`,
    )
    .join('')
  return `<h3>${esc(t('report.findings.causes'))}</h3><ul class="causes">${items}</ul>`
}

function overviewTable(fs: readonly FindingView[], ctx: RenderContext, prefix: string): string {
  const { t } = ctx
  return table(
    ['#', esc(t('report.findings.severityHeading')), esc(t('report.findings.finding')), esc(t('report.findings.ease'))],
    fs.map((f, i) => [
      `${prefix}${i + 1}`,
      `<span class="sev ${f.severity}">${esc(t(`report.findings.severity.${f.severity}`))}</span>`,
      textRef(ctx, f.title, f.id),
      esc(t(`report.findings.easeLevel.${easeOf(f)}`)),
    ]),
    'overview',
  )
}

export function findingsSection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const list = (fs: readonly FindingView[], prefix: string) =>
    fs.length
      ? overviewTable(fs, ctx, prefix) + fs.map((f, i) => findingBlock(f, ctx, `${prefix}${i + 1}.`)).join('')
      : `<p>${esc(t('report.findings.none'))}</p>`
  const after = m.findingsAfter
    ? `<h3>${esc(t('report.findings.afterHeading'))}</h3>${list(m.findingsAfter, '3.A')}`
    : ''
  return `<section class="chapter" id="findings"><h2>3. ${esc(t('report.sections.findings'))}</h2>
${causesBlock(m, ctx)}${list(m.findings, '3.')}${after}
</section>`
}
