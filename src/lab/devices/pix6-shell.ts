/**
 * The CLI of a simulated PIX 6.x: `pixfirewall>` / `#` / `(config)#`, enable, `show fixup`, `fixup protocol smtp
 * 25` / `no fixup protocol smtp 25`, `write memory` / `write terminal` in the PIX 6 wording (fixtures #23, #26, #28).
 */
import { applyPipe, type CommandTable, dispatch, splitWords } from '../terminal/command-words'
import type { Shell, ShellIo } from '../terminal/terminal-session'
import { showRunningConfig } from './asa-show'
import { insertTopLevel } from './config-tree'
import type { LabDevice } from './lab-device'
import { showVersion } from './show-version'

type Mode = 'exec' | 'priv' | 'config'
interface Ctx {
  shell: Pix6Shell
  io: ShellIo
  pipe: string | undefined
}

export class Pix6Shell implements Shell {
  mode: Mode = 'exec'
  pager = 24

  constructor(readonly device: LabDevice) {
    const line = device.running.find((n) => n.line.startsWith('pager lines '))
    if (line) this.pager = Number(line.line.split(' ')[2])
  }

  prompt(): string {
    const host = this.device.hostname
    return this.mode === 'exec' ? `${host}> ` : this.mode === 'priv' ? `${host}# ` : `${host}(config)# `
  }

  pagerLines(): number {
    return this.pager
  }

  setMode(mode: Mode): void {
    this.mode = mode
  }

  setPager(lines: number): void {
    this.pager = lines
  }

  handleLine(raw: string, io: ShellIo): void {
    const [command, ...pipes] = raw.split('|')
    const words = splitWords(command!).map((w) => w.word)
    if (words.length === 0) return
    const table =
      this.mode === 'exec' ? exec : this.mode === 'priv' ? [...exec, ...priv] : [...exec, ...priv, ...config]
    const result = dispatch(table, words, { shell: this, io, pipe: pipes.length ? pipes.join('|') : undefined })
    // PIX 6 answers anything it does not know with its usage hint.
    if (!result.matched) io.print("Type help or '?' for a list of available commands.")
  }

  writeMemory(io: ShellIo): void {
    const saved = this.device.writeMemory()
    io.print(
      ['Building configuration...', `Cryptochecksum: ${saved.checksum.match(/.{8}/g)!.join(' ')} `, '[OK]'].join('\n'),
    )
  }

  setFixup(port: string, on: boolean): void {
    const running = this.device.running
    const positive = `fixup protocol smtp ${port}`
    const negative = `no fixup protocol smtp ${port}`
    const index = running.findIndex((n) => n.line === positive || n.line === negative)
    const line = on ? positive : negative
    if (index === -1) insertTopLevel(running, line)
    else running[index] = { line, children: [] }
    this.device.changed()
  }
}

function out(ctx: Ctx, lines: string[]): void {
  const filtered = applyPipe(lines, ctx.pipe)
  if (filtered && filtered.length > 0) ctx.io.print(filtered.join('\n'))
}

function fixups(device: LabDevice, protocol?: string): string[] {
  return device.running
    .map((n) => n.line)
    .filter((l) => /^(no )?fixup protocol /.test(l) && (!protocol || l.replace(/^no /, '').split(' ')[2] === protocol))
}

const logoff = (ctx: Ctx) => {
  ctx.io.print('\nLogoff\n')
  ctx.io.close()
}

const exec: Array<CommandTable<Ctx>> = [
  { pattern: 'show version', run: (ctx) => out(ctx, showVersion(ctx.shell.device)) },
  {
    pattern: 'enable',
    run: (ctx) => {
      if (ctx.shell.mode !== 'exec') return
      ctx.io.askSecret('Password: ', '*', (value) => {
        if (value === ctx.shell.device.spec.credentials.enable) ctx.shell.mode = 'priv'
        else ctx.io.print('Invalid password')
      })
    },
  },
  { pattern: 'quit', run: (ctx) => (ctx.shell.mode === 'config' ? ctx.shell.setMode('priv') : logoff(ctx)) },
  { pattern: 'logout', run: logoff },
  { pattern: 'exit', run: (ctx) => (ctx.shell.mode === 'config' ? ctx.shell.setMode('priv') : logoff(ctx)) },
  { pattern: 'pager lines <n>', run: (ctx, [n]) => ctx.shell.setPager(Number(n) || 0) },
  { pattern: 'no pager', run: (ctx) => ctx.shell.setPager(0) },
  {
    pattern: 'help',
    run: (ctx) =>
      ctx.io.print(
        'enable\t\tTurn on privileged commands\nquit\t\tDisable privileged commands or logout\nshow\t\tView command information',
      ),
  },
]

const priv: Array<CommandTable<Ctx>> = [
  { pattern: 'show running-config', run: (ctx) => out(ctx, showRunningConfig(ctx.shell.device, [])) },
  {
    pattern: 'write terminal',
    run: (ctx) => out(ctx, ['Building configuration...', ...showRunningConfig(ctx.shell.device, []), '[OK]']),
  },
  { pattern: 'show fixup', run: (ctx) => out(ctx, fixups(ctx.shell.device)) },
  { pattern: 'show fixup protocol <name>', run: (ctx, [p]) => out(ctx, fixups(ctx.shell.device, p)) },
  { pattern: 'configure terminal', run: (ctx) => ctx.shell.setMode('config') },
  { pattern: 'write memory', run: (ctx) => ctx.shell.writeMemory(ctx.io) },
  { pattern: 'disable', run: (ctx) => ctx.shell.setMode('exec') },
]

const config: Array<CommandTable<Ctx>> = [
  { pattern: 'fixup protocol smtp <port>', run: (ctx, [port]) => ctx.shell.setFixup(port!, true) },
  { pattern: 'no fixup protocol smtp <port>', run: (ctx, [port]) => ctx.shell.setFixup(port!, false) },
  {
    // Without a port PIX 6 clears every smtp assignment and puts the default, port 25, back.
    pattern: 'no fixup protocol smtp',
    run: (ctx) => {
      const running = ctx.shell.device.running
      for (let i = running.length - 1; i >= 0; i--)
        if (/^(no )?fixup protocol smtp /.test(running[i]!.line)) running.splice(i, 1)
      ctx.shell.setFixup('25', true)
    },
  },
  {
    pattern: 'hostname <name>',
    run: (ctx, [name]) => {
      const node = ctx.shell.device.running.find((n) => n.line.startsWith('hostname '))
      if (node) node.line = `hostname ${name}`
      ctx.shell.device.changed()
    },
  },
  { pattern: 'end', run: (ctx) => ctx.shell.setMode('priv') },
]
