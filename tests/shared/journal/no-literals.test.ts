/**
 * Journal event types are spelled once, in src/shared/journal/events.ts: everyone else uses `JOURNAL.…`, so a
 * renamed or misspelled type is a compile error instead of an entry the report silently ignores.
 */
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JOURNAL } from '../../../src/shared/journal/events'
import { read, sourceFiles } from '../../support/source-imports'

const SRC = join(__dirname, '../../../src')
const UNION_DIR = 'shared/journal/'
const TYPES = Object.values(JOURNAL)

/**
 * Two journal types are also names in the IPC contract (src/shared/api.ts): the `fix.preview` request and the
 * `fix.line` event. Those spellings are IPC names, not journal types, in the contract, its handlers, the renderer
 * and the preload, or in an `emit(` of the event.
 */
function isIpcName(file: string, type: string, line: string): boolean {
  if (type !== JOURNAL.fixPreview && type !== JOURNAL.fixLine) return false
  return (
    file === 'shared/api.ts' ||
    file === 'main/api-handlers.ts' ||
    file.startsWith('renderer/') ||
    file.startsWith('preload/') ||
    /\bemit\??\.?\(/.test(line)
  )
}

/** Every quoted journal type in one source file (path relative to src), as `file:line type`. */
function literalsIn(file: string, text: string): string[] {
  if (file.startsWith(UNION_DIR)) return []
  return text.split('\n').flatMap((line, i) =>
    TYPES.filter((type) => new RegExp(`['"]${type.replace(/\./g, '\\.')}['"]`).test(line))
      .filter((type) => !isIpcName(file, type, line))
      .map((type) => `${file}:${i + 1} ${type}`),
  )
}

describe('journal event types', () => {
  it('are written as JOURNAL constants everywhere in src outside src/shared/journal', () => {
    const found = sourceFiles(SRC).flatMap((path) => literalsIn(relative(SRC, path).split('\\').join('/'), read(path)))
    expect(found).toEqual([])
  })

  it('the scan reports a hand-spelled type, and not an IPC name or the union itself (counter-examples)', () => {
    const writer = [
      "handle.append('probe.result', result)",
      'handle.append("fix.line", line)',
      "emit('fix.line', { fixId })",
    ].join('\n')
    expect(literalsIn('main/writer.ts', writer)).toEqual(['main/writer.ts:1 probe.result', 'main/writer.ts:2 fix.line'])
    expect(literalsIn('shared/api.ts', "'fix.preview': { input }")).toEqual([])
    expect(literalsIn('shared/journal/events.ts', "fixApplied: 'fix.applied'")).toEqual([])
  })
})
