/**
 * `--help` of every command, through the built CLI: examples in English and Korean (`--lang ko`), the exit-code table
 * on the top-level help, and the same example commands in the README's "The command line" section.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli as en } from '../../src/shared/i18n/en/cli'
import { cli as ko } from '../../src/shared/i18n/ko/cli'
import { isBuilt, ROOT, unmask } from './built'

/** Every command and sub-command, as `__complete` (commander's own tree) lists them. */
function commandPaths(): string[][] {
  const top = unmask(['__complete', '--', '']).stdout.trim().split('\n')
  return top.flatMap((name) => {
    const subs = unmask(['__complete', '--', name, '']).stdout.trim().split('\n').filter(Boolean)
    // A command without sub-commands completes to its first argument's values (or nothing), never to command names.
    const isGroup = subs.length > 0 && subs.every((s) => `${name}_${s}` in en.examples)
    return isGroup ? [[name], ...subs.map((s) => [name, s])] : [[name]]
  })
}

const lines = (text: string) => text.split('\n').map((l) => l.trim())

describe.runIf(isBuilt)('unmask --help', () => {
  const paths = commandPaths()

  it('knows every command, the group and its sub-commands included', () => {
    const names = paths.map((p) => p.join(' '))
    for (const expected of ['case', 'case new', 'case list', 'case show', 'case attach', 'analyze', 'probe', 'collect'])
      expect(names).toContain(expected)
    expect(names).toEqual(expect.arrayContaining(['diagnose', 'report', 'lab', 'completion']))
    expect(names).not.toContain('__complete')
  })

  it.each([
    ['en', en, 'Examples:'],
    ['ko', ko, '예:'],
  ] as const)('every command shows its examples in %s', { timeout: 120_000 }, (lang, catalogue, title) => {
    for (const path of paths) {
      const key = path.join('_') as keyof typeof catalogue.examples
      const examples = catalogue.examples[key]
      expect(examples, `${path.join(' ')} has examples in ${lang}`).toBeTruthy()
      const r = unmask(['--lang', lang, ...path, '--help'])
      expect(r.status).toBe(0)
      expect(r.stdout).toContain(title)
      for (const line of lines(examples)) expect(r.stdout).toContain(line)
      expect(r.stdout).toContain(lang === 'en' ? 'Exit codes: 0 nothing wrong' : '종료 코드: 0 문제 없음')
    }
  })

  it('the top-level help lists every exit code, in both languages', () => {
    const enHelp = unmask(['--help']).stdout
    for (const code of [
      '0  done',
      '1  done, a problem found',
      '2  bad usage',
      '3  could not connect',
      '4  a change',
      '5  failed',
    ])
      expect(enHelp).toContain(code)
    const koHelp = unmask(['--lang', 'ko', '--help']).stdout
    expect(koHelp).toContain('종료 코드 (모든 명령에서 같음):')
    expect(koHelp).toContain('4  변경을 했거나')
  })

  it("every English example is in the README's command-line section, and its exit-code table matches", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## The command line'))
    for (const example of Object.values(en.examples)) for (const line of lines(example)) expect(section).toContain(line)
    for (const code of [0, 1, 2, 3, 4, 5]) expect(section).toMatch(new RegExp(`^\\| ${code} +\\| `, 'm'))
  })
})
