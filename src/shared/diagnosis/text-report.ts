/**
 * A plain-text rendering of an analysis for terminals (the CLI) and logs: inputs, facts, findings with severity
 * and evidence line numbers, causes, and remedies with the exact commands as they would appear at the prompt.
 */
import type { Translate } from '../i18n'
import type { CommandLine, Remedy } from '../remedies/types'
import type { Analysis } from './index'

const INDENT = '    '

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`
}

/** `fw(config-pmap)#` for a mode, so the engineer sees where each line is typed. */
export function promptFor(hostname: string | null, line: CommandLine, context?: string | null): string {
  if (line.mode === 'flexconfig') return ''
  const host = `${hostname ?? 'firewall'}${context ? `/${context}` : ''}`
  return line.mode === 'enable' ? `${host}# ` : `${host}(${line.mode})# `
}

function commandBlock(target: Remedy['target'], lines: CommandLine[]): string[] {
  return lines.map((l) => `${INDENT}  ${promptFor(target?.hostname ?? null, l, target?.context)}${l.command}`)
}

function remedyLines(t: Translate, r: Remedy): string[] {
  const out = [`  ${t(r.titleKey, r.params)}  [${r.id}]`, `${INDENT}${t(r.summaryKey, r.params)}`]
  if (r.commands.length > 0) {
    out.push(`${INDENT}${t('findings.report.commands')}`, ...commandBlock(r.target, r.commands))
    out.push(`${INDENT}${t('findings.report.undo')}`, ...commandBlock(r.target, r.undo))
  }
  for (const s of r.steps) out.push(`${INDENT}- ${t(s.textKey, s.params).replace(/\n/g, `\n${INDENT}  `)}`)
  if (r.verify.length > 0) {
    out.push(`${INDENT}${t('findings.report.verify')}`)
    for (const v of r.verify) out.push(`${INDENT}  - ${t(v.textKey, v.params)}${v.command ? `: ${v.command}` : ''}`)
  }
  out.push(`${INDENT}${t('findings.report.impact')} ${t(r.impactKey, r.params)}`)
  return out
}

function factValue(t: Translate, key: string, value: unknown): string {
  if (typeof value === 'boolean') return t(value ? 'findings.report.yes' : 'findings.report.no')
  if (key === 'platform') return String(value).toUpperCase()
  if (key === 'contextMode') return t(`findings.report.${value === 'multiple' ? 'multipleContext' : 'singleContext'}`)
  return String(value)
}

export function renderTextReport(a: Analysis, t: Translate): string {
  const out: string[] = []
  out.push(t('findings.report.inputs'))
  for (const p of a.parts) {
    const cmd = p.command ? ` (${p.command})` : ''
    out.push(`  ${p.source}:${p.firstLine}-${p.lastLine}  ${t(`findings.kinds.${p.kind}`)}${cmd}`)
  }
  const facts = Object.entries(a.facts).filter(([, v]) => v !== null)
  out.push('', t('findings.report.facts'))
  if (facts.length === 0) out.push(`  ${t('findings.report.noFacts')}`)
  for (const [k, v] of facts) out.push(`  ${t(`findings.facts.${k}`)}: ${factValue(t, k, v)}`)
  out.push('', t('findings.report.findings'))
  if (a.findings.length === 0) out.push(`  ${t('findings.report.noFindings')}`)
  for (const f of a.findings) {
    out.push(
      `  [${t(`findings.severity.${f.severity}`)}] ${t(f.titleKey, f.params)} (${percent(f.confidence)})  [${f.id}]`,
    )
    out.push(`${INDENT}${t(f.explanationKey, f.params)}`)
    for (const e of f.evidence.slice(0, 8)) {
      const range = e.startLine === e.endLine ? `${e.startLine}` : `${e.startLine}-${e.endLine}`
      const first = e.excerpt.split('\n')[0] ?? ''
      out.push(`${INDENT}${e.source}:${range}  ${first.length > 100 ? `${first.slice(0, 100)}…` : first}`)
    }
  }
  out.push('', t('findings.report.causes'))
  if (a.causes.length === 0) out.push(`  ${t('findings.report.noCauses')}`)
  a.causes.forEach((c, i) => {
    out.push(`  ${i + 1}. ${t(c.titleKey, c.params)} (${percent(c.confidence)})`)
    out.push(`${INDENT}${t(c.explanationKey, c.params)}`)
    if (c.side) out.push(`${INDENT}${t(`findings.report.side.${c.side}`)}`)
    out.push(`${INDENT}${t('findings.report.basedOn')} ${c.findings.join(', ')}`)
  })
  out.push('', t('findings.report.remedies'))
  if (a.remedies.length === 0) out.push(`  ${t('findings.report.noRemedies')}`)
  for (const r of a.remedies) out.push(...remedyLines(t, r), '')
  for (const s of a.skipped) out.push(`  ${t('findings.report.skipped', { id: s.id })} ${t(s.reasonKey, s.params)}`)
  return `${out.join('\n').replace(/\n+$/, '')}\n`
}
