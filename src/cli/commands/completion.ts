/**
 * `unmask completion bash|zsh|powershell` prints a completion script; `unmask __complete WORDS...` (hidden) prints
 * the candidates for the last word, one per line. The scripts are thin: every shell asks `__complete`, which reads
 * commander's own command tree (commands, sub-commands, options) plus live values (case ids, lab scenario names,
 * languages), so the three shells can never disagree and a new option completes without touching a script.
 * Written here rather than taken from a library: tabtab and omelette cover bash/zsh/fish but not PowerShell, and
 * @bomb.sh/tab (which does) is still 0.0.x; this is the same design as cobra's `__complete` in Go.
 */
import type { Command } from 'commander'
import { type CliContext, UsageError } from '../io'
import { isShell, SHELLS } from './shells'

export function registerCompletionCommand(program: Command, ctx: CliContext): void {
  const { t, io } = ctx
  program
    .command('completion')
    .description(t('cli.completion.description'))
    .argument('<shell>', t('cli.completion.shell'))
    .action(async (shell: string) => {
      if (!isShell(shell)) throw new UsageError(t('cli.completion.badShell', { shell, shells: SHELLS.join(', ') }))
      const { completionScript } = await import('./completion-run')
      io.out(completionScript(shell))
    })
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      const { candidates } = await import('./completion-run')
      const found = await candidates(program, words ?? [], ctx)
      if (found.length > 0) io.out(`${found.join('\n')}\n`)
    })
}
