/**
 * The EXEC-level commands of the simulated ASA (user and privileged EXEC, and those that work in every
 * configuration mode): show commands, enable, paging, configure terminal, write memory, changeto, logout.
 */
import { applyPipe, type CommandTable } from '../terminal/command-words'
import type { ShellIo } from '../terminal/terminal-session'
import { type CaptureCommandContext, captureCommands } from './asa-capture-commands'
import type { ConfigMode } from './asa-configure'
import { isRunningConfigSection, showCurpriv, showLogging, showRunningConfig, showServicePolicy } from './asa-show'
import type { FailoverPair } from './failover'
import type { LabDevice } from './lab-device'
import type { SecurityContexts } from './security-contexts'
import { showVersion } from './show-version'

export type Mode = 'exec' | 'priv' | ConfigMode

/**
 * What the exec commands need of a session. Declared here (AsaShell implements it) so that the command tables
 * do not import the shell that imports them.
 */
export interface ExecShell {
  mode: Mode
  path: string[]
  readonly username: string
  readonly device: LabDevice
  failoverPair: FailoverPair | undefined
  readonly contexts?: SecurityContexts
  context: string | undefined
  enable(io: ShellIo): void
  setPager(lines: number): void
  markInvalid(io: ShellIo, wordIndex: number): void
  changeto(target: string | undefined, io: ShellIo): void
  configure(io: ShellIo): void
  writeMemory(io: ShellIo): void
  exitConfig(): void
}

export interface ExecContext {
  shell: ExecShell
  io: ShellIo
  pipe: string | undefined
}

function out(ctx: ExecContext, lines: string[]): void {
  const filtered = applyPipe(lines, ctx.pipe)
  if (filtered === null) {
    ctx.io.print("ERROR: % Invalid input detected at '^' marker.")
    return
  }
  if (filtered.length > 0) ctx.io.print(filtered.join('\n'))
}

const showCommands: Array<CommandTable<ExecContext>> = [
  { pattern: 'show version', run: (ctx) => out(ctx, ['', ...showVersion(ctx.shell.device)]) },
  {
    pattern: 'show curpriv',
    run: (ctx) => {
      const m = ctx.shell.mode
      out(ctx, showCurpriv(ctx.shell.username, m === 'exec' ? 'exec' : m === 'priv' ? 'priv' : 'config'))
    },
  },
]

export const userCommands: Array<CommandTable<ExecContext>> = [
  ...showCommands,
  { pattern: 'enable', run: (ctx) => (ctx.shell.mode === 'exec' ? ctx.shell.enable(ctx.io) : undefined) },
  { pattern: 'terminal pager <n>', run: (ctx, [n]) => ctx.shell.setPager(Number(n) || 0) },
  { pattern: 'terminal pager lines <n>', run: (ctx, [n]) => ctx.shell.setPager(Number(n) || 0) },
  { pattern: 'terminal width <n>', run: () => {} },
  { pattern: 'logout', run: (ctx) => bye(ctx) },
  { pattern: 'exit', run: (ctx) => bye(ctx) },
  { pattern: 'quit', run: (ctx) => bye(ctx) },
  { pattern: 'help', run: (ctx) => ctx.io.print(help(ctx.shell.mode)) },
]

function bye(ctx: ExecContext): void {
  ctx.io.print('\nLogoff\n')
  ctx.io.close()
}

