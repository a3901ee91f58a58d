/** Small text-layout helpers for CLI output. */
import { displayWidth } from '../shared/text/display-width'

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** Left-aligned columns, widths from the widest cell (East Asian wide characters count double). */
export function table(rows: string[][]): string {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))
    })
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n')
}
