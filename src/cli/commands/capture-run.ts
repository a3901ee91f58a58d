/**
 * The run of `unmask capture` (loaded by capture.ts when the command runs): open the case and the device session,
 * offer to remove what an earlier cut run left, propose the capture pair, print the exact lines, ask for `yes` (or
 * take --yes), run it (src/main/capture) and print what was read back, the findings and the removal. With --json the
 * step text is not printed and one object is printed at the end.
 */
import { userInfo } from 'node:os'
import { createInterface } from 'node:readline'
import { captureHistory } from '../../main/capture/capture-history'
import { GuidedCapture } from '../../main/capture/guided-capture'
import { CaseStore } from '../../main/cases/case-store'
import { unmaskHome } from '../../main/cases/paths'
import { SessionLog } from '../../main/device/session-log'
import type { DeviceLink } from '../../main/fix/device-link'
import { describeTarget, parseDeviceTarget, type Target } from '../../main/transports/target'
import { isIpv4 } from '../../shared/capture/guided/config-facts'
import type { MailDirection } from '../../shared/capture/guided/plan'
import type {
  CaptureProposal,
  CaptureRefusal,
  CaptureRunResult,
  CleanupResult,
} from '../../shared/capture/guided/types'
import { parseTarget as parseProbeTarget } from '../../shared/probe/target'
import type { ProbeTarget } from '../../shared/probe/types'
import { openCase } from '../case-open'
import { json } from '../format'
import { type CliContext, EXIT, type ExitCode, UsageError } from '../io'
import { askHidden, connect } from './diagnose-io'
import type { DiagnoseOptions } from './diagnose-options'

export interface CaptureOptions {
  device: string
  mailHost: string
  probe: string
  direction: string
  serverInterface?: string
  clientInterface?: string
  peerAddress?: string
  accessList?: boolean
  case?: string
  customer?: string
  yes?: boolean
  engineer?: string
  passwordEnv?: string
  secretEnv?: string
  acceptNewHostKey?: boolean
  legacy?: boolean
  json?: boolean
}

interface Parsed {
  target: Exclude<Target, { kind: 'serial' }>
  probeTarget: ProbeTarget
  direction: MailDirection
}

function parse(opts: CaptureOptions, ctx: CliContext): Parsed {
  const e = (key: string, value: string) => new UsageError(ctx.t(`device.guidedCapture.errors.${key}`, { value }))
  let target: Target
  try {
    target = parseDeviceTarget(opts.device)
  } catch {
    throw e('badDevice', opts.device)
  }
  if (target.kind === 'serial') throw e('badDevice', opts.device)
  if (!isIpv4(opts.mailHost)) throw e('badMailHost', opts.mailHost)
  if (opts.peerAddress !== undefined && !isIpv4(opts.peerAddress)) throw e('badPeer', opts.peerAddress)
  const probe = parseProbeTarget(opts.probe)
  if (!probe.ok) throw e('badProbe', opts.probe)
  if (opts.direction !== 'inbound' && opts.direction !== 'outbound') throw e('badDirection', opts.direction)
  return {
    target,
    probeTarget: { host: probe.target.host, port: probe.target.port, vantage: 'through' },
    direction: opts.direction,
  }
}

/**
 * The login password and enable secret: from the named environment variable (an unset one is bad usage), else asked
 * without echo on a terminal, else none. Never from argv.
 */
async function credentials(ctx: CliContext, opts: CaptureOptions, target: Parsed['target'], device: string) {
  const { t, io } = ctx
  const read = async (envName: string | undefined, prompt: string): Promise<string | undefined> => {
    if (envName === undefined) return process.stdin.isTTY ? askHidden(prompt) : undefined
    const value = io.env[envName]
    if (value === undefined) throw new UsageError(t('device.collect.envMissing', { name: envName }))
    return value
  }
  const password = await read(opts.passwordEnv, t('fix.diagnose.passwordPrompt', { device }))
  const secret = await read(opts.secretEnv, t('fix.diagnose.secretPrompt'))
  if (password === undefined && target.kind === 'ssh') throw new UsageError(t('device.collect.noPassword'))
  return { password, secret }
}