const showPrivileged: Array<CommandTable<ExecContext>> = [
  {
    pattern: 'show running-config ...',
    run: (ctx, _a, rest) => {
      if (isRunningConfigSection(ctx.shell.device, rest)) out(ctx, showRunningConfig(ctx.shell.device, rest))
      else ctx.shell.markInvalid(ctx.io, 2)
    },
  },
  { pattern: 'write terminal', run: (ctx) => out(ctx, showRunningConfig(ctx.shell.device, [])) },
  {
    pattern: 'show startup-config',
    run: (ctx) => {
      const { device } = ctx.shell
      out(ctx, [
        ': Saved',
        ':',
        ...device.startup.flatMap((n) => [n.line, ...n.children.map((c) => ` ${c.line}`)]),
        ': end',
      ])
    },
  },
  { pattern: 'show service-policy', run: (ctx) => out(ctx, showServicePolicy(ctx.shell.device, false)) },
  { pattern: 'show logging', run: (ctx) => out(ctx, showLogging(ctx.shell.device)) },
  {
    pattern: 'show failover',
    run: (ctx) => {
      const pair = ctx.shell.failoverPair
      out(
        ctx,
        pair
          ? pair.showFailover(ctx.shell.device)
          : ['Failover Off', 'Failover unit Primary', 'Failover LAN Interface: not Configured'],
      )
    },
  },
  {
    pattern: 'show context',
    run: (ctx) => {
      if (ctx.shell.contexts) out(ctx, ctx.shell.contexts.showContext(ctx.shell.context))
      else ctx.shell.markInvalid(ctx.io, 1)
    },
  },
  { pattern: 'show service-policy inspect esmtp', run: (ctx) => out(ctx, showServicePolicy(ctx.shell.device, true)) },
  {
    pattern: 'show ssh',
    run: (ctx) =>
      out(ctx, [
        'Timeout: 5 minutes',
        `Versions allowed: ${ctx.shell.device.spec.version.startsWith('8') ? '1 and 2' : '2'}`,
      ]),
  },
]

/** The capture commands (asa-capture-commands.ts) on an exec session's device. */
const capturePrivileged: Array<CommandTable<ExecContext>> = captureCommands.map((entry) => ({
  pattern: entry.pattern,
  run: (ctx, args, rest) => {
    const captureCtx: CaptureCommandContext = {
      device: ctx.shell.device,
      io: ctx.io,
      pipe: ctx.pipe,
      invalid: (index) => ctx.shell.markInvalid(ctx.io, index),
    }
    entry.run(captureCtx, args, rest)
  },
}))

export const privilegedCommands: Array<CommandTable<ExecContext>> = [
  ...showPrivileged,
  ...capturePrivileged,
  { pattern: 'changeto system', run: (ctx) => ctx.shell.changeto(undefined, ctx.io) },
  { pattern: 'changeto context <name>', run: (ctx, [name]) => ctx.shell.changeto(name, ctx.io) },
  { pattern: 'configure terminal', run: (ctx) => ctx.shell.configure(ctx.io) },
  { pattern: 'write memory', run: (ctx) => ctx.shell.writeMemory(ctx.io) },
  { pattern: 'copy running-config startup-config', run: (ctx) => ctx.shell.writeMemory(ctx.io) },
  {
    pattern: 'disable',
    run: (ctx) => {
      ctx.shell.mode = 'exec'
    },
  },
]

export const configAnywhere: Array<CommandTable<ExecContext>> = [
  ...showCommands,
  ...showPrivileged,
  ...capturePrivileged,
  { pattern: 'write memory', run: (ctx) => ctx.shell.writeMemory(ctx.io) },
  { pattern: 'terminal pager <n>', run: (ctx, [n]) => ctx.shell.setPager(Number(n) || 0) },
  { pattern: 'terminal width <n>', run: () => {} },
  { pattern: 'exit', run: (ctx) => ctx.shell.exitConfig() },
  {
    pattern: 'end',
    run: (ctx) => {
      ctx.shell.mode = 'priv'
      ctx.shell.path = []
    },
  },
]

function help(mode: Mode): string {
  const common = [
    '  enable      Turn on privileged commands',
    '  exit        Exit from the EXEC',
    '  logout      Exit from the EXEC',
    '  show        Show running system information',
  ]
  if (mode === 'exec') return common.join('\n')
  return [
    ...common,
    '  configure   Configure from the terminal',
    '  write       Write running configuration to memory, network, or terminal',
  ].join('\n')
}
