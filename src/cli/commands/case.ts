/**
 * `unmask case new|list|show|attach`: the case folder from the command line. Only the options live here; the store
 * (and zod behind it) is loaded by case-run.ts when a case command runs, so other commands start without it.
 */
import type { Command } from 'commander'
import type { CliContext } from '../io'
import type { AttachOptions, NewOptions, ShowOptions } from './case-run'

export function registerCaseCommands(program: Command, ctx: CliContext): void {
  const { t } = ctx
  const run = () => import('./case-run')
  const group = program.command('case').description(t('cli.case.description'))

  group
    .command('new')
    .description(t('cli.case.new.description'))
    .requiredOption('--customer <name>', t('cli.case.new.customer'))
    .option('--site <site>', t('cli.case.new.site'))
    .option('--engineer <name>', t('cli.case.new.engineer'))
    .option('--json', t('cli.options.json'))
    .action(async (opts: NewOptions) => (await run()).newCase(opts, ctx))

  group
    .command('list')
    .description(t('cli.case.list.description'))
    .option('--json', t('cli.options.json'))
    .action(async (opts: { json?: boolean }) => (await run()).listCases(opts, ctx))

  group
    .command('show')
    .description(t('cli.case.show.description'))
    .argument('<case>', t('cli.case.caseArg'))
    .option('--since <time>', t('cli.case.show.since'))
    .option('--type <types>', t('cli.case.show.type'))
    .option('--json', t('cli.options.json'))
    .option('--raw', t('cli.case.show.raw'))
    .action(async (id: string, opts: ShowOptions) => (await run()).showCase(id, opts, ctx))

  group
    .command('attach')
    .description(t('cli.case.attach.description'))
    .argument('<case>', t('cli.case.caseArg'))
    .argument('<files...>', t('cli.case.attach.files'))
    .option('--json', t('cli.options.json'))
    .action(async (id: string, files: string[], opts: AttachOptions) => (await run()).attachFiles(id, files, opts, ctx))
}
