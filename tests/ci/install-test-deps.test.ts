/**
 * scripts/install-test-deps.sh against stand-in apt-get/dpkg-query programs on PATH (issue 20): a mirror that
 * fails twice then works is retried; one that always fails gives a clear message naming the step, and fails
 * under CI (UNMASK_REQUIRE_TEST_DEPS=1) instead of turning tests into skips.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'

const SCRIPT = resolve(import.meta.dirname, '../../scripts/install-test-deps.sh')
// The only system programs the script may reach: everything else on its PATH is a stand-in.
const SYSTEM_TOOLS = ['dirname', 'grep', 'tee', 'chmod', 'rm', 'sleep', 'env', 'cat']

let temp: ReturnType<typeof makeTempDir>
let bin: string
let state: string

function standIn(name: string, body: string): void {
  const file = join(bin, name)
  writeFileSync(file, `#!/bin/bash\n${body}\n`)
  chmodSync(file, 0o755)
}

/** apt-get that fails its first `failures` calls with the mirror's lookup error; `install` marks packages installed. */
function aptGet(failures: number, installWorks = true): void {
  standIn(
    'apt-get',
    `n=$(( $(cat "${state}/apt-calls" 2>/dev/null || echo 0) + 1 )); echo $n > "${state}/apt-calls"
echo "$*" >> "${state}/apt-args"
if [ $n -le ${failures} ]; then echo "E: Temporary failure resolving 'deb.debian.org'" >&2; exit 100; fi
case " $* " in *" install "*) ${installWorks ? `: > "${state}/installed"` : 'true'} ;; esac
exit 0`,
  )
}

function run(env: Record<string, string> = {}) {
  const result = spawnSync('/bin/bash', [SCRIPT], {
    encoding: 'utf8',
    timeout: 30_000,
    // A socket on stdin makes bash read ~/.bashrc (its rsh heuristic); Node's pipes are sockets.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: bin,
      UNMASK_RETRY_PAUSES: '0',
      UNMASK_POLICY_RC_D: join(state, 'policy-rc.d'),
      ...env,
    },
  })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

function aptCalls(): number {
  return existsSync(join(state, 'apt-calls')) ? Number(readFileSync(join(state, 'apt-calls'), 'utf8').trim()) : 0
}

beforeEach(() => {
  temp = makeTempDir('unmask-ci-')
  bin = join(temp.path, 'bin')
  state = join(temp.path, 'state')
  spawnSync('mkdir', ['-p', bin, state])
  for (const tool of SYSTEM_TOOLS) {
    const found = spawnSync('/bin/bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()
    symlinkSync(found, join(bin, tool))
  }
  standIn(
    'dpkg-query',
    `[ -e "${state}/installed" ] && printf 'install ok installed' || { printf 'unknown ok not-installed'; exit 1; }`,
  )
  standIn('id', 'echo 0')
  standIn('debconf-set-selections', 'cat > /dev/null')
})
afterEach(() => temp.remove())

describe('install-test-deps.sh on a flaky mirror', () => {
  it('retries a step that fails twice and succeeds on the third try', () => {
    aptGet(2)
    const r = run({ UNMASK_REQUIRE_TEST_DEPS: '1' })
    expect(r.code, r.err).toBe(0)
    expect(r.err).toContain("retry: 'apt-get update' failed (try 1 of 4, exit code 100)")
    expect(r.err).toContain("retry: 'apt-get update' failed (try 2 of 4, exit code 100)")
    expect(r.err).not.toContain('try 3 of 4')
    expect(r.out).toContain('test dependencies installed')
    // Three updates (two failed) and one install.
    expect(aptCalls()).toBe(4)
    expect(readFileSync(join(state, 'apt-args'), 'utf8')).toMatch(/install -y -qq --no-install-recommends chromium/)
    // The policy-rc.d it created to keep services from starting is gone again.
    expect(existsSync(join(state, 'policy-rc.d'))).toBe(false)
  })

  it('under CI, a mirror that never answers fails with a message naming the step', () => {
    aptGet(99)
    const r = run({ UNMASK_REQUIRE_TEST_DEPS: '1' })
    expect(r.code).toBe(1)
    expect(aptCalls()).toBe(4)
    expect(r.err).toContain("retry: 'apt-get update' failed after 4 tries (last exit code 100); giving up")
    expect(r.err).toContain('ERROR: test dependencies could not be installed: chromium')
    expect(r.err).toContain("'apt-get update' kept failing")
    expect(r.out).not.toContain('test dependencies installed')
  })

  it('on a developer machine the same failure says which tests will be skipped and exits 0', () => {
    aptGet(99)
    const r = run()
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/test dependencies missing \(chromium .*\): tests that need them will be skipped/)
  })

  it('fails under CI when apt-get claims success but the packages are still missing', () => {
    aptGet(0, false)
    const r = run({ UNMASK_REQUIRE_TEST_DEPS: '1' })
    expect(r.code).toBe(1)
    expect(r.err).toContain('still not installed after apt-get')
  })

  it('does nothing when every package is present', () => {
    aptGet(0)
    writeFileSync(join(state, 'installed'), '')
    const r = run({ UNMASK_REQUIRE_TEST_DEPS: '1' })
    expect(r.code).toBe(0)
    expect(r.out).toContain('test dependencies: all present')
    expect(aptCalls()).toBe(0)
  })

  it('without root or sudo it skips on a developer machine and fails under CI', () => {
    aptGet(0)
    standIn('id', 'echo 1000')
    expect(run().code).toBe(0)
    const r = run({ UNMASK_REQUIRE_TEST_DEPS: '1' })
    expect(r.code).toBe(1)
    expect(r.err).toContain('no root and no sudo')
    expect(aptCalls()).toBe(0)
  })
})
