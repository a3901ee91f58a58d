import type { Command } from 'commander'
import { CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { CASE_FIELD_MAX, caseMetaSchema } from '../../shared/cases'
import { json, table } from '../format'
import { type CliContext, UsageError } from '../io'

interface NewOptions {
  customer: string
  site?: string
  engineer?: string
  json?: boolean
}

export function registerCaseCommands(program: Command, ctx: CliContext): void {
  const { t, io } = ctx
  const store = () => new CaseStore(unmaskHome(io.env))
  const group = program.command('case').description(t('cli.case.description'))

  group
    .command('new')
    .description(t('cli.case.new.description'))
    .requiredOption('--customer <name>', t('cli.case.new.customer'))
    .option('--site <site>', t('cli.case.new.site'))
    .option('--engineer <name>', t('cli.case.new.engineer'))
    .option('--json', t('cli.options.json'))
    .action((opts: NewOptions) => {
      const parsed = caseMetaSchema.safeParse({ customer: opts.customer, site: opts.site, engineer: opts.engineer })
      if (!parsed.success) {
        const field = String(parsed.error.issues[0]?.path[0] ?? 'customer')
        throw new UsageError(t('cli.case.invalidField', { field: `--${field}`, max: CASE_FIELD_MAX }))
      }
      const handle = store().create(parsed.data)
      handle.close()
      if (opts.json) io.out(json({ id: handle.id, dir: handle.dir, ...parsed.data }))
      else io.out(`${t('cli.case.new.created', { id: handle.id, dir: handle.dir })}\n`)
    })

  group
    .command('list')
    .description(t('cli.case.list.description'))
    .option('--json', t('cli.options.json'))
    .action((opts: { json?: boolean }) => {
      const cases = store().list()
      if (opts.json) return io.out(json(cases))
      if (cases.length === 0) return io.out(`${t('cli.case.list.none')}\n`)
      const header = [
        t('common.caseId'),
        t('common.customer'),
        t('common.site'),
        t('common.engineer'),
        t('common.created'),
      ]
      io.out(table([header, ...cases.map((c) => [c.id, c.customer, c.site ?? '', c.engineer ?? '', c.created])]))
    })

  group
    .command('show')
    .description(t('cli.case.show.description'))
    .argument('<case>', 'case id or folder')
    .option('--json', t('cli.options.json'))
    .action((id: string, opts: { json?: boolean }) => {
      const s = store()
      let detail: ReturnType<CaseStore['read']>
      try {
        detail = s.read(id)
      } catch (error) {
        if (error instanceof CaseNotFoundError) throw new UsageError(t('cli.case.show.notFound', { id, home: s.root }))
        throw error
      }
      if (opts.json) return io.out(json(detail))
      io.out(
        table([
          [`${t('common.caseId')}:`, detail.id],
          [`${t('common.customer')}:`, detail.customer],
          [`${t('common.site')}:`, detail.site ?? ''],
          [`${t('common.engineer')}:`, detail.engineer ?? ''],
          [`${t('common.created')}:`, detail.created],
          [`${t('common.entries')}:`, String(detail.entries.length)],
          [`${t('common.attachments')}:`, String(detail.attachments.length)],
        ]),
      )
      for (const e of detail.entries) io.out(`  #${e.seq} ${e.at} ${e.type}\n`)
      for (const p of detail.problems)
        io.err(`${t(p.kind === 'torn' ? 'cli.case.show.torn' : 'cli.case.show.corrupt', { line: p.line })}\n`)
    })
}
