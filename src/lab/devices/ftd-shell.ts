/**
 * The FTD `>` shell (CLISH): show commands work on the LINA configuration, but configuration is refused, because an
 * FTD is managed by FMC/FDM (the FlexConfig route), never from its own CLI. `system support diagnostic-cli` attaches
 * to the LINA shell (`firepower>`, enable with an empty password) without configuration mode; Ctrl+a then d detaches.
 */
import { applyPipe, type CommandTable, dispatch, splitWords } from '../terminal/command-words'
import type { Shell, ShellIo } from '../terminal/terminal-session'
import { type CaptureCommandContext, captureCommands } from './asa-capture-commands'
import { AsaShell } from './asa-shell'
import { showRunningConfig, showServicePolicy } from './asa-show'
import type { LabDevice } from './lab-device'
import { showVersion } from './show-version'

interface Ctx {
  device: LabDevice
  io: ShellIo
  pipe: string | undefined
  shell: FtdShell
}

export const FTD_REFUSAL = 'Syntax error: Illegal parameter'

export class FtdShell implements Shell {
  private pager = 24
  /** The attached diagnostic CLI, if any. */
  private diagnostic: AsaShell | undefined
  private detachArmed = false

  constructor(readonly device: LabDevice) {}

  prompt(): string {
    return this.diagnostic ? this.diagnostic.prompt() : '> '
  }

  pagerLines(): number {
    return this.diagnostic ? this.diagnostic.pagerLines() : this.pager
  }

  attach(io: ShellIo): void {
    const lina = new AsaShell(this.device, 'enable_1')
    lina.readOnly = true
    lina.enableSecret = ''
    this.diagnostic = lina
    io.print(
      "Attaching to Diagnostic CLI ... Press 'Ctrl+a then d' to detach.\nType help or '?' for a list of available commands.\n",
    )
  }

  intercept(ch: string): { output: string; clearLine?: boolean } | undefined {
    if (!this.diagnostic) return undefined
    if (ch === '\x01') {
      this.detachArmed = true
      return { output: '' }
    }
    const armed = this.detachArmed
    this.detachArmed = false
    if (!armed || ch !== 'd') return undefined
    this.diagnostic = undefined
    return { output: '\r\nConsole connection detached.\r\n> ', clearLine: true }
  }

  help(partial: string): string[] | undefined {
    return this.diagnostic?.help(partial)
  }

  handleLine(raw: string, io: ShellIo): void {
    if (this.diagnostic) {
      this.diagnostic.handleLine(raw, io)
      return
    }
    const [command, ...pipes] = raw.split('|')
    const located = splitWords(command!)
    const words = located.map((w) => w.word)
    if (words.length === 0) return
    // The LINA capture commands are typed at the CLISH `>` too (TechNote 212474); LINA answers their errors.
    const capture = dispatch(captureCommands, words, {
      device: this.device,
      io,
      pipe: pipes.length ? pipes.join('|') : undefined,
      invalid: (index) => {
        io.print(`${' '.repeat(this.prompt().length + (located[index]?.column ?? command!.length))}^`)
        io.print("ERROR: % Invalid input detected at '^' marker.")
      },
    } satisfies CaptureCommandContext)
    if (capture.matched) return
    if (words[0] && 'terminal'.startsWith(words[0].toLowerCase()) && words[1] === 'pager') {
      this.pager = Number(words[2]) || 0
      return
    }
    const result = dispatch(commands, words, {
      device: this.device,
      io,
      pipe: pipes.length ? pipes.join('|') : undefined,
      shell: this,
    })
    if (!result.matched) io.print(FTD_REFUSAL)
  }
}

function out(ctx: Ctx, lines: string[]): void {
  const filtered = applyPipe(lines, ctx.pipe)
  if (filtered && filtered.length > 0) ctx.io.print(filtered.join('\n'))
}

const commands: Array<CommandTable<Ctx>> = [
  { pattern: 'system support diagnostic-cli', run: (ctx) => ctx.shell.attach(ctx.io) },
  { pattern: 'show version', run: (ctx) => out(ctx, showVersion(ctx.device)) },
  { pattern: 'show running-config ...', run: (ctx, _a, rest) => out(ctx, showRunningConfig(ctx.device, rest)) },
  { pattern: 'show service-policy', run: (ctx) => out(ctx, showServicePolicy(ctx.device, false)) },
  { pattern: 'show service-policy inspect esmtp', run: (ctx) => out(ctx, showServicePolicy(ctx.device, true)) },
  {
    pattern: 'exit',
    run: (ctx) => {
      ctx.io.close()
    },
  },
  {
    pattern: 'logout',
    run: (ctx) => {
      ctx.io.close()
    },
  },
]

export function ftdGreeting(device: LabDevice): string {
  return [
    'Copyright 2004-2023, Cisco and/or its affiliates. All rights reserved. ',
    'Cisco is a registered trademark of Cisco Systems, Inc. ',
    'All other trademarks are property of their respective owners.',
    '',
    'Cisco Firepower Extensible Operating System (FX-OS) v2.12.0 (build 499)',
    `Cisco Firepower Threat Defense for VMware v${device.spec.version} (build 208)`,
    '',
    '',
  ].join('\n')
}
