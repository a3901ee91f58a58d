/**
 * The FTD `>` shell (CLISH): show commands work on the LINA configuration, but configuration is refused, because an
 * FTD is managed by FMC/FDM (the FlexConfig route), never from its own CLI.
 */
import { applyPipe, type CommandTable, dispatch, splitWords } from '../terminal/command-words'
import type { Shell, ShellIo } from '../terminal/terminal-session'
import { showRunningConfig, showServicePolicy } from './asa-show'
import type { LabDevice } from './lab-device'
import { showVersion } from './show-version'

interface Ctx {
  device: LabDevice
  io: ShellIo
  pipe: string | undefined
}

export const FTD_REFUSAL = 'Syntax error: Illegal parameter'

export class FtdShell implements Shell {
  private pager = 24

  constructor(readonly device: LabDevice) {}

  prompt(): string {
    return '> '
  }

  pagerLines(): number {
    return this.pager
  }

  handleLine(raw: string, io: ShellIo): void {
    const [command, ...pipes] = raw.split('|')
    const words = splitWords(command!).map((w) => w.word)
    if (words.length === 0) return
    if (words[0] && 'terminal'.startsWith(words[0].toLowerCase()) && words[1] === 'pager') {
      this.pager = Number(words[2]) || 0
      return
    }
    const result = dispatch(commands, words, {
      device: this.device,
      io,
      pipe: pipes.length ? pipes.join('|') : undefined,
    })
    if (!result.matched) io.print(FTD_REFUSAL)
  }
}

function out(ctx: Ctx, lines: string[]): void {
  const filtered = applyPipe(lines, ctx.pipe)
  if (filtered && filtered.length > 0) ctx.io.print(filtered.join('\n'))
}

const commands: Array<CommandTable<Ctx>> = [
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
