/**
 * The CLI of a simulated ASA 8.x/9.x or PIX 7.x: `>` / `#` / `(config…)#` prompts, enable with `Password:`
 * echoing `*`, paging, show commands, MPF configuration for SMTP inspection, `write memory`, and the caret plus
 * `ERROR: % Invalid input detected at '^' marker.` for anything it does not know.
 */
import { type CommandTable, dispatch, helpFor, splitWords } from '../terminal/command-words'
import type { Shell, ShellIo } from '../terminal/terminal-session'
import {
  type ConfigContext,
  type ConfigMode,
  classMapCommands,
  globalConfigCommands,
  parametersCommands,
  policyClassCommands,
  policyMapCommands,
} from './asa-configure'
import {
  configAnywhere,
  type ExecContext,
  type ExecShell,
  type Mode,
  privilegedCommands,
  userCommands,
} from './asa-exec-commands'
import { natGlobalCommands, networkObjectCommands } from './asa-nat-commands'
import { type FailoverPair, STANDBY_CONFIG_WARNING } from './failover'
import type { LabDevice } from './lab-device'
import type { SecurityContexts } from './security-contexts'

export type { Mode } from './asa-exec-commands'

export class AsaShell implements Shell, ExecShell {
  mode: Mode = 'exec'
  path: string[] = []
  private pager: number
  private enableFailures = 0
  /** The line being handled, so a command can point the caret at one of its words. */
  private current: { line: string; words: Array<{ column: number }> } = { line: '', words: [] }

  /** Set on both units of a failover pair. */
  failoverPair: FailoverPair | undefined
  /** In multiple-context mode: the context this session is in, undefined for the system execution space. */
  context: string | undefined

  /** FTD's diagnostic CLI: the LINA shell without configuration mode, enable password empty by default. */
  readOnly = false
  enableSecret: string | undefined

  constructor(
    private readonly single: LabDevice,
    readonly username: string,
    readonly contexts?: SecurityContexts,
  ) {
    this.context = contexts?.adminContext
    const pagerLine = this.device.running.find((n) => n.line.startsWith('pager lines '))
    this.pager = pagerLine ? Number(pagerLine.line.split(' ')[2]) : 24
  }

  /** The device whose configuration this session reads and changes (the current context's). */
  get device(): LabDevice {
    if (!this.contexts) return this.single
    return this.context === undefined ? this.contexts.system : this.contexts.contexts.get(this.context)!
  }

  changeto(target: string | undefined, io: ShellIo): void {
    if (!this.contexts) {
      this.markInvalid(io, 0)
      return
    }
    if (target !== undefined && !this.contexts.contexts.has(target)) {
      this.markInvalid(io, 2)
      return
    }
    this.context = target
    this.path = []
    if (this.mode !== 'exec') this.mode = 'priv'
  }

  prompt(): string {
    const host = this.promptHost()
    if (this.mode === 'exec') return `${host}> `
    if (this.mode === 'priv') return `${host}# `
    return `${host}(${this.mode})# `
  }

  pagerLines(): number {
    return this.pager
  }

  /** The `prompt` command's parts, in the system space's config when there are contexts. */
  private promptHost(): string {
    const system = this.contexts?.system ?? this.device
    const words = system.running
      .find((n) => n.line.startsWith('prompt '))
      ?.line.split(' ')
      .slice(1) ?? ['hostname']
    const role = this.device.failover
    const parts: string[] = []
    for (const word of words) {
      if (word === 'hostname') parts.push(system.hostname)
      if (word === 'context' && this.context) parts.push(this.context)
      if (word === 'priority' && role) parts.push(role.unit === 'Primary' ? 'pri' : 'sec')
      if (word === 'state' && role) parts.push(role.state === 'Active' ? 'act' : 'stby')
    }
    return parts.join('/') || system.hostname
  }

  configure(io: ShellIo): void {
    if (this.readOnly) {
      this.markInvalid(io, 0)
      return
    }
    if (this.device.failover?.state === 'Standby Ready') io.print(STANDBY_CONFIG_WARNING)
    this.mode = 'config'
  }

  setMode(mode: Mode): void {
    this.mode = mode
  }

  setPager(lines: number): void {
    this.pager = lines
  }

  help(partial: string): string[] {
    const tables: Array<Array<CommandTable<unknown>>> =
      this.mode === 'exec'
        ? [userCommands]
        : this.mode === 'priv'
          ? [userCommands, privilegedCommands]
          : [configAnywhere, ...modeTables(this.mode)]
    const words = helpFor(
      tables.flatMap((t) => t.map((c) => c.pattern)),
      partial,
    )
    if (words.length === 0)
      return [`${' '.repeat(this.prompt().length + partial.length)}^`, 'ERROR: % Unrecognized command']
    return ['', ...words.map((w) => `  ${w}`)]
  }