/** Answers to `yes` questions: a terminal is asked line by line; piped input is read once and taken line by line. */
function answers(ctx: CliContext): (prompt: string) => Promise<string> {
  let piped: string[] | undefined
  return async (prompt) => {
    if (process.stdin.isTTY) {
      const rl = createInterface({ input: process.stdin, output: process.stderr })
      try {
        return await new Promise<string>((resolve) => rl.question(prompt, resolve))
      } finally {
        rl.close()
      }
    }
    piped ??= (await ctx.io.readStdin()).split(/\r?\n/)
    return piped.shift() ?? ''
  }
}

interface CaptureJson {
  case: { id: string; dir: string }
  cleanup?: CleanupResult | CaptureRefusal | { skipped: string[] }
  proposal?: Omit<Extract<CaptureProposal, { status: 'ready' }>, 'token'> | CaptureProposal
  run?: CaptureRunResult
  exitCode: number
}

export async function runCapture(opts: CaptureOptions, outer: CliContext): Promise<number> {
  const ctx: CliContext = opts.json ? { ...outer, io: { ...outer.io, out: () => {} } } : outer
  const { t, io } = ctx
  const say = (text: string) => io.out(`${text}\n`)
  const k = (key: string, params?: Record<string, string | number>) => t(`device.guidedCapture.${key}`, params)
  const { target, probeTarget, direction } = parse(opts, ctx)
  const device = describeTarget(target)
  const { password, secret } = await credentials(ctx, opts, target, device)
  const tty = process.stdin.isTTY === true

  const home = unmaskHome(io.env)
  const store = new CaseStore(home)
  const handle = opts.case
    ? openCase(ctx, opts.case, store)
    : store.create({ customer: opts.customer ?? device, engineer: opts.engineer })
  const engineer = opts.engineer ?? (store.read(handle.dir).engineer || userInfo().username)
  const out: CaptureJson = { case: { id: handle.id, dir: handle.dir }, exitCode: EXIT.ok }
  const ask = answers(ctx)
  const confirmed = async (prompt: string) => opts.yes === true || (await ask(prompt)).trim().toLowerCase() === 'yes'
  const log = new SessionLog(handle, { peer: device, transport: target.kind, secrets: [password, secret] })
  let link: DeviceLink | undefined
  const finish = (code: ExitCode): number => {
    say(k('result.recorded', { id: handle.id, dir: handle.dir }))
    out.exitCode = code
    if (opts.json) outer.io.out(json(out))
    return code
  }
  try {
    const diagnoseOpts = { device: opts.device, legacy: opts.legacy, acceptNewHostKey: opts.acceptNewHostKey }
    link = await connect(target, diagnoseOpts as DiagnoseOptions, { password, secret, home, log }, ctx)
    const capture = new GuidedCapture({
      link,
      journal: handle,
      onStep: (step, detail) => say(k(`steps.${step}`, { detail })),
    })

    // What an earlier cut run left on this device comes first: a new device action, confirmed like any other.
    const offer = await capture.remover.proposeCleanup(captureHistory(store, handle.dir))
    if (offer) {
      say(k('cleanup.header', { device: offer.device || device }))
      for (const line of offer.lines) say(`  ${line}`)
      if (await confirmed(k('cleanup.prompt'))) {
        const cleaned = await capture.remover.cleanup(offer.token, engineer)
        out.cleanup = cleaned
        if (!cleaned.refused)
          for (const r of cleaned.removal)
            say(k('result.removal', { name: r.name, outcome: k(`result.outcomes.${r.outcome}`) }))
      } else {
        out.cleanup = { skipped: offer.names }
        say(k('cleanup.skipped', { names: offer.names.join(', ') }))
      }
    }

    const proposal = await capture.propose({
      mailHost: opts.mailHost,
      direction,
      serverInterface: opts.serverInterface,
      clientInterface: opts.clientInterface,
      peerAddress: opts.peerAddress,
      form: opts.accessList ? 'access-list' : 'match',
    })
    if (proposal.status !== 'ready') {
      out.proposal = proposal
      if (proposal.status === 'ask')
        for (const q of proposal.questions)
          io.err(
            `${k('ask', { role: k(`roles.${q}`), option: q === 'serverInterface' ? 'server-interface' : 'client-interface', choices: proposal.choices.join(', ') })}\n`,
          )
      else io.err(`${k(`refusals.${proposal.code}`, proposal.params)}\n`)
      return finish(EXIT.usage)
    }
    const { token, ...shown } = proposal
    out.proposal = shown
    say(k('plan.header', { device: proposal.device || device }))
    for (const line of proposal.plan.lines) say(`  ${line.command}`)
    say(k('plan.readBack'))
    for (const line of proposal.plan.readBack) say(`  ${line}`)
    say(k('plan.removal'))
    for (const line of proposal.plan.removal) say(`  ${line.command}`)
    if (proposal.plan.changesConfig) {
      const acls = proposal.plan.captures.flatMap((c) => (c.acl ? [c.acl.name] : []))
      say(k('plan.changesConfig', { acls: acls.join(', ') }))
    }
    if (!(await confirmed(k('plan.confirmPrompt')))) {
      // Piped input without `yes` is a script that forgot --yes; at a terminal the engineer said no.
      if (tty) say(k('plan.declined'))
      else io.err(`${k('errors.needsYes')}\n`)
      return finish(EXIT.usage)
    }
    say(k('plan.confirmedBy', { who: engineer }))
    const result = await capture.run({ token, confirmedBy: engineer, probeTarget })
    if (result.refused) {
      io.err(`${k(`refusals.${result.code}`, result.params)}\n`)
      return finish(EXIT.usage)
    }
    out.run = result
    return finish(printRun(result, ctx))
  } finally {
    await link?.close()
    log.close()
    handle.close()
  }
}

