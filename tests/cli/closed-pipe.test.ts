/** The built CLI when its reader closes the pipe early (`unmask audit DIR | head -1`): a quiet stop, no stack trace. */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, isBuilt, ROOT } from './built'

describe.skipIf(!isBuilt)('unmask with a reader that leaves early', () => {
  it('stops quietly with exit code 0 once stdout is closed', async () => {
    // Many rows: the fixture folder audited again and again, so output outlives the first read.
    const folder = join(ROOT, 'tests', 'fixtures')
    const child = spawn(process.execPath, [BIN, 'audit', '--no-progress', ...Array(40).fill(folder)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += String(d)
    })
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(first).toContain('HOSTNAME')
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/)
    expect(code).toBe(0)
  })
})
