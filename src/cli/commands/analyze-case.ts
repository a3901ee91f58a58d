/**
 * `unmask analyze --case ID`: what the app's investigation service records for pasted texts
 * (src/main/investigation/investigation-service.ts `analyze`): each text as an attachment with its SHA-256
 * (`attachment.added`), then one `analysis.result` naming the sources, with facts, findings, causes and remedy ids.
 * The case is opened before the analysis runs, so a wrong id is bad usage before any work is done.
 */

import { recordAnalysis } from '../../main/cases/record-analysis'
import type { Analysis, InputText } from '../../shared/diagnosis'
import { caseStore, withCase } from '../case-open'
import type { CliContext } from '../io'

export type Recorder = (inputs: InputText[], analysis: Analysis) => { id: string; count: number }

export function caseRecorder(ctx: CliContext, id: string): Recorder {
  const store = caseStore(ctx)
  // Checked now; written later with a fresh handle so that nothing is held open while the engine runs.
  withCase(ctx, store, id, () => store.read(id))
  return (inputs, analysis) => {
    const handle = store.open(id)
    try {
      recordAnalysis(handle, inputs, analysis)
      return { id: handle.id, count: inputs.length }
    } finally {
      handle.close()
    }
  }
}
