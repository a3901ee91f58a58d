/**
 * Shell completion through the built CLI: `unmask __complete` answers from commander's command tree and live values
 * (case ids, lab scenario names, languages); the bash script is run by a real bash with `unmask` on its PATH. zsh and
 * PowerShell are not installed here: their scripts are checked for the pieces that call `__complete`.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { BIN, isBuilt, ROOT, unmask } from './built'

const complete = (env: NodeJS.ProcessEnv, ...words: string[]) =>
  unmask(['__complete', '--', ...words], env)
    .stdout.split('\n')
    .filter(Boolean)

describe.runIf(isBuilt)('shell completion', () => {
  const tmp = makeTempDir('unmask-completion-')
  afterAll(() => tmp.remove())
  const env = { UNMASK_HOME: join(tmp.path, 'home') }
  const id = (JSON.parse(unmask(['case', 'new', '--customer', 'Tab Co', '--json'], env).stdout) as { id: string }).id

  it('commands, sub-commands and options come from the command tree', () => {
    const top = complete(env, '')
    expect(top).toEqual(expect.arrayContaining(['case', 'analyze', 'probe', 'collect', 'diagnose', 'report', 'lab']))
    expect(top).not.toContain('__complete')
    expect(complete(env, 'ca')).toEqual(['case', 'capture'])
    expect(complete(env, 'case', '')).toEqual(['new', 'list', 'show', 'attach'])
    expect(complete(env, 'collect', '--p')).toEqual(['--password-env', '--platform'])
    expect(complete(env, 'case', 'show', '--')).toEqual(
      expect.arrayContaining(['--since', '--type', '--json', '--lang']),
    )
    expect(complete(env, 'zzz')).toEqual([])
  })

  it('case ids, lab scenario names and languages are live values', () => {
    expect(complete(env, 'case', 'show', '')).toEqual([id])
    expect(complete(env, 'case', 'attach', id.slice(0, 8))).toEqual([id])
    expect(complete(env, 'analyze', '--case', '')).toEqual([id])
    expect(complete(env, 'probe', 'mx.example.com', '--case', '')).toEqual([id])
    const scenarios = readdirSync(join(ROOT, 'resources', 'lab', 'scenarios'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
    expect(complete(env, 'lab', '--scenario', '')).toEqual(scenarios.sort())
    expect(complete(env, 'lab', '--scenario', 'pix')).toEqual(scenarios.filter((s) => s.startsWith('pix')))
    expect(complete(env, '--lang', '')).toEqual(['en', 'ko'])
    // After a value is given, the next word is a command again, and a file argument gets nothing (the shell's files).
    expect(complete(env, '--lang', 'ko', 'ca')).toEqual(['case', 'capture'])
    expect(complete(env, 'analyze', '')).toEqual([])
  })

  it('a real bash completes through the script', () => {
    const bin = join(tmp.path, 'bin')
    spawnSync('mkdir', ['-p', bin])
    writeFileSync(join(bin, 'unmask'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`)
    chmodSync(join(bin, 'unmask'), 0o755)
    const bash = (line: string[], cword: number) =>
      spawnSync(
        'bash',
        [
          '-c',
          `source <(unmask completion bash); COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${cword}; _unmask_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { env: { ...process.env, ...env, LANG: 'en_US.UTF-8', PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' },
      ).stdout.trim()
    expect(bash(['unmask', 'cas'], 1)).toBe('case')
    expect(bash(['unmask', 'case', 'show', ''], 3)).toBe(id)
    expect(bash(['unmask', 'lab', '--scenario', 'asa9-d'], 3)).toBe('asa9-default')
    const registered = spawnSync('bash', ['-c', 'source <(unmask completion bash); complete -p unmask'], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      encoding: 'utf8',
    })
    expect(registered.stdout).toContain('complete -o default -F _unmask_complete unmask')
  })

  it('zsh and PowerShell scripts register a completer that asks __complete', () => {
    const zsh = unmask(['completion', 'zsh'])
    expect(zsh.status).toBe(0)
    expect(zsh.stdout).toContain('#compdef unmask')
    expect(zsh.stdout).toContain(`unmask __complete -- "$${'{'}(@)words[2,CURRENT]}"`)
    expect(zsh.stdout).toContain('_files')
    const ps = unmask(['completion', 'powershell'])
    expect(ps.stdout).toContain('Register-ArgumentCompleter -Native -CommandName unmask')
    expect(ps.stdout).toContain('unmask __complete -- @words')
  })

  it('an unknown shell is bad usage, in Korean too', () => {
    const r = unmask(['--lang', 'ko', 'completion', 'fish'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("알 수 없는 셸 'fish'")
  })
})
