import { spawn } from 'node:child_process'
import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalWriter, parseJournal, readJournal } from '../../../src/main/cases/journal'
import { makeTempDir } from '../../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('journal', () => {
  it('writes one JSON line per entry, numbered in order, readable at once', () => {
    temp = makeTempDir()
    const path = join(temp.path, 'j.jsonl')
    const w = new JournalWriter(path, 0)
    w.append('a', { x: 1 })
    w.append('b', { text: '250 XXXXXXXA\r\n' })
    // Read while the writer is still open: entries must already be on disk.
    const { entries, problems } = readJournal(path)
    expect(entries.map((e) => [e.seq, e.type])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ])
    expect(entries[1]!.data).toEqual({ text: '250 XXXXXXXA\r\n' })
    expect(problems).toEqual([])
    w.close()
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3)
  })

  it('survives a torn last line: earlier entries are kept and the tear is reported, not thrown', () => {
    temp = makeTempDir()
    const path = join(temp.path, 'j.jsonl')
    const w = new JournalWriter(path, 0)
    for (let i = 0; i < 5; i++) w.append('probe.line', { i, text: 'x'.repeat(50) })
    w.close()
    const full = readFileSync(path)
    // Cut in the middle of the last entry, as a crash during write() could.
    truncateSync(path, full.length - 30)
    const { entries, problems } = readJournal(path)
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 5, kind: 'torn' })
  })

  it('keeps appending after a crash left a torn line, starting on a fresh line', () => {
    temp = makeTempDir()
    const path = join(temp.path, 'j.jsonl')
    const w = new JournalWriter(path, 0)
    w.append('first', {})
    w.close()
    appendFileSync(path, '{"seq":1,"at":"2026-')
    const w2 = new JournalWriter(path, 1)
    w2.append('after-crash', { ok: true })
    w2.close()
    const { entries, problems } = readJournal(path)
    expect(entries.map((e) => e.type)).toEqual(['first', 'after-crash'])
    expect(problems).toEqual([expect.objectContaining({ line: 2, kind: 'corrupt' })])
  })

  it('reports a garbled middle line as corrupt and keeps the lines around it', () => {
    const text = [
      '{"seq":0,"at":"t","type":"a","data":null}',
      'garbage',
      '{"not":"an entry"}',
      '{"seq":3,"at":"t","type":"d","data":null}',
      '',
    ].join('\n')
    const { entries, problems } = parseJournal(text)
    expect(entries.map((e) => e.type)).toEqual(['a', 'd'])
    expect(problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'corrupt'],
      [3, 'corrupt'],
    ])
  })

  it('a process killed while appending leaves every completed entry readable', async () => {
    temp = makeTempDir()
    const path = join(temp.path, 'j.jsonl')
    writeFileSync(path, '')
    const journalModule = join(import.meta.dirname, '../../../src/main/cases/journal.ts')
    const script = `
      const { JournalWriter } = require(${JSON.stringify(journalModule)});
      const w = new JournalWriter(${JSON.stringify(path)}, 0);
      let i = 0;
      for (;;) { w.append('tick', { i: i++, pad: 'p'.repeat(200) }); if (i === 20) process.stdout.write('go\\n'); }
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const { entries, problems } = readJournal(path)
    expect(entries.length).toBeGreaterThanOrEqual(20)
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, index) => index))
    expect(problems.length).toBeLessThanOrEqual(1)
  })
})
