/**
 * What the built bundles load at start (issue 16): the Electron main process (out/main/index.js, Electron stubbed
 * because its binary cannot run here) loads no lab, no playwright-core, no ssh2 and nothing test-only; the CLI's
 * `--version`, `--help` and `analyze` load none of the heavy modules, which come in only with the commands that use
 * them (the `report` and `lab` runs below are the positive controls: the same listing does see them there).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { BIN, isBuilt, ROOT } from './built'

/** Preloaded into the child: optionally stands in for `electron`, and writes every loaded module's path at exit. */
const HOOK = `
const Module = require('node:module')
const { writeFileSync } = require('node:fs')
if (process.env.STUB_ELECTRON === '1') {
  const stub = () => new Proxy(function () {}, {
    get: (_t, key) => key === 'then' ? undefined : key === 'whenReady' ? () => new Promise(() => {})
      : key === 'requestSingleInstanceLock' ? () => true : stub(),
    apply: () => stub(),
    construct: () => stub(),
  })
  const load = Module._load
  Module._load = function (request, ...rest) {
    if (request === 'electron') return new Proxy({}, { get: () => stub() })
    return load.call(this, request, ...rest)
  }
}
process.on('exit', () => writeFileSync(process.env.MODULES_FILE, JSON.stringify(Object.keys(require.cache))))
`

const tmp = makeTempDir('unmask-startup-')
afterAll(() => tmp.remove())
const hook = join(tmp.path, 'hook.cjs')
writeFileSync(hook, HOOK)

/**
 * The loaded modules: packages by name (`ssh2`, `@serialport/stream`), and our own sources by folder (`src/lab`,
 * `src/shared/diagnosis`), read from the `// src/...` region comments the bundler writes above each module in a chunk.
 */
function loaded(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { packages: Set<string>; chunks: Set<string>; files: string[] } {
  const file = join(tmp.path, 'modules.json')
  writeFileSync(file, '[]')
  spawnSync(process.execPath, ['--require', hook, ...args], {
    cwd: ROOT,
    env: { ...process.env, MODULES_FILE: file, UNMASK_HOME: join(tmp.path, 'home'), LANG: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  const files = JSON.parse(readFileSync(file, 'utf8')) as string[]
  const packages = new Set<string>()
  const chunks = new Set<string>()
  for (const f of files) {
    const inModules = f.split('node_modules/').at(-1)!
    if (f.includes('node_modules/')) {
      const parts = inModules.split('/')
      packages.add(parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!)
    }
    if (f.includes('/out/main/'))
      for (const m of readFileSync(f, 'utf8').matchAll(/^\/\/ (src\/[a-z]+(?:\/[a-z-]+)?)\//gm)) chunks.add(m[1]!)
  }
  return { packages, chunks, files }
}

const HEAVY = ['playwright-core', 'ssh2', 'serialport', 'smtp-server', 'selfsigned']
const TEST_ONLY = ['vitest', 'fast-check', 'happy-dom', '@testing-library/react', 'tsx']

describe.runIf(isBuilt)('modules loaded at start', () => {
  it('the Electron main process: no lab, no playwright-core, no ssh2, nothing test-only', () => {
    const main = loaded(
      [
        '-e',
        `require(${JSON.stringify(join(ROOT, 'out', 'main', 'index.js'))}); setTimeout(() => process.exit(0), 300)`,
      ],
      {
        STUB_ELECTRON: '1',
      },
    )
    expect(main.files.some((f) => f.endsWith('out/main/index.js'))).toBe(true)
    expect(main.chunks).not.toContain('src/lab')
    expect(main.chunks).toContain('src/main/cases')
    for (const name of ['playwright-core', 'ssh2', 'smtp-server', 'selfsigned', ...TEST_ONLY])
      expect(main.packages, name).not.toContain(name)
    expect(main.files.filter((f) => f.includes(`${ROOT}/tests/`) || f.includes('/src/lab/'))).toEqual([])
  })

  it.each([
    ['--version', [BIN, '--version']],
    ['--help', [BIN, '--help']],
    ['case list', [BIN, 'case', 'list']],
  ])('unmask %s loads none of the heavy modules and not the engine', (_name, args) => {
    const run = loaded(args)
    expect(run.packages).toContain('commander')
    for (const name of [...HEAVY, ...TEST_ONLY]) expect(run.packages, name).not.toContain(name)
    expect(run.chunks).not.toContain('src/lab')
    expect(run.chunks).not.toContain('src/shared/diagnosis')
    // The probe (node:tls, node:net, node:dns) and the capture reader came in through a constant and a static
    // import of two option declarations; they are `probe`'s and `analyze`'s work, not start-up's.
    expect(run.chunks).not.toContain('src/main/smtp')
    expect(run.chunks).not.toContain('src/shared/capture')
  })

  it('unmask analyze loads the engine, but no transport, browser or lab', () => {
    const file = join(tmp.path, 'one-line.txt')
    writeFileSync(file, 'hostname fw1\n')
    const run = loaded([BIN, 'analyze', file])
    expect(run.chunks).toContain('src/shared/diagnosis')
    for (const name of HEAVY) expect(run.packages, name).not.toContain(name)
    expect(run.chunks).not.toContain('src/lab')
    expect(run.chunks).not.toContain('src/main/smtp')
  })

  it('the heavy modules do come in with the commands that need them (the listing sees lazy loads)', () => {
    const report = loaded([BIN, 'report', '--case', 'no-such-case', '--out', join(tmp.path, 'r.pdf')])
    expect(report.packages).toContain('playwright-core')
    const probe = loaded([BIN, 'probe', '127.0.0.1:1', '--timeout', '1'])
    expect(probe.chunks).toContain('src/main/smtp')
    const lab = loaded([BIN, 'lab', '--list'])
    expect(lab.chunks).toContain('src/lab')
    expect(lab.packages).not.toContain('playwright-core')
  })
})
