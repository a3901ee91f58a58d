/**
 * The options of `unmask diagnose` and the shape of its `--json` output. Kept apart from the command so that the
 * run (diagnose-run.ts) and its I/O helpers (diagnose-io.ts) both depend on this file and not on each other.
 */
import type { ApplyResult, Preview, Refusal, SaveResult, VerifyResult } from '../../shared/fix/types'
import type { CauseData, FindingData } from '../../shared/journal'
import type { ProbeResult } from '../../shared/probe/types'

export interface DiagnoseOptions {
  device: string
  probe: string[]
  probeDirect: string[]
  case?: string
  customer?: string
  fix?: string
  confirm?: string
  save?: boolean
  undoOnFailure?: boolean
  report?: string
  passwordEnv?: string
  secretEnv?: string
  engineer?: string
  context?: string
  acceptNewHostKey?: boolean
  legacy?: boolean
  json?: boolean
}

/**
 * `unmask diagnose --json`: one object printed at the end. The parts are the journal's and the fix dialog's types
 * (src/shared/journal, src/shared/fix/types.ts), so a script reads the same fields the case records.
 */
export interface DiagnoseJson {
  case: { id: string; dir: string }
  probes: ProbeResult[]
  device?: { hostname: string; platform: string; version: string | null; prompt: string }
  diagnosis?: {
    findings: FindingData[]
    causes: CauseData[]
    remedies: Array<{ id: string; type: string }>
    skipped: Array<{ id: string }>
  }
  previews: Array<{ remedyId: string; preview: Preview }>
  fix?: {
    remedyId: string
    applied?: ApplyResult | Refusal
    verified?: VerifyResult
    undone?: ApplyResult | Refusal
    saved?: SaveResult | Refusal
  }
  report?: string
  /** The process exit code (README "Exit codes"). */
  exitCode: number
}
