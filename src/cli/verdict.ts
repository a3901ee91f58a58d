/** The one rule that turns an analysis into exit code 0 or 1, shared by analyze, collect and diagnose. */
import { EXIT, type ExitCode } from './io'

interface Judged {
  findings: ReadonlyArray<{ severity: string }>
  causes?: ReadonlyArray<unknown>
}

/** A problem is a cause, or a finding that is a warning or critical (info findings are context, not problems). */
export function analysisExit(analysis: Judged): ExitCode {
  const problem = (analysis.causes?.length ?? 0) > 0 || analysis.findings.some((f) => f.severity !== 'info')
  return problem ? EXIT.problem : EXIT.ok
}
