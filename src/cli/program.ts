/**
 * The `unmask` command line. Commander parses; this file maps errors to translated messages and to the exit-code
 * contract of io.ts (2 bad usage, 3 could not connect, 5 anything else), and adds each command's examples and the
 * exit-code table to `--help`.
 *
 * Start-up is kept light on purpose (issue 16, README "Performance"): the command modules registered here only
 * declare options; each loads what it needs (the engine, ssh2, the lab, playwright-core) with `import()` inside its
 * action, so `--version`, `--help` and a small `analyze` do not pay for the others.
 */
import { Command, CommanderError } from 'commander'
import pkg from '../../package.json'
import { createTranslator, isLanguage, type Language, languageFromLocale, type Translate } from '../shared/i18n'
import { escapeBidi } from '../shared/text/bidi'
import { registerAnalyzeCommand } from './commands/analyze'
import { registerAuditCommand } from './commands/audit'
import { registerCaptureCommand } from './commands/capture'
import { registerCaseCommands } from './commands/case'
import { registerCollectCommand } from './commands/collect'
import { registerCompletionCommand } from './commands/completion'
import { registerDiagnoseCommand } from './commands/diagnose'
import { registerLabCommands } from './commands/lab'
import { registerProbeCommands } from './commands/probe'
import { registerReportCommands } from './commands/report'
import { addHelpTexts } from './help'
import { type CliContext, type CliIo, ConnectError, EXIT, UsageError } from './io'

export const VERSION: string = pkg.version

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Bidi controls from devices, mail servers or case fields are shown escaped, never obeyed (issue 14).
  const io: CliIo = { ...rawIo, out: (text) => rawIo.out(escapeBidi(text)), err: (text) => rawIo.err(escapeBidi(text)) }
  const lang = pickLanguage(argv, io.env)
  if (!lang.ok) {
    io.err(`${createTranslator('en')('cli.errors.badLanguage', { value: lang.value })}\n`)
    return EXIT.usage
  }
  const t = createTranslator(lang.language)
  const ctx: CliContext = { io, t, lang: lang.language, exitCode: EXIT.ok }
  const program = buildProgram(ctx)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return ctx.exitCode
  } catch (error) {
    return handleError(error, ctx, argv)
  }
}

export function buildProgram(ctx: CliContext): Command {
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
  registerCaptureCommand(program, ctx)
  registerAuditCommand(program, ctx)
  registerCompletionCommand(program, ctx)
  for (const command of program.commands) applyDefaults(command, io)
  addHelpTexts(program, t)
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
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok
    io.err(`${translateCommanderError(error, t, argv)}\n`)
    return EXIT.usage
  }
  if (error instanceof UsageError) {
    io.err(`${error.message}\n`)
    return EXIT.usage
  }
  if (error instanceof ConnectError) {
    io.err(`${error.message}\n`)
    return EXIT.connect
  }
  io.err(`${t('cli.errors.generic', { message: error instanceof Error ? error.message : String(error) })}\n`)
  return EXIT.failed
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
  // Words after `--` are operands (what `__complete` is given), never this run's options.
  const end = argv.indexOf('--')
  const options = end === -1 ? argv : argv.slice(0, end)
  options.forEach((arg, i) => {
    if (arg === '--lang') value = options[i + 1] ?? ''
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length)
  })
  value ??= env.UNMASK_LANG
  if (value !== undefined) return isLanguage(value) ? { ok: true, language: value } : { ok: false, value }
  return { ok: true, language: languageFromLocale(env.LC_ALL, env.LC_MESSAGES, env.LANG) }
}
