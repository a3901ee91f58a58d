/**
 * `unmask lab`: starts a lab scenario on 127.0.0.1, prints its endpoints and credentials, and runs until Ctrl-C or
 * SIGTERM. UNMASK_LAB_EXIT_AFTER_START=1 stops right after printing (for smoke tests and scripts).
 */
import type { Command } from 'commander'
import type { Lab, LabPorts } from '../../lab'
import { json, table } from '../format'
import { type CliContext, EXIT, UsageError } from '../io'

interface LabCliOptions {
  scenario?: string
  list?: boolean
  json?: boolean
  ports?: string
  stateDir?: string
  persist?: boolean
}

const PORT_NAMES: Array<keyof LabPorts> = ['smtp', 'direct', 'management', 'standby']

export function registerLabCommands(program: Command, ctx: CliContext): void {
  const { t } = ctx
  program
    .command('lab')
    .description(t('lab.description'))
    .option('--scenario <name>', t('lab.options.scenario'), 'asa9-default')
    .option('--list', t('lab.options.list'))
    .option('--ports <list>', t('lab.options.ports'))
    .option('--state-dir <dir>', t('lab.options.stateDir'))
    .option('--persist', t('lab.options.persist'))
    .option('--json', t('cli.options.json'))
    .action((opts: LabCliOptions) => runLab(opts, ctx))
}

async function runLab(opts: LabCliOptions, ctx: CliContext): Promise<void> {
  const { t, io } = ctx
  // Loaded here, not at start-up: the lab brings smtp-server, selfsigned and ssh2's server (README "Performance").
  const { listScenarios, startLab, UnknownScenarioError } = await import('../../lab')
  if (opts.list) {
    const names = listScenarios()
    if (opts.json) return io.out(json(names.map((name) => ({ name, description: scenarioText(ctx, name) }))))
    io.out(`${t('lab.listHeader')}\n${table(names.map((name) => [`  ${name}`, scenarioText(ctx, name)]))}`)
    return
  }
  const ports = parsePorts(opts.ports, ctx)
  let lab: Lab
  try {
    lab = await startLab({
      scenario: opts.scenario ?? 'asa9-default',
      stateDir: opts.stateDir,
      ports,
      persistConfig: opts.persist,
    })
  } catch (error) {
    if (error instanceof UnknownScenarioError) {
      throw new UsageError(t('lab.errors.unknownScenario', { name: error.scenario, known: error.known.join(', ') }))
    }
    const e = error as NodeJS.ErrnoException & { port?: number }
    if (e.code === 'EADDRINUSE') {
      io.err(`${t('lab.errors.portInUse', { port: e.port ?? '?' })}\n`)
      ctx.exitCode = EXIT.failed
      return
    }
    throw error
  }
  const stopped = waitForStop(io.env)
  if (opts.json) io.out(json(describeLab(lab)))
  else io.out(renderLab(lab, ctx))
  await stopped
  await lab.stop()
  if (!opts.json) io.out(`${t('lab.stopped')}\n`)
}

function waitForStop(env: NodeJS.ProcessEnv): Promise<void> {
  if (env.UNMASK_LAB_EXIT_AFTER_START === '1') return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      resolve()
    }
    process.on('SIGINT', done)
    process.on('SIGTERM', done)
  })
}

function parsePorts(value: string | undefined, ctx: CliContext): Partial<LabPorts> | undefined {
  if (value === undefined) return undefined
  const ports: Partial<LabPorts> = {}
  const parts = value.split(',').filter((p) => p.trim() !== '')
  const bad = () => new UsageError(ctx.t('lab.errors.badPorts', { value }))
  if (parts.length === 0 || parts.length > PORT_NAMES.length) throw bad()
  parts.forEach((part, index) => {
    const [key, number] = part.includes('=') ? part.split('=') : [PORT_NAMES[index], part]
    const port = Number(number)
    if (!PORT_NAMES.includes(key as keyof LabPorts) || !Number.isInteger(port) || port < 1 || port > 65535) throw bad()
    ports[key as keyof LabPorts] = port
  })
  return ports
}

function scenarioText(ctx: CliContext, name: string): string {
  const key = `lab.scenarios.${name}`
  const text = ctx.t(key)
  return text === key ? '' : text
}

export function describeLab(lab: Lab) {
  const fw = lab.scenario.firewall
  return {
    scenario: lab.scenario.name,
    description: lab.scenario.description,
    endpoints: lab.endpoints,
    mailHost: {
      hostname: lab.mailHost.hostname,
      persona: lab.mailHost.persona,
      domain: lab.mailHost.domain,
      certificateSha256: lab.mailHost.certificate.fingerprint256,
    },
    firewall: fw
      ? { kind: fw.kind, family: fw.family, model: fw.model, version: fw.version, hostname: lab.device?.hostname }
      : null,
    credentials: lab.credentials ?? null,
    providers: lab.providers.map((p) => ({
      hostname: p.hostname,
      persona: p.persona,
      domain: p.domain,
      smtp: p.smtp,
      direct: p.direct,
    })),
    stateDir: lab.stateDir,
  }
}

function renderLab(lab: Lab, ctx: CliContext): string {
  const { t } = ctx
  const fw = lab.scenario.firewall
  const device = fw ? `${lab.device?.hostname} (${fw.kind === 'ftd' ? 'FTD' : fw.family} ${fw.version})` : ''
  const rows = lab.endpoints.map((e) => {
    let note = ''
    if (e.name === 'smtp') note = fw ? t('lab.notes.smtp') : t('lab.notes.smtpClean')
    else if (e.name === 'direct') note = t('lab.notes.direct')
    else if (e.name === 'standby')
      note = t('lab.notes.standby', { device, fingerprint: lab.standby?.hostKeyFingerprint ?? '' })
    else if (e.protocol === 'telnet') note = t('lab.notes.managementTelnet', { device })
    else note = t('lab.notes.management', { device, fingerprint: lab.management?.hostKeyFingerprint ?? '' })
    return [e.name, e.protocol, `${e.host}:${e.port}`, note]
  })
  // Egress scenarios: each remote MX through the firewall's egress path, and seen from outside.
  for (const [i, p] of lab.providers.entries()) {
    rows.push([
      `provider${i + 1}`,
      'smtp',
      `${p.smtp.host}:${p.smtp.port}`,
      t('lab.notes.provider', { hostname: p.hostname }),
    ])
    rows.push([
      `provider${i + 1}-direct`,
      'smtp',
      `${p.direct.host}:${p.direct.port}`,
      t('lab.notes.providerDirect', { hostname: p.hostname }),
    ])
  }
  const lines = [
    t('lab.started', { name: lab.scenario.name }),
    scenarioText(ctx, lab.scenario.name) || lab.scenario.description,
    '',
    table([
      [t('lab.table.endpoint'), t('lab.table.protocol'), t('lab.table.address'), t('lab.table.notes')],
      ...rows,
    ]).trimEnd(),
    '',
    t('lab.mailHost', { hostname: lab.mailHost.hostname, persona: lab.mailHost.persona, domain: lab.mailHost.domain }),
  ]
  if (lab.credentials && lab.management?.protocol === 'telnet')
    lines.push(t('lab.telnetCredentials', { ...lab.credentials }))
  else if (lab.credentials) lines.push(t('lab.credentials', { ...lab.credentials }))
  else if (fw) lines.push(t('lab.noManagement'))
  lines.push(t('lab.stateDir', { dir: lab.stateDir }), '', t('lab.hint'))
  return `${lines.join('\n')}\n`
}
