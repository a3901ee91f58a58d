/** Sections 5–8: the change, its verification, the recommendations and the appendix. */
import { REDACTION_MARKER, SECRET_KINDS } from '../../redaction'
import type { ChangeView, ReportModel, VerificationView } from '../model'
import type { RenderContext } from './context'
import { caseText, esc } from './escape'
import { dialogTable } from './probe-sections'
import { table, textRef } from './sections'

function lineList(lines: readonly string[]): string {
  if (lines.length === 0) return '<p>—</p>'
  const rows = lines.map((l, i) => `<tr><td class="n">${i + 1}</td><td class="text">${caseText(l)}</td></tr>`)
  return `<table class="dialog"><tbody>${rows.join('')}</tbody></table>`
}

/** An undo in the change log: when, what was sent, how it ended. */
function undoBlock(c: ChangeView, ctx: RenderContext): string {
  const { t } = ctx
  const rows = [
    [esc(t('report.change.device')), caseText(c.device)],
    [esc(t('report.change.undoTime')), esc(ctx.date(c.at))],
    [
      esc(t('report.change.outcome')),
      `<span class="${c.outcome === 'applied' ? 'ok' : 'bad'}">${esc(t(`report.change.outcomes.${c.outcome}`))}</span>`,
    ],
  ]
  return `<h3>${esc(t('report.change.kinds.undo'))}</h3><table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>
<h4>${esc(t('report.change.undoLines'))}</h4>${lineList(c.lines)}`
}

/** Apply → undo → apply as it happened: one row per step, in journal order. */
function historyTable(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  if (m.changes.length < 2) return ''
  return `<h3>${esc(t('report.change.history'))}</h3>${table(
    [esc(t('report.change.time')), esc(t('report.change.device')), '', esc(t('report.change.outcome'))],
    m.changes.map((c) => [
      esc(ctx.date(c.at)),
      caseText(c.device),
      `${esc(t(`report.change.kinds.${c.kind ?? 'apply'}`))} (${esc(t('report.change.lineCount', { count: c.lines.length }))})`,
      esc(t(`report.change.outcomes.${c.outcome}`)),
    ]),
    'history',
  )}`
}

function changeBlock(c: ChangeView, ctx: RenderContext): string {
  const { t } = ctx
  if (c.kind === 'undo') return undoBlock(c, ctx)
  const unknown = esc(t('report.change.unknown'))
  const saved =
    c.saved === undefined
      ? esc(t('report.change.savedUnknown'))
      : c.saved
        ? `<span class="ok">${esc(t('report.change.savedYes', { at: ctx.date(c.savedAt ?? c.at) }))}</span>`
        : `<span class="bad">${esc(t('report.change.savedNo'))}</span>`
  const outcome =
    c.outcome === 'applied'
      ? `<span class="ok">${esc(t('report.change.outcomes.applied'))}</span>`
      : `<span class="bad">${esc(t('report.change.outcomes.failed'))}</span>${
          c.failedLine
            ? `<br>${caseText(t('report.change.failedAt', { line: c.failedLine, error: c.error ?? '' }))}`
            : ''
        }`
  const rows: string[][] = [
    [esc(t('report.change.device')), caseText(c.device)],
    [esc(t('report.change.time')), esc(ctx.date(c.at))],
    [esc(t('report.change.confirmedBy')), c.confirmedBy ? caseText(c.confirmedBy) : unknown],
    ...(c.confirmedAt ? [[esc(t('report.change.confirmedAt')), esc(ctx.date(c.confirmedAt))]] : []),
    [
      esc(t('report.change.backup')),
      c.backupSha256 ? `<span class="mono">${caseText(c.backupSha256)}</span>` : unknown,
    ],
    [esc(t('report.change.outcome')), outcome],
    [esc(t('report.change.saved')), saved],
    ...(c.undone
      ? [
          [
            esc(t('report.change.undone', { at: ctx.date(c.undone.at) })),
            esc(t(`report.change.outcomes.${c.undone.outcome}`)),
          ],
        ]
      : []),
  ]
  return `<h3>${esc(t('report.change.kinds.apply'))}</h3><table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>
<h4>${esc(t('report.change.lines'))}</h4>${lineList(c.lines)}
<h4>${esc(t('report.change.undo'))}</h4>${lineList(c.undoLines)}`
}

export function changeSection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const body = m.changes.length
    ? historyTable(m, ctx) + m.changes.map((c) => changeBlock(c, ctx)).join('')
    : `<p>${esc(t('report.change.none'))}</p>`
  return `<section class="chapter" id="change"><h2>5. ${esc(t('report.sections.change'))}</h2>${body}</section>`
}

/** The inspection counters before and after, side by side: the drop and mask counts should stop growing. */
function countersTable(v: VerificationView, ctx: RenderContext): string {
  if (!v.counters) return ''
  const { t } = ctx
  const block = (lines?: string[]) => (lines ? `<pre class="block mono">${lines.map(caseText).join('\n')}</pre>` : '—')
  return `<h4>${esc(t('report.verification.counters'))}</h4>${table(
    [esc(t('report.probes.before')), esc(t('report.probes.after'))],
    [[block(v.counters.before), block(v.counters.after)]],
    'halves',
  )}`
}

