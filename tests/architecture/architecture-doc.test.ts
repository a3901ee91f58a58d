/** docs/architecture.md names files and journal events; this keeps the page true as the code moves. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JOURNAL } from '../../src/shared/journal/events'

const ROOT = join(__dirname, '../..')
const DOC = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')

/** Every `src/…` or `tests/…` path the page quotes (globs and `<placeholders>` left out). */
function quotedPaths(text: string): string[] {
  return [...text.matchAll(/`((?:src|tests|docs)\/[^`*<>…\s]+)`/g)].map((m) => m[1]!.replace(/\/$/, ''))
}

describe('docs/architecture.md', () => {
  it('names only files and folders that exist', () => {
    const paths = quotedPaths(DOC)
    expect(paths.length).toBeGreaterThan(20)
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([])
  })

  it('lists every journal event of the union', () => {
    const missing = Object.values(JOURNAL).filter((type) => !DOC.includes(`\`${type}\``))
    expect(missing).toEqual([])
  })

  it('the path check notices a file that is gone (counter-example)', () => {
    const paths = quotedPaths('see `src/main/no-such-file.ts` and `src/shared/journal`')
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual(['src/main/no-such-file.ts'])
  })
})
