import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')

describe('DH group fallback and module load order', () => {
  it('works even when ssh2 was loaded before any Unmask module (as in the bundled app)', async () => {
    const stdout = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        [join(root, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'load-order-child.ts')],
        { cwd: root, timeout: 60_000 },
        (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out)),
      ),
    )
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!)
    expect(result).toEqual({ ok: true, kex: 'diffie-hellman-group1-sha1', fallbackUses: 1 })
  })
})