export function verificationSection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const body = m.verifications.length
    ? m.verifications
        .map((v) => {
          const head = `<p><span class="${v.passed ? 'ok' : 'bad'}">${esc(t(v.passed ? 'report.verification.passed' : 'report.verification.failed'))}</span> · ${esc(t('report.verification.at', { at: ctx.date(v.at) }))}${v.device ? ` · ${caseText(v.device)}` : ''}</p>`
          const rows = v.checks.map((c) => [
            c.label
              ? `${textRef(ctx, c.label, c.text)}${c.detail ? `<br><span class="mono">${caseText(c.detail)}</span>` : ''}`
              : `<span class="mono">${caseText(c.text)}</span>`,
            `<span class="${c.passed ? 'ok' : 'bad'}">${esc(t(c.passed ? 'report.verification.passed' : 'report.verification.failed'))}</span>`,
          ])
          const checks = rows.length
            ? table([esc(t('report.verification.check')), esc(t('report.verification.result'))], rows, 'checks')
            : ''
          return head + checks + countersTable(v, ctx)
        })
        .join('')
    : `<p>${esc(t('report.verification.none'))}</p>`
  return `<section class="flow" id="verification"><h2>6. ${esc(t('report.sections.verification'))}</h2>${body}</section>`
}

export function recommendationsSection(m: ReportModel, ctx: RenderContext): string {
  const items = m.recommendations.map((r) => `<li>${textRef(ctx, r, r.key)}</li>`).join('')
  return `<section class="flow" id="recommendations"><h2>7. ${esc(ctx.t('report.sections.recommendations'))}</h2><ol class="recommendations">${items}</ol></section>`
}

export function appendixSection(m: ReportModel, ctx: RenderContext): string {
  const { t } = ctx
  const none = `<p>${esc(t('report.appendix.none'))}</p>`
  const texts = m.appendix.texts.length
    ? m.appendix.texts
        .map((x) => {
          const rows = x.lines.map((l, i) => `<tr><td class="n">${i + 1}</td><td class="text">${caseText(l)}</td></tr>`)
          // The header names the text again, so every page of a long log says what it is a page of.
          const head = `<thead><tr><th>#</th><th class="mono">${caseText(x.title)}</th></tr></thead>`
          const omitted = x.omitted
            ? `<p class="note">${esc(t('report.appendix.omitted', { count: x.omitted }))}</p>`
            : ''
          const body = x.lines.length ? `<table class="dialog">${head}<tbody>${rows.join('')}</tbody></table>` : ''
          const same = x.sameAs?.length
            ? `<p class="note">${caseText(t('report.appendix.sameAs', { titles: x.sameAs.join(', ') }))}</p>`
            : ''
          const stamp = x.when ? ` — ${esc(t(`report.probes.${x.when}`))}` : ''
          return `<h4>${esc(t(x.kindKey))}: <span class="mono">${caseText(x.title)}</span>${stamp}</h4>${same}${body}${omitted}`
        })
        .join('')
    : none
  const transcripts = m.appendix.transcripts.length
    ? m.appendix.transcripts
        .map(
          (p) =>
            `<h4>${caseText(t('report.appendix.probeTitle', { when: t(`report.probes.${p.when}`), path: p.path, at: ctx.date(p.startedAt) }))}</h4>${dialogTable(p, ctx)}`,
        )
        .join('')
    : none
  const other = m.appendix.other.length
    ? table(
        ['entry', 'time', 'type', 'data'].map((k) => esc(t(`report.appendix.${k}`))),
        m.appendix.other.map((e) => [
          esc(e.seq),
          esc(ctx.date(e.at)),
          `<span class="mono">${caseText(e.type)}</span>`,
          `<span class="mono">${caseText(e.excerpt)}</span>`,
        ]),
      )
    : none
  const total = SECRET_KINDS.reduce((n, k) => n + m.redactions[k], 0)
  const kinds = SECRET_KINDS.filter((k) => m.redactions[k] > 0)
    .map((k) => `<li>${esc(t(`report.appendix.redactionKinds.${k}`))}: ${m.redactions[k]}</li>`)
    .join('')
  const problems = m.appendix.journalProblems
    ? `<p class="bad">${esc(t('report.appendix.journalProblems', { count: m.appendix.journalProblems }))}</p>`
    : ''
  return `<section class="chapter" id="appendix"><h2>8. ${esc(t('report.sections.appendix'))}</h2>
<h3>A. ${esc(t('report.appendix.redactions'))}</h3><p>${esc(t('report.appendix.redactionsText', { count: total }))} ${caseText(t('report.redactionNote', { marker: REDACTION_MARKER }))}</p>${kinds ? `<ul>${kinds}</ul>` : ''}
<h3>B. ${esc(t('report.appendix.texts'))}</h3>${texts}
<h3>C. ${esc(t('report.appendix.transcripts'))}</h3>${transcripts}
<h3>D. ${esc(t('report.appendix.other'))}</h3>${other}${problems}
</section>`
}
