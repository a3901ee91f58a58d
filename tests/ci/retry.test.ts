/** scripts/lib/retry.sh: the retry used for every network step of set-up and CI (apt-get, npm ci, npx). */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'

const LIB = resolve(import.meta.dirname, '../../scripts/lib/retry.sh')
let temp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  temp = makeTempDir('unmask-retry-')
})
afterEach(() => temp.remove())

/** Runs `retry NAME <a command failing its first `failures` calls with exit 7>`, recording each call's time. */
function retry(failures: number, env: Record<string, string>) {
  const counter = join(temp.path, 'calls')
  const cmd = `n=$(( $(cat ${counter} 2>/dev/null || echo 0) + 1 )); echo $n > ${counter}; date +%s.%N >> ${counter}.t; [ $n -gt ${failures} ] || exit 7`
  const r = spawnSync('/bin/bash', ['-c', `source ${LIB}; retry "npm ci" bash -c '${cmd}'`], {
    encoding: 'utf8',
    timeout: 20_000,
    // A socket on stdin makes bash read ~/.bashrc (its rsh heuristic); Node's pipes are sockets.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  })
  const times = readFileSync(`${counter}.t`, 'utf8').trim().split('\n').map(Number)
  return { code: r.status, err: r.stderr, calls: Number(readFileSync(counter, 'utf8').trim()), times }
}

describe('retry', () => {
  it('returns at once when the first try succeeds', () => {
    const r = retry(0, { UNMASK_RETRY_PAUSES: '5' })
    expect(r).toMatchObject({ code: 0, calls: 1, err: '' })
  })

  it('pauses longer after each failure, as configured', () => {
    const r = retry(2, { UNMASK_RETRY_PAUSES: '0 1' })
    expect(r.code).toBe(0)
    expect(r.calls).toBe(3)
    expect(r.err).toContain("'npm ci' failed (try 1 of 4, exit code 7); trying again in 0s")
    expect(r.err).toContain("'npm ci' failed (try 2 of 4, exit code 7); trying again in 1s")
    // The second pause (1 s) really happened between tries 2 and 3.
    expect(r.times[2] - r.times[1]).toBeGreaterThanOrEqual(0.9)
  })

  it('gives up after the configured number of tries with the command exit code', () => {
    const r = retry(99, { UNMASK_RETRY_PAUSES: '0', UNMASK_RETRY_TRIES: '3' })
    expect(r.code).toBe(7)
    expect(r.calls).toBe(3)
    expect(r.err).toContain("retry: 'npm ci' failed after 3 tries (last exit code 7); giving up")
  })

  it('defaults to four tries over about two minutes', () => {
    const text = readFileSync(LIB, 'utf8')
    expect(text).toContain('UNMASK_RETRY_TRIES:-4')
    const pauses = /UNMASK_RETRY_PAUSES:-([\d ]+)/.exec(text)?.[1].split(' ').map(Number) ?? []
    const total = pauses.reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThanOrEqual(90)
    expect(total).toBeLessThanOrEqual(150)
  })
})
