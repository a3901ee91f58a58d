/**
 * The run of `unmask collect` (loaded by collect.ts when the command runs): open the session, run the evidence script
 * with one progress line on a terminal, record it in the case, print the analysis (text or `--json`, shape
 * `CollectJson` below).
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { type CollectOutcome, collectFromDevice } from '../../main/device/collect'
import { DriverError } from '../../main/device/driver-types'
import { TransportError } from '../../main/transports/channel'
import { HostKeyTrust } from '../../main/transports/host-key-trust'
import { describeTarget, parseDeviceTarget, type Target } from '../../main/transports/target'
import { isPlatformId, type PlatformId } from '../../shared/devices'
import { renderTextReport } from '../../shared/diagnosis/text-report'
import type { Translate } from '../../shared/i18n'
import { JOURNAL } from '../../shared/journal/events'
import { json } from '../format'
import { type CliContext, EXIT, UsageError } from '../io'
import { startProgress } from '../progress'
import { analysisExit } from '../verdict'

export interface CollectOptions {
  legacy?: boolean
  case?: string
  json?: boolean
  acceptNewHostKey?: boolean
  passwordEnv?: string
  secretEnv?: string
  username?: string
  identity?: string
  platform?: string
  timeout?: string
}

export async function collect(ctx: CliContext, targetText: string, opts: CollectOptions): Promise<void> {
  const { t, io } = ctx
  const target = parseTargetOrUsage(t, targetText)
  const peer = describeTarget(target)
  const platform = parsePlatform(t, opts.platform)
  const commandTimeoutMs = parseTimeout(t, opts.timeout)
  const privateKey = opts.identity ? readKey(t, opts.identity) : undefined
  const password = await secretFrom(ctx, opts.passwordEnv, t('device.collect.passwordPrompt', { peer }))
  if (password === undefined && !privateKey && target.kind === 'ssh')
    throw new UsageError(t('device.collect.noPassword'))
  const secret = await secretFrom(ctx, opts.secretEnv, t('device.collect.secretPrompt'))

  const home = unmaskHome(io.env)
  const store = new CaseStore(home)
  let handle: ReturnType<CaseStore['open']> | undefined
  if (opts.case) {
    try {
      handle = store.open(opts.case)
    } catch (error) {
      if (error instanceof CaseNotFoundError)
        throw new UsageError(t('cli.case.show.notFound', { id: opts.case, home: store.root }))
      throw error
    }
  }
  const trust = new HostKeyTrust({
    storeFile: join(home, 'known_hosts'),
    readOnlyFiles: [join(io.env.HOME ?? homedir(), '.ssh', 'known_hosts')],
  })
  const line = startProgress(io, opts)
  const progress = (text: string): void => line.update(text)
  let outcome: CollectOutcome
  try {
    outcome = await collectFromDevice({
      target,
      credentials: { username: opts.username, password, secret },
      trust,
      askHostKey: opts.acceptNewHostKey
        ? async (info) => {
            io.err(`${t('device.collect.hostKeyAccepted', { ...info })}\n`)
            return true
          }
        : undefined,
      legacy: opts.legacy,
      privateKey,
      platform,
      commandTimeoutMs,
      caseSink: handle,
      onChannel: () => progress(t('device.collect.connected', { peer })),
      onStep: (step) =>
        progress(
          t(
            step.failed
              ? step.optional
                ? 'device.collect.stepUnavailable'
                : 'device.collect.stepFailed'
              : 'device.collect.stepDone',
            { prompt: step.prompt, command: step.command, failure: step.failureText, ms: step.elapsedMs },
          ),
        ),
    })
    if (handle && outcome.ok) {
      const attachment = handle.attach(`evidence-${target.kind}.txt`, outcome.run.transcript)
      handle.append(JOURNAL.deviceEvidence, {
        peer,
        source: outcome.run.source,
        attachment: attachment.name,
        platform: outcome.run.platform,
        facts: outcome.run.analysis.facts,
        findings: outcome.run.analysis.findings.map((f) => ({
          id: f.id,
          severity: f.severity,
          confidence: f.confidence,
        })),
      })
    }
  } finally {
    line.done()
    handle?.close()
  }
  report(ctx, outcome, opts)
}

type Collected = Extract<CollectOutcome, { ok: true }>
interface ErrorJson {
  code: string
  params?: Record<string, unknown>
  message: string
}

/** `unmask collect --json`: the run without each command's raw output (that is in the case's session log). */
export type CollectJson =
  | {
      ok: true
      peer: string
      platform: Collected['run']['platform']
      enabled: boolean
      multipleContext: Collected['run']['multipleContext']
      steps: Array<Omit<Collected['run']['steps'][number], 'output'>>
      analysis: Collected['run']['analysis']
      log: CollectOutcome['log']
    }
  | { ok: false; peer: string; error: ErrorJson; log: CollectOutcome['log'] }

