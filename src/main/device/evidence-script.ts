/**
 * The evidence script: what Unmask runs on a firewall to prove or rule out SMTP inspection. `show version`
 * first (it names the platform, so the right paging command and steps follow), then the platform's steps
 * from src/shared/devices; in the system context of a multiple-context ASA, `show context` and the policy
 * steps once per security context. The outputs become the engine's evidence through a session text that
 * reads like a pasted terminal session, so line numbers in findings point into the saved transcript.
 */

import type { EvidenceStep, ParsedPrompt, PlatformId } from '../../shared/devices'
import { type Analysis, analyzeTexts } from '../../shared/diagnosis'
import { parseShowContext } from '../../shared/evidence/device/show-context'
import { numberLines } from '../../shared/evidence/types'
import type { DeviceDriver } from './driver'
import type { CommandResult } from './driver-types'
import type { OpenedSession } from './open-session'

export interface StepResult extends CommandResult {
  stepId: string
  /** The security context the command ran in (multiple-context mode). */
  context?: string
  /** The prompt the command was typed at, normalised (`host#`, `host/ctx#`). */
  prompt: string
  /** A failure of this step is expected on some images (e.g. `show mode` where contexts do not exist). */
  optional?: boolean
}

export interface EvidenceRun {
  platform: PlatformId
  multipleContext: boolean
  pagingCommand: string | null
  steps: StepResult[]
  /** All commands and cleaned outputs as one terminal-session text (the evidence source). */
  transcript: string
  source: string
  analysis: Analysis
}

export interface EvidenceOptions {
  /** The opened session (open-session.ts): its `show version` is the first step, its platform picks the rest. */
  opened: OpenedSession
  /** Label of the transcript in findings (the case attachment's name). */
  source: string
  /** Called after each command, e.g. to log it or show progress. */
  onStep?: (step: StepResult) => void
}

export async function runEvidenceScript(driver: DeviceDriver, options: EvidenceOptions): Promise<EvidenceRun> {
  const steps: StepResult[] = []
  const run = async (stepId: string, command: string, optional = false): Promise<StepResult> => {
    const typedAt = normalisedPrompt(driver.prompt)
    const context = driver.prompt?.context
    const result = await driver.run(command)
    const step: StepResult = {
      ...result,
      stepId,
      prompt: typedAt,
      ...(context ? { context } : {}),
      ...(optional ? { optional } : {}),
    }
    steps.push(step)
    options.onStep?.(step)
    return step
  }

  // `show version` ran while the session opened; it is the transcript's first step, typed at the prompt it was.
  const { typedAt, ...version } = options.opened.version
  const first: StepResult = {
    ...version,
    stepId: 'show-version',
    prompt: normalisedPrompt(typedAt),
    ...(typedAt?.context ? { context: typedAt.context } : {}),
  }
  steps.push(first)
  options.onStep?.(first)
  const { platform, pagingCommand } = options.opened
  const profile = driver.profile

  let multipleContext = false
  let contextNames: string[] = []
  const perContext: EvidenceStep[] = []
  for (const step of profile.evidence) {
    if (step.id === 'show-version') continue
    if (step.scope === 'context') {
      perContext.push(step)
      continue
    }
    if (step.scope === 'system' && !(multipleContext && !driver.prompt?.context)) continue
    const result = await run(step.id, step.command, step.optional)
    if (profile.contexts && step.command === profile.contexts.modeCommand) {
      multipleContext = profile.contexts.multiplePattern.test(result.output)
    }
    if (profile.contexts && step.command === profile.contexts.listCommand && !result.failed) {
      contextNames = parseShowContext(numberLines(result.output)).contexts.map((c) => c.name)
    }
  }

  const contexts = profile.contexts
  if (multipleContext && contexts && !driver.prompt?.context && contextNames.length > 0) {
    // The system context has no policies of its own: visit each security context, then come back.
    for (const name of contextNames) {
      const change = await run('changeto-context', contexts.changeTo(name))
      if (change.failed) continue
      for (const step of perContext) await run(step.id, step.command)
    }
    await run('changeto-system', contexts.backToSystem)
  } else {
    for (const step of perContext) await run(step.id, step.command)
  }

  const transcript = sessionText(steps)
  const analysis = analyzeTexts([{ source: options.source, text: transcript }])
  return { platform, multipleContext, pagingCommand, steps, transcript, source: options.source, analysis }
}

/** `host#`, `host/ctx#`, `host>`; failover tags are left out (the engine's session splitter needs host[/ctx]). */
export function normalisedPrompt(prompt: ParsedPrompt | null): string {
  if (!prompt) return '#'
  const host = prompt.hostname || 'firepower'
  const context = prompt.context ? `/${prompt.context}` : ''
  const level = prompt.mode === 'user' ? '>' : '#'
  return `${host}${context}${level}`
}

/** Prompt + command, then the cleaned output, for every step: a terminal session as an engineer would paste it. */
export function sessionText(steps: readonly StepResult[]): string {
  return steps.map((s) => `${s.prompt} ${s.command}\n${s.output}`).join('')
}
