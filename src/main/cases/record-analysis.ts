/**
 * How an analysis of pasted texts enters a case, whoever made it (the app's investigation service, `unmask analyze
 * --case`): each text as an attachment with its SHA-256, then one `analysis.result` naming the sources.
 */
import type { Analysis } from '../../shared/diagnosis'
import { JOURNAL } from '../../shared/journal/events'
import type { CaseHandle } from './case-store'

export function recordAnalysis(
  handle: CaseHandle,
  inputs: ReadonlyArray<{ source: string; text: string }>,
  analysis: Analysis,
): void {
  for (const input of inputs) handle.attach(input.source, input.text)
  handle.append(JOURNAL.analysisResult, {
    sources: inputs.map((i) => i.source),
    facts: analysis.facts,
    findings: analysis.findings,
    causes: analysis.causes,
    remedies: analysis.remedies.map((r) => r.id),
  })
}
