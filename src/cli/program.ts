/**
 * The `unmask` command line. Commander parses; this file maps its errors to translated messages and
 * exit code 2 so that scripts can tell bad usage (2) from a failed operation (1).
 */
import { Command, CommanderError } from 'commander'
import pkg from '../../package.json'
import { createTranslator, isLanguage, type Language, languageFromLocale, type Translate } from '../shared/i18n'
import { registerAnalyzeCommand } from './commands/analyze'
import { registerAuditCommand } from './commands/audit'
import { registerCaseCommands } from './commands/case'
import { registerCollectCommand } from './commands/collect'
import { registerDiagnoseCommand } from './commands/diagnose'
import { registerLabCommands } from './commands/lab'
import { registerProbeCommands } from './commands/probe'
import { registerReportCommands } from './commands/report'
import { type CliContext, type CliIo, UsageError } from './io'

export const VERSION: string = pkg.version

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const lang = pickLanguage(argv, io.env)
  if (!lang.ok) {
    io.err(`${createTranslator('en')('cli.errors.badLanguage', { value: lang.value })}\n`)
    return 2
  }
  const t = createTranslator(lang.language)
  const ctx: CliContext = { io, t, exitCode: 0 }
  const program = buildProgram(ctx)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return ctx.exitCode
  } catch (error) {
    return handleError(error, ctx, argv)
  }
}

function buildProgram(ctx: CliContext): Command {
  const { t, io } = ctx
  const program = new Command('unmask')
    .description(t('cli.description'))
    .version(VERSION, '-V, --version', t('cli.options.version'))
    .helpOption('-h, --help', t('cli.options.help'))
    .option('--lang <lang>', t('cli.options.lang'))
    .helpCommand('help [command]', t('cli.options.help'))
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: () => {}, outputError: () => {} })
  registerCaseCommands(program, ctx)
  registerReportCommands(program, ctx)
  registerProbeCommands(program, ctx)
  registerAnalyzeCommand(program, ctx)
  registerLabCommands(program, ctx)
  registerCollectCommand(program, ctx)
  registerDiagnoseCommand(program, ctx)
  registerAuditCommand(program, ctx)
  for (const command of program.commands) applyDefaults(command, io)
  return program
}

function applyDefaults(command: Command, io: CliIo): void {
  command
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: () => {}, outputError: () => {} })
  for (const sub of command.commands) applyDefaults(sub, io)
}

function handleError(error: unknown, ctx: CliContext, argv: string[]): number {
  const { io, t } = ctx
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0
    io.err(`${translateCommanderError(error, t, argv)}\n`)
    return 2
  }
  if (error instanceof UsageError) {
    io.err(`${error.message}\n`)
    return 2
  }
  io.err(`${t('cli.errors.generic', { message: error instanceof Error ? error.message : String(error) })}\n`)
  return 1
}

function translateCommanderError(error: CommanderError, t: Translate, argv: string[]): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  const command =
    argv
      .filter((a) => !a.startsWith('-'))
      .slice(0, 2)
      .join(' ') || ''
  switch (error.code) {
    case 'commander.unknownCommand':
      return t('cli.errors.unknownCommand', { command: quoted })
    case 'commander.unknownOption':
      return t('cli.errors.unknownOption', { option: quoted, command })
    case 'commander.missingArgument':
      return t('cli.errors.missingArgument', { argument: quoted, command })
    case 'commander.missingMandatoryOptionValue':
    case 'commander.optionMissingArgument':
      return t('cli.errors.missingOption', { option: quoted, command })
    case 'commander.excessArguments':
      return t('cli.errors.excessArguments', { command })
    case 'commander.help':
      return ''
    default:
      return t('cli.errors.invalidArgument', { message: error.message.replace(/^error: /, '') })
  }
}

type LanguagePick = { ok: true; language: Language } | { ok: false; value: string }

/** `--lang` wins, then UNMASK_LANG, then the locale; found before parsing so help text is translated too. */
function pickLanguage(argv: string[], env: NodeJS.ProcessEnv): LanguagePick {
  let value: string | undefined
  argv.forEach((arg, i) => {
    if (arg === '--lang') value = argv[i + 1] ?? ''
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length)
  })
  value ??= env.UNMASK_LANG
  if (value !== undefined) return isLanguage(value) ? { ok: true, language: value } : { ok: false, value }
  return { ok: true, language: languageFromLocale(env.LC_ALL, env.LC_MESSAGES, env.LANG) }
}
