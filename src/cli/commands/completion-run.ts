/**
 * Candidates for `unmask __complete` and the three shell scripts that call it. The words are what follows `unmask`
 * on the command line, the last one being the word under the cursor (empty after a space).
 */
import type { Command, Option } from 'commander'
import { LANGUAGES } from '../../shared/i18n'
import { caseStore } from '../case-open'
import type { CliContext } from '../io'
import { SHELLS, type Shell } from './shells'

/** Options whose value comes from a live list; anything else that takes a value falls back to file names. */
const VALUE_SOURCES: Record<string, 'cases' | 'scenarios' | 'languages' | 'shells'> = {
  '--case': 'cases',
  '--scenario': 'scenarios',
  '--lang': 'languages',
}
/** Positional arguments by command path: the first argument of these commands is a case id (or a shell). */
const ARGUMENT_SOURCES: Record<string, 'cases' | 'shells'> = {
  'case show': 'cases',
  'case attach': 'cases',
  completion: 'shells',
}

export async function candidates(program: Command, words: string[], ctx: CliContext): Promise<string[]> {
  const current = words.at(-1) ?? ''
  const before = words.slice(0, -1)
  let command = program
  const path: string[] = []
  let positional = 0
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!
    if (word.startsWith('-')) {
      // Skip the value of an option that takes one (`--case ID`), unless given as `--case=ID`.
      const option = findOption(command, program, word)
      if (option && (option.required || option.optional) && !word.includes('=')) i++
      continue
    }
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word))
    if (sub && positional === 0) {
      command = sub
      path.push(word)
    } else positional++
  }
  const previous = before.at(-1)
  const pending = previous?.startsWith('-') ? findOption(command, program, previous) : undefined
  let list: string[]
  if (pending && (pending.required || pending.optional)) {
    const source = VALUE_SOURCES[pending.long ?? '']
    list = source ? await values(source, ctx) : []
  } else if (current.startsWith('-')) {
    list = [...command.options, ...(command === program ? [] : program.options)].flatMap((o) =>
      o.hidden ? [] : [o.long ?? o.short ?? ''],
    )
  } else {
    const subs = command.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden).map((c) => c.name())
    const source = positional === 0 ? ARGUMENT_SOURCES[path.join(' ')] : undefined
    list = subs.length > 0 ? subs : source ? await values(source, ctx) : []
  }
  return list.filter((c) => c !== '' && c.startsWith(current))
}

function findOption(command: Command, program: Command, word: string): Option | undefined {
  const flag = word.split('=')[0]
  return [...command.options, ...program.options].find((o) => o.long === flag || o.short === flag)
}

async function values(source: 'cases' | 'scenarios' | 'languages' | 'shells', ctx: CliContext): Promise<string[]> {
  switch (source) {
    case 'cases':
      return caseStore(ctx)
        .list()
        .map((c) => c.id)
    case 'scenarios': {
      const { listScenarios } = await import('../../lab/scenarios')
      return listScenarios()
    }
    case 'languages':
      return [...LANGUAGES]
    case 'shells':
      return [...SHELLS]
  }
}

/**
 * The scripts. bash: `complete -o default` so file names complete where there is no candidate. zsh: `compdef` with
 * `_files` as the fallback. PowerShell: `Register-ArgumentCompleter -Native` (learn.microsoft.com, Register-
 * ArgumentCompleter, NativeSet); whether it falls back to paths when the completer returns nothing is not checked here
 * (no pwsh on the build machine). Each passes the words after `unmask`, the word under the cursor last; the design
 * (a hidden `__complete` that answers from the command tree) is cobra's (github.com/spf13/cobra shell_completions.md).
 */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return `# unmask completion for bash: add to ~/.bashrc:  source <(unmask completion bash)
_unmask_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(unmask __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _unmask_complete unmask
`
    case 'zsh':
      return `#compdef unmask
# unmask completion for zsh: add to ~/.zshrc:  source <(unmask completion zsh)
_unmask() {
  local -a candidates
  candidates=("\${(@f)$(unmask __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  if (( \${#candidates} )); then
    compadd -a candidates
  else
    _files
  fi
}
if (( $+functions[compdef] )); then compdef _unmask unmask; fi
`
    case 'powershell':
      return `# unmask completion for PowerShell: add to $PROFILE:  unmask completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName unmask -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
  if ($wordToComplete -eq '') { $words += '' }
  unmask __complete -- @words 2>$null | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`
  }
}