  handleLine(raw: string, io: ShellIo): void {
    const [commandPart, ...pipes] = raw.split('|')
    const line = commandPart!.replace(/\s+$/, '')
    const pipe = pipes.length > 0 ? pipes.join('|') : undefined
    const words = splitWords(line)
    if (words.length === 0 || line.trimStart().startsWith('!')) return
    const texts = words.map((w) => w.word)
    const context: ExecContext = { shell: this, io, pipe }
    this.current = { line, words }

    if (this.mode === 'exec' || this.mode === 'priv') {
      const table = this.mode === 'exec' ? userCommands : [...userCommands, ...privilegedCommands]
      const result = dispatch(table, texts, context)
      if (!result.matched) this.invalid(io, line, words, result.failedAt, result.incomplete)
      return
    }
    // In configuration modes, show/write and the navigation commands work everywhere.
    const anywhere = dispatch(configAnywhere, texts, context)
    if (anywhere.matched) return
    const tables = modeTables(this.mode)
    let furthest = anywhere
    for (const table of tables) {
      const ctx = this.configContext(io, tableDepth(table))
      const result = dispatch(table, texts, ctx)
      if (result.matched) return
      if (result.failedAt > furthest.failedAt) furthest = result
    }
    if (!furthest.matched) this.invalid(io, line, words, furthest.failedAt, furthest.incomplete)
  }

  private configContext(io: ShellIo, depth: number): ConfigContext {
    return {
      device: this.device,
      path: this.path.slice(0, depth),
      mode: this.mode as ConfigMode,
      print: (text) => io.print(text),
      enter: (mode, path) => {
        this.mode = mode
        this.path = path
      },
    }
  }

  markInvalid(io: ShellIo, wordIndex: number): void {
    this.invalid(io, this.current.line, this.current.words, wordIndex, false)
  }

  private invalid(
    io: ShellIo,
    line: string,
    words: Array<{ column: number }>,
    failedAt: number,
    incomplete: boolean,
  ): void {
    if (incomplete) {
      io.print('ERROR: % Incomplete command')
      return
    }
    const column = words[failedAt]?.column ?? line.length
    io.print(`${' '.repeat(this.prompt().length + column)}^`)
    io.print("ERROR: % Invalid input detected at '^' marker.")
  }

  enable(io: ShellIo): void {
    io.askSecret('Password: ', '*', (value) => {
      if (value === (this.enableSecret ?? this.device.spec.credentials.enable)) {
        this.mode = 'priv'
        this.enableFailures = 0
        return
      }
      this.enableFailures += 1
      io.print(this.enableFailures >= 3 ? 'Access denied.' : 'Invalid password')
      if (this.enableFailures >= 3) this.enableFailures = 0
    })
  }

  exitConfig(): void {
    if (this.mode === 'config') {
      this.mode = 'priv'
      this.path = []
      return
    }
    this.path = this.path.slice(0, -1)
    if (this.mode === 'config-pmap-c' || this.mode === 'config-pmap-p') this.mode = 'config-pmap'
    else this.mode = 'config'
  }

  writeMemory(io: ShellIo): void {
    const saved = this.device.writeMemory()
    const sum = saved.checksum.match(/.{8}/g)!.join(' ')
    const secs = (0.05 + saved.bytes / 40_000).toFixed(2)
    io.print(
      [
        '',
        'Building configuration...',
        `Cryptochecksum: ${sum} `,
        `${saved.bytes} bytes copied in ${secs} secs (${saved.bytes} bytes/sec)`,
        '[OK]',
      ].join('\n'),
    )
  }
}

/** How deep in the config tree a table's commands act: global 0, class-map/policy-map 1, class/parameters 2. */
function tableDepth(table: Array<CommandTable<ConfigContext>>): number {
  if (table === globalConfigCommands || table === natGlobalCommands) return 0
  if (table === classMapCommands || table === policyMapCommands || table === networkObjectCommands) return 1
  return 2
}

function modeTables(mode: Mode): Array<Array<CommandTable<ConfigContext>>> {
  switch (mode) {
    case 'config-cmap':
      return [classMapCommands, globalConfigCommands]
    case 'config-pmap':
      return [policyMapCommands, globalConfigCommands]
    case 'config-pmap-c':
      return [policyClassCommands, policyMapCommands, globalConfigCommands]
    case 'config-pmap-p':
      return [parametersCommands, globalConfigCommands]
    case 'config-network-object':
      return [networkObjectCommands, globalConfigCommands, natGlobalCommands]
    default:
      return [globalConfigCommands, natGlobalCommands]
  }
}
