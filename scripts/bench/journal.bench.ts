/** Case journal append throughput (each entry fsync'ed) and read-back speed. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JournalWriter, readJournal } from '../../src/main/cases/journal'

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unmask-bench-'))
  try {
    const path = join(dir, 'journal.jsonl')
    const writer = new JournalWriter(path, 0)
    const n = 2000
    const payload = { line: 'S: 250-XXXXXXXA'.repeat(4), phase: 'ehlo', elapsedMs: 12.5 }
    let start = performance.now()
    for (let i = 0; i < n; i++) writer.append('probe.line', payload)
    const appendMs = performance.now() - start
    writer.close()
    start = performance.now()
    const { entries } = readJournal(path)
    const readMs = performance.now() - start
    console.log(
      `append (fsync each): ${n} entries in ${appendMs.toFixed(0)} ms = ${((n / appendMs) * 1000).toFixed(0)} entries/s`,
    )
    console.log(`read back: ${entries.length} entries in ${readMs.toFixed(1)} ms`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
