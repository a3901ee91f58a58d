import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runUnmask } from '../support/cli'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('unmask case', () => {
  it('creates, lists and shows a case under UNMASK_HOME', async () => {
    temp = makeTempDir()
    const env = { UNMASK_HOME: temp.path }
    const created = await runUnmask(['case', 'new', '--customer', 'Acme', '--site', 'Seoul', '--json'], env)
    expect(created.code).toBe(0)
    const { id, dir } = JSON.parse(created.stdout) as { id: string; dir: string }
    expect(dir.startsWith(temp.path)).toBe(true)

    const list = await runUnmask(['case', 'list'], env)
    expect(list.code).toBe(0)
    expect(list.stdout).toContain(id)
    expect(list.stdout).toContain('Seoul')

    const show = await runUnmask(['case', 'show', id], env)
    expect(show.code).toBe(0)
    expect(show.stdout).toMatch(/Customer:\s+Acme/)
    expect(show.stdout).toContain('case.created')
  })

  it('says so when there are no cases, in Korean when asked', async () => {
    temp = makeTempDir()
    const run = await runUnmask(['--lang', 'ko', 'case', 'list'], { UNMASK_HOME: temp.path })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('케이스가 아직 없습니다')
  })

  it('rejects bad usage with a clear message and exit code 2', async () => {
    temp = makeTempDir()
    const env = { UNMASK_HOME: temp.path }
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /Unknown command 'frobnicate'/],
      [['case', 'new'], /Missing required option '--customer/],
      [['case', 'new', '--customer', ' '], /--customer must be 1 to 200 characters/],
      [['case', 'show'], /Missing argument 'case'/],
      [['case', 'show', 'nope'], /No case 'nope'/],
      [['case', 'list', '--bogus'], /Unknown option '--bogus'/],
      [['--lang', 'fr', 'case', 'list'], /Unsupported language 'fr'/],
    ]
    for (const [argv, message] of cases) {
      const run = await runUnmask(argv, env)
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 })
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+/)
    }
  })

  it('answers in Korean from the locale', async () => {
    const run = await runUnmask(['bogus'], { LANG: 'ko_KR.UTF-8' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('알 수 없는 명령')
  })

  it('prints help and version with exit code 0', async () => {
    const help = await runUnmask(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: unmask/)
    expect(help.stdout).toContain('case')
    const version = await runUnmask(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('the built unmask binary', () => {
  const bin = join(import.meta.dirname, '../../bin/unmask.js')
  const built = existsSync(join(import.meta.dirname, '../../out/main/cli.js'))

  it.runIf(built)('runs as a process with the same exit codes', () => {
    temp = makeTempDir()
    const env = { ...process.env, UNMASK_HOME: temp.path, LANG: 'en_US.UTF-8' }
    const ok = spawnSync(process.execPath, [bin, 'case', 'new', '--customer', 'Proc'], { env, encoding: 'utf8' })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/^Case \S+ created in /)
    const bad = spawnSync(process.execPath, [bin, 'nope'], { env, encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain("Unknown command 'nope'")
  })
})
