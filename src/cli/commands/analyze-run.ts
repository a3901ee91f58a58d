/**
 * The work of `unmask analyze` (analyze.ts declares the command): inputs routed to the capture reader, streamed
 * into the engine or read whole, then the analysis printed or journalled. Loaded only when the command runs.
 */
import { captureEvidence, type NamedCapture } from '../../shared/capture/evidence'
import type { StreamedText, VantageInput } from '../../shared/diagnosis'
import { json } from '../format'
import { type CliContext, UsageError } from '../io'
import { readText, streamTextFile } from '../read-input'
import { analysisExit } from '../verdict'
import type { AnalyzeOptions } from './analyze'
import { captureTranscriptsText, readCaptureInput } from './analyze-capture'
import { readAnalyzeInputs } from './analyze-reports'

export async function runAnalyze(ctx: CliContext, files: string[], opts: AnalyzeOptions): Promise<void> {
  const { t, io } = ctx
  if ((opts.direct === undefined) !== (opts.through === undefined))
    throw new UsageError(t('findings.analyze.vantagePair'))
  if (files.length === 0 && opts.direct === undefined)
    throw new UsageError(t('cli.errors.missingArgument', { argument: 'files', command: 'analyze' }))
  const engine = await import('../../shared/diagnosis')
  const inputs: (VantageInput | StreamedText)[] = []
  // A gzip file is decompressed and a folder read as its TLS-RPT reports (analyze-reports.ts, issue 17).
  const captures: NamedCapture[] = []
  for (const file of files) {
    // Binary captures (pcap, pcapng) are routed before the text path, which refuses binary input.
    const capture = readCaptureInput(ctx, file)
    if (capture) {
      captures.push(capture)
      continue
    }
    // A text file is streamed (issue 16: a large configuration is never held whole), unless a case stores it.
    const streamed = opts.case === undefined ? streamFile(ctx, file, engine) : null
    if (streamed) inputs.push(streamed)
    else inputs.push(...(await readAnalyzeInputs(ctx, file)))
  }
  // Labelled `direct:FILE` / `through:FILE`, so findings say which side each line came from.
  for (const vantage of ['direct', 'through'] as const) {
    const file = opts[vantage]
    if (file !== undefined) inputs.push({ source: `${vantage}:${file}`, text: await readText(ctx, file), vantage })
  }
  const { renderTextReport } = await import('../../shared/diagnosis/text-report')
  const record = opts.case === undefined ? undefined : (await import('./analyze-case')).caseRecorder(ctx, opts.case)
  const fromCaptures = captures.length > 0 ? captureEvidence(captures) : undefined
  const analysis = engine.analyzeTexts(inputs, fromCaptures)
  // With --case nothing was streamed: every input is a text, stored as it was read.
  const recorded = record?.(
    inputs.filter((i) => 'text' in i),
    analysis,
  )
  if (opts.json) io.out(json(analysis))
  else {
    if (fromCaptures) io.out(captureTranscriptsText(ctx, fromCaptures, captures.length))
    io.out(renderTextReport(analysis, t))
  }
  if (recorded) io.err(`${t('cli.analyze.recorded', recorded)}\n`)
  ctx.exitCode = analysisExit(analysis)
}

/** A text file read piece by piece into the engine, or null when it is not one to stream (read whole instead). */
function streamFile(
  ctx: CliContext,
  file: string,
  engine: typeof import('../../shared/diagnosis'),
): StreamedText | null {
  const stream = new engine.TextStream(file)
  return streamTextFile(ctx, file, engine.streamable, (piece) => stream.push(piece)) ? stream.end() : null
}