function printRun(result: CaptureRunResult, ctx: CliContext): ExitCode {
  const { t, io } = ctx
  const say = (text: string) => io.out(`${text}\n`)
  const k = (key: string, params?: Record<string, string | number>) => t(`device.guidedCapture.${key}`, params)
  say(k(`result.outcome.${result.outcome}`, { error: result.error ?? '' }))
  if (result.probe) say(k('result.probe', { summary: result.probe.summary }))
  for (const r of result.readBack) {
    say(
      k('result.readBack', {
        name: r.name,
        interface: r.interface,
        side: k(`result.sideOf.${r.side}`),
        bytes: r.bytes,
        conversations: r.conversations,
      }),
    )
    if (r.truncated) say(k('result.truncated', { name: r.name }))
  }
  for (const text of result.transcripts) say(text.text)
  for (const f of result.findings)
    say(`[${t(`findings.severity.${f.severity}`)}] ${t(f.titleKey, f.params)}\n  ${t(f.explanationKey, f.params)}`)
  if (result.findings.length === 0 && result.readBack.length === 2) say(k('result.noChange'))
  for (const r of result.removal) say(k('result.removal', { name: r.name, outcome: k(`result.outcomes.${r.outcome}`) }))
  if (result.leftOnDevice.length > 0) {
    say(k('result.leftOnDevice', { names: result.leftOnDevice.join(', ') }))
    return EXIT.unverified
  }
  if (result.needsAccessList) {
    say(k('result.needsAccessList'))
    return EXIT.usage
  }
  if (result.outcome !== 'completed') return EXIT.connect
  return result.findings.some((f) => f.id === 'capture.firewall-rewrote') ? EXIT.problem : EXIT.ok
}
