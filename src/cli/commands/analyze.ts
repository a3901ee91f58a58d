/**
 * `unmask analyze FILE... [--json]`: reads device output, transcripts and logs (`-` = standard input), detects what
 * each is, runs the rules and the diagnosis and prints the result. Exit 0 once analysed, whatever was found;
 * exit 2 when an input cannot be read (missing, a directory, not text, too large).
 */
import { readFileSync, statSync } from 'node:fs'
import type { Command } from 'commander'
import { type Analysis, analyzeTexts, type InputText } from '../../shared/diagnosis'
import { renderTextReport } from '../../shared/diagnosis/text-report'
import { json } from '../format'
import { type CliContext, UsageError } from '../io'

/** Inputs larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

function isText(data: Buffer): boolean {
  return !data.subarray(0, 8192).includes(0)
}

async function readInput(ctx: CliContext, file: string): Promise<string> {
  const { t, io } = ctx
  if (file === '-') {
    const text = await io.readStdin()
    if (text.length > MAX_INPUT_BYTES)
      throw new UsageError(t('findings.analyze.tooLarge', { file: 'stdin', max: MAX_INPUT_BYTES }))
    if (text.includes('\0')) throw new UsageError(t('findings.analyze.notText', { file: 'stdin' }))
    return text
  }
  let data: Buffer
  try {
    const stat = statSync(file)
    if (stat.isDirectory()) throw new UsageError(t('findings.analyze.isDirectory', { file }))
    if (stat.size > MAX_INPUT_BYTES)
      throw new UsageError(t('findings.analyze.tooLarge', { file, max: MAX_INPUT_BYTES }))
    data = readFileSync(file)
  } catch (error) {
    if (error instanceof UsageError) throw error
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UsageError(t('findings.analyze.unreadable', { file, reason }))
  }
  if (!isText(data)) throw new UsageError(t('findings.analyze.notText', { file }))
  return data.toString('utf8')
}

export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  const { t, io } = ctx
  program
    .command('analyze')
    .description(t('findings.analyze.description'))
    .argument('<files...>', t('findings.analyze.files'))
    .option('--json', t('cli.options.json'))
    .action(async (files: string[], opts: { json?: boolean }) => {
      const inputs: InputText[] = []
      for (const file of files) inputs.push({ source: file === '-' ? 'stdin' : file, text: await readInput(ctx, file) })
      const analysis: Analysis = analyzeTexts(inputs)
      if (opts.json) io.out(json(analysis))
      else io.out(renderTextReport(analysis, t))
    })
}
