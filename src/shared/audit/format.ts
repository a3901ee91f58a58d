/**
 * Audit output, one row at a time so nothing has to be held:
 * - CSV per RFC 4180 (CRLF line ends; a field with `"`, `,`, CR or LF is quoted and its quotes doubled) with the
 *   formula-injection guard of OWASP ASVS 5.0 requirement 1.2.10: a field starting with `=`, `+`, `-`, `@`, tab,
 *   CR or NUL gets a leading `'` so a spreadsheet shows it as text (a hostname or excerpt comes from a file that
 *   anyone may have written). Hand-written: csv-stringify and friends quote but do not guard formulas.
 * - NDJSON: one `{"type":"row",…}` line per device as it is found, then one `{"type":"summary",…}` line, so a
 *   pipeline (`jq`) can start before the fleet is done.
 * - A text table with fixed column widths (widths cannot be measured on rows not yet seen).
 */
import type { Translate } from '../i18n'
import type { AuditRow, AuditSummary, EsmtpState } from './types'

export const CSV_COLUMNS = [
  'hostname',
  'platform',
  'version',
  'esmtp',
  'places',
  'bugs',
  'mailguard',
  'ftd',
  'remedy',
  'file',
  'line',
  'evidence',
  'affected',
  'duplicate_of',
] as const

const FORMULA_START = /^[=+\-@\t\r\0]/

export function csvField(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value)
  if (FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`
}

export function csvRow(row: AuditRow): string {
  const cells = [
    row.hostname,
    row.platform,
    row.version,
    row.state,
    row.places.join('; '),
    row.bugs.join('; '),
    row.mailguard,
    row.ftd,
    row.remedy,
    row.file,
    row.proof?.line ?? null,
    row.proof?.excerpt ?? null,
    row.affected,
    row.duplicateOf,
  ]
  return `${cells.map(csvField).join(',')}\r\n`
}

export function ndjsonRow(row: AuditRow): string {
  return `${JSON.stringify({ type: 'row', ...row })}\n`
}

export function ndjsonSummary(summary: AuditSummary): string {
  return `${JSON.stringify({ type: 'summary', ...summary })}\n`
}

const WIDTHS = [20, 8, 10, 9, 22, 9, 3] as const

function cell(text: string, width: number): string {
  // Control characters from a hostile file must not move the cursor of the terminal showing the table.
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean.padEnd(width)
}

export function tableHeader(t: Translate): string {
  const heads = ['hostname', 'platform', 'version', 'esmtp', 'remedy', 'mailguard', 'ftd'].map((k, i) =>
    cell(t(`audit.table.${k}`), WIDTHS[i]!),
  )
  return `${heads.join(' ')} ${t('audit.table.proof')}\n`
}

export function stateLabel(t: Translate, state: EsmtpState): string {
  return t(`audit.state.${state}`)
}

export function tableRow(t: Translate, row: AuditRow): string {
  const yes = (b: boolean) => (b ? t('audit.yes') : '-')
  const cells = [
    row.hostname ?? '?',
    row.platform ?? '?',
    row.version ?? '?',
    stateLabel(t, row.state),
    row.remedy ?? '-',
    yes(row.mailguard),
    yes(row.ftd),
  ].map((v, i) => cell(v, WIDTHS[i]!))
  const where = row.proof ? `${row.file}:${row.proof.line}` : row.file
  const notes: string[] = []
  if (row.places.length > 0) notes.push(t('audit.places', { places: row.places.join(', ') }))
  if (row.bugs.length > 0) notes.push(t('audit.bugs', { bugs: row.bugs.join(', ') }))
  if (row.duplicateOf) notes.push(t('audit.duplicateOf', { file: row.duplicateOf }))
  const tail = notes.length > 0 ? `\n${' '.repeat(4)}${notes.map((n) => cell(n, 200).trimEnd()).join('; ')}` : ''
  return `${cells.join(' ')} ${cell(where, 400).trimEnd()}${tail}\n`
}

export function renderSummary(t: Translate, s: AuditSummary): string {
  const lines: string[] = ['', t('audit.summary.title')]
  lines.push(
    t('audit.summary.totals', { files: s.files, devices: s.devices, affected: s.affected }),
    t('audit.summary.states', {
      active: s.byState.active,
      allowTls: s.byState['allow-tls'],
      off: s.byState.off,
      unknown: s.byState.unknown,
    }),
    t('audit.summary.flags', { mailguard: s.mailguard, ftd: s.ftd }),
  )
  for (const [bug, n] of Object.entries(s.bugs)) lines.push(t('audit.summary.bug', { bug, count: n }))
  lines.push(t('audit.summary.versions'))
  for (const [version, n] of Object.entries(s.byVersion)) lines.push(`  ${cell(version, 24)} ${n}`)
  const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0)
  if (skipped.length > 0) {
    lines.push(t('audit.summary.skipped'))
    for (const [reason, n] of skipped) lines.push(`  ${cell(t(`audit.skip.${reason}`), 40)} ${n}`)
    for (const f of s.skippedFiles)
      lines.push(
        `    ${cell(f.file, 300).trimEnd()}: ${t(`audit.skip.${f.reason}`)}${f.detail ? ` (${f.detail})` : ''}`,
      )
    if (s.skippedFilesOmitted > 0) lines.push(`    ${t('audit.summary.omitted', { count: s.skippedFilesOmitted })}`)
  }
  if (s.duplicates.length > 0) {
    lines.push(t('audit.summary.duplicates'))
    for (const d of s.duplicates) lines.push(`  ${cell(d.hostname, 64).trimEnd()}: ${d.files.join(', ')}`)
  }
  return `${lines.join('\n')}\n`
}