function report(ctx: CliContext, outcome: CollectOutcome, opts: CollectOptions): void {
  const { t, io } = ctx
  if (!outcome.ok) {
    ctx.exitCode = EXIT.connect
    const message = errorText(t, outcome.error)
    const body: CollectJson = {
      ok: false,
      peer: outcome.peer,
      error: errorJson(outcome.error, message),
      log: outcome.log,
    }
    if (opts.json) io.out(json(body))
    else io.err(`${t('device.collect.failed', { message })}\n`)
    return
  }
  const { run } = outcome
  ctx.exitCode = analysisExit(run.analysis)
  if (opts.json) {
    const body: CollectJson = {
      ok: true,
      peer: outcome.peer,
      platform: run.platform,
      enabled: outcome.enabled,
      multipleContext: run.multipleContext,
      steps: run.steps.map(({ output: _output, ...rest }) => rest),
      analysis: run.analysis,
      log: outcome.log,
    }
    io.out(json(body))
    return
  }
  if (!outcome.enabled) io.err(`${t('device.collect.notEnabled')}\n`)
  io.out(`${t('device.collect.platformFound', { platform: t(`device.platforms.${run.platform}`) })}\n\n`)
  io.out(renderTextReport(run.analysis, t))
  if (outcome.log.cleaned)
    io.out(`\n${t('device.collect.logSaved', { cleaned: outcome.log.cleaned, raw: outcome.log.raw })}\n`)
}

export function errorText(t: Translate, error: Error): string {
  if (error instanceof TransportError || error instanceof DriverError) {
    return t(`device.errors.${error.code}`, { ...error.params })
  }
  return t('device.errors.generic', { message: error.message })
}

function errorJson(error: Error, message: string): ErrorJson {
  if (error instanceof TransportError || error instanceof DriverError)
    return { code: error.code, params: error.params, message }
  return { code: 'generic', message }
}

function parseTargetOrUsage(t: Translate, text: string): Target {
  try {
    return parseDeviceTarget(text)
  } catch (error) {
    if (error instanceof TransportError) throw new UsageError(errorText(t, error))
    throw error
  }
}

function parsePlatform(t: Translate, value: string | undefined): PlatformId | undefined {
  if (value === undefined) return undefined
  if (!isPlatformId(value)) throw new UsageError(t('device.collect.badPlatform', { value }))
  return value
}

function parseTimeout(t: Translate, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600)
    throw new UsageError(t('device.collect.badTimeout', { value }))
  return seconds * 1000
}

function readKey(t: Translate, file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    throw new UsageError(
      t('device.collect.keyUnreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
    )
  }
}

/** From the named environment variable, else a hidden prompt on a terminal, else undefined. */
async function secretFrom(ctx: CliContext, envName: string | undefined, question: string): Promise<string | undefined> {
  if (envName !== undefined) {
    const value = ctx.io.env[envName]
    if (value === undefined) throw new UsageError(ctx.t('device.collect.envMissing', { name: envName }))
    return value
  }
  return promptHidden(question)
}

/** Reads a secret from the terminal without echoing it; undefined when standard input is not a terminal. */
function promptHidden(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return Promise.resolve(undefined)
  process.stderr.write(question)
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() })
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true })
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
  })
}
