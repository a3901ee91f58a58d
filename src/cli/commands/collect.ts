/**
 * `unmask collect TARGET`: connect to a firewall, run the evidence script, print facts and findings.
 * Secrets come from named environment variables or a hidden prompt, never from argv (argv is visible to
 * every user of the machine). Exit 0 once collected and analysed, 1 when the collection failed, 2 on bad usage.
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import type { Command } from 'commander'
import { CaseNotFoundError, CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { type CollectOutcome, collectFromDevice } from '../../main/device/collect'
import { DriverError } from '../../main/device/driver-types'
import { TransportError } from '../../main/transports/channel'
import { HostKeyTrust } from '../../main/transports/host-key-trust'
import { describeTarget, parseTarget, type Target } from '../../main/transports/target'
import { isPlatformId, type PlatformId } from '../../shared/devices'
import { renderTextReport } from '../../shared/diagnosis/text-report'
import type { Translate } from '../../shared/i18n'
import { json } from '../format'
import { type CliContext, UsageError } from '../io'

interface CollectOptions {
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

export function registerCollectCommand(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('collect')
    .description(t('device.collect.description'))
    .argument('<target>', t('device.collect.target'))
    .option('--legacy', t('device.collect.legacy'))
    .option('--case <dir>', t('device.collect.case'))
    .option('--json', t('cli.options.json'))
    .option('--accept-new-host-key', t('device.collect.acceptNewHostKey'))
    .option('--password-env <name>', t('device.collect.passwordEnv'))
    .option('--secret-env <name>', t('device.collect.secretEnv'))
    .option('--username <name>', t('device.collect.username'))
    .option('--identity <file>', t('device.collect.identity'))
    .option('--platform <platform>', t('device.collect.platform'))
    .option('--timeout <seconds>', t('device.collect.timeout'))
    .action((targetText: string, opts: CollectOptions) => collect(ctx, targetText, opts))
}

async function collect(ctx: CliContext, targetText: string, opts: CollectOptions): Promise<void> {
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
  const progress = (text: string): void => {
    if (!opts.json) io.err(`${text}\n`)
  }
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
      handle.append('device.evidence', {
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
    handle?.close()
  }
  report(ctx, outcome, opts)
}

function report(ctx: CliContext, outcome: CollectOutcome, opts: CollectOptions): void {
  const { t, io } = ctx
  if (!outcome.ok) {
    ctx.exitCode = 1
    const message = errorText(t, outcome.error)
    if (opts.json)
      io.out(json({ ok: false, peer: outcome.peer, error: errorJson(outcome.error, message), log: outcome.log }))
    else io.err(`${t('device.collect.failed', { message })}\n`)
    return
  }
  const { run } = outcome
  if (opts.json) {
    io.out(
      json({
        ok: true,
        peer: outcome.peer,
        platform: run.platform,
        enabled: outcome.enabled,
        multipleContext: run.multipleContext,
        steps: run.steps.map(({ output: _output, ...rest }) => rest),
        analysis: run.analysis,
        log: outcome.log,
      }),
    )
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

function errorJson(error: Error, message: string): Record<string, unknown> {
  if (error instanceof TransportError || error instanceof DriverError)
    return { code: error.code, params: error.params, message }
  return { code: 'generic', message }
}

function parseTargetOrUsage(t: Translate, text: string): Target {
  try {
    return parseTarget(text)
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
