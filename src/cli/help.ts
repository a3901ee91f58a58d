/**
 * What `--help` adds after commander's own text: examples for every command (from the `cli.examples` catalogue, in
 * the language of the run, the same commands as the README's "The command line") and, on the top-level help, the
 * exit-code table. A command without examples in the catalogue is a test failure (tests/cli/help.test.ts).
 */
import type { Command } from 'commander'
import type { Translate } from '../shared/i18n'

/** `case new` → `case_new`: the catalogue key of a command's examples. */
export function exampleKey(command: Command): string {
  const names: string[] = []
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name())
  return names.join('_')
}

/** Every command below the program, depth first (used by help and by completion). */
export function allCommands(program: Command): Command[] {
  return program.commands.flatMap((c) => [c, ...allCommands(c)])
}

export function addHelpTexts(program: Command, t: Translate): void {
  program.addHelpText(
    'after',
    () => `\n${t('cli.help.examplesTitle')}\n${t('cli.examples.unmask')}\n\n${t('cli.help.exitCodes')}\n`,
  )
  for (const command of allCommands(program)) {
    const key = `cli.examples.${exampleKey(command)}`
    command.addHelpText('after', () => {
      const text = t(key)
      return text === key ? '' : `\n${t('cli.help.examplesTitle')}\n${text}\n\n${t('cli.help.exitCodesShort')}\n`
    })
  }
}
