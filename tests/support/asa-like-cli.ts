// biome-ignore-all lint/correctness/noVoidTypeReturn: the scripted CLI ends each branch with `return this.print(…)`
/**
 * A small scripted firewall CLI for tests: ASA 9.x, PIX 7.x, PIX 6.x or FTD behaviour, just enough for
 * the driver (prompts, enable, `login`, the pager, paging commands, errors, contexts, failover prompts).
 * It is written from the captures in tests/fixtures/device, independently of src/shared/devices, so a
 * driver bug cannot hide by agreeing with it. It runs in-process (ssh2 Server, telnet, serial tests) or
 * as the login shell of a real OpenSSH test user (asa-like-cli-main.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export type CliPlatform = 'asa' | 'pix7' | 'pix6' | 'ftd'

export interface AsaLikeCliOptions {
  platform?: CliPlatform
  hostname?: string
  enableSecret?: string
  /** A local user for ASA's `login` command (and the telnet/console login when `loginPrompt` is 'aaa'). */
  localUser?: { username: string; password: string }
  /** What comes before the first prompt: nothing (SSH already authenticated), a line password, or username+password. */
  loginPrompt?: 'none' | 'password' | 'aaa'
  linePassword?: string
  /** Multiple-context mode: the system context's prompt is `host#`; `changeto context X` gives `host/X#`. */
  contexts?: string[]
  /** Failover prompt tags, e.g. `pri/act` → `host/pri/act#`. */
  failover?: string
  pagerLines?: number
  runningConfig?: string
  /** The terminal size the session has (the PTY's, when run under OpenSSH), for `show terminal`. */
  terminalSize?: () => { cols: number; rows: number }
  /** Says nothing until the first Enter, like a console port nobody has touched yet. */
  quietStart?: boolean
  /** Adds an ANSI colour sequence and CR runs to every prompt, as some terminal servers do. */
  noisy?: boolean
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'device')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

/** A fixture's body: without its first (command) line and a trailing prompt line. */
function body(name: string): string[] {
  const lines = fixture(name).replace(/\r/g, '').split('\n')
  lines.shift()
  while (lines.length && (lines[lines.length - 1].trim() === '' || /[#>]\s*$/.test(lines[lines.length - 1])))
    lines.pop()
  return lines
}

const PIX6_VERSION = [
  '',
  'Cisco PIX Firewall Version 6.3(5)',
  'Cisco PIX Device Manager Version 3.0(4)',
  '',
  'pixfirewall up 2 days 3 hours',
  '',
  'Hardware:   PIX-515E, 64 MB RAM, CPU Pentium II 433 MHz',
]
const PIX7_VERSION = [
  '',
  'Cisco PIX Security Appliance Software Version 7.2(2)',
  'Device Manager Version 5.2(2)',
  '',
  'Hardware:   PIX-515E, 128 MB RAM, CPU Pentium II 433 MHz',
]
const FTD_VERSION = [
  '-------------------[ firepower ]--------------------',
  'Model                     : Cisco Firepower Threat Defense for VMware (75) Version 7.0.1 (Build 84)',
  'UUID                      : 0bd56aa2-0000-11ec-0000-000000000000',
  '----------------------------------------------------',
]

export class AsaLikeCli {
  private readonly o: Required<
    Omit<AsaLikeCliOptions, 'localUser' | 'linePassword' | 'failover' | 'contexts' | 'quietStart' | 'terminalSize'>
  > &
    AsaLikeCliOptions
  private line = ''
  private lastWasCr = false
  private state:
    | 'login-user'
    | 'login-pass'
    | 'cli'
    | 'enable-pass'
    | 'login-cmd-user'
    | 'login-cmd-pass'
    | 'more'
    | 'closed'
  private privileged = false
  private context: string | undefined
  private pager: boolean
  private pending: string[] = []
  private attempts = 0
  private loginUser = ''
  /** Every complete line the CLI received, passwords included: tests assert what was (not) sent. */
  readonly received: string[] = []

  constructor(
    private readonly out: (text: string) => void,
    private readonly onClose: () => void,
    options: AsaLikeCliOptions = {},
  ) {
    const platform = options.platform ?? 'asa'
    this.o = {
      platform,
      hostname: options.hostname ?? (platform === 'pix6' || platform === 'pix7' ? 'pixfirewall' : 'ciscoasa'),
      enableSecret: options.enableSecret ?? 'cisco-enable',
      loginPrompt: options.loginPrompt ?? 'none',
      pagerLines: options.pagerLines ?? 24,
      runningConfig: options.runningConfig ?? fixture('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt'),
      noisy: options.noisy ?? false,
      ...options,
    }
    this.pager = true
    this.privileged = platform === 'ftd'
    if (this.o.loginPrompt === 'password') {
      this.state = 'login-pass'
      this.out('\r\n\r\nUser Access Verification\r\n\r\nPassword: ')
    } else if (this.o.loginPrompt === 'aaa') {
      this.state = 'login-user'
      this.out('\r\n\r\nUser Access Verification\r\n\r\nUsername: ')
    } else {
      this.state = 'cli'
      if (!options.quietStart) this.greet()
    }
  }

  get prompt(): string {
    if (this.o.platform === 'ftd') return '> '
    const tags = [this.context, this.o.failover].filter(Boolean).join('/')
    return `${this.o.hostname}${tags ? `/${tags}` : ''}${this.privileged ? '#' : '>'} `
  }

  input(data: string): void {
    for (const ch of data) {
      if (this.state === 'closed') return
      if (this.state === 'more') {
        this.onPagerKey(ch)
        continue
      }
      if (ch === '\n' && this.lastWasCr) {
        this.lastWasCr = false
        continue
      }
      this.lastWasCr = ch === '\r'
      if (ch === '\r' || ch === '\n') {
        const line = this.line
        this.line = ''
        this.out('\r\n')
        this.received.push(line)
        this.onLine(line)
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line) {
          this.line = this.line.slice(0, -1)
          this.out('\b \b')
        }
      } else if (ch >= ' ') {
        this.line += ch
        if (this.state === 'cli' || this.state === 'login-user' || this.state === 'login-cmd-user') this.out(ch)
        else if (this.state === 'enable-pass' || this.state === 'login-cmd-pass') this.out('*')
      }
    }
  }

  private greet(): void {
    this.out("Type help or '?' for a list of available commands.\r\n")
    this.showPrompt()
  }

  private showPrompt(): void {
    this.out(this.o.noisy ? `\x1b[0m\r\r${this.prompt}` : this.prompt)
  }

  private onLine(line: string): void {
    switch (this.state) {
      case 'login-user':
        this.loginUser = line
        this.state = 'login-pass'
        return this.out('Password: ')
      case 'login-pass': {
        const ok =
          this.o.loginPrompt === 'password'
            ? line === this.o.linePassword
            : this.loginUser === this.o.localUser?.username && line === this.o.localUser?.password
        if (ok) {
          this.state = 'cli'
          return this.greet()
        }
        if (++this.attempts >= 3) return this.close('Access denied.\r\n')
        this.out(
          this.o.loginPrompt === 'password' ? 'Invalid password\r\nPassword: ' : 'Login invalid\r\n\r\nUsername: ',
        )
        this.state = this.o.loginPrompt === 'password' ? 'login-pass' : 'login-user'
        return
      }
      case 'enable-pass':
        if (line === this.o.enableSecret) {
          this.privileged = true
          this.state = 'cli'
          this.attempts = 0
          return this.showPrompt()
        }
        if (++this.attempts >= 3) {
          this.attempts = 0
          this.state = 'cli'
          this.out('Access denied.\r\n')
          return this.showPrompt()
        }
        return this.out('Invalid password\r\nPassword: ')
      case 'login-cmd-user':
        this.loginUser = line
        this.state = 'login-cmd-pass'
        return this.out('Password: ')
      case 'login-cmd-pass':
        this.state = 'cli'
        if (this.loginUser === this.o.localUser?.username && line === this.o.localUser?.password) this.privileged = true
        else this.out('Login failed\r\n')
        return this.showPrompt()
      default:
        return this.command(line.trim())
    }
  }

  private command(cmd: string): void {
    const p = this.o.platform
    const words = cmd.split(/\s+/)
    if (cmd === '') return this.showPrompt()
    if (/^(exit|quit|logout)$/.test(cmd)) return this.close('\r\nLogoff\r\n\r\n')
    if (/^en(able)?$/.test(cmd) && p !== 'ftd') {
      if (this.privileged) return this.showPrompt()
      this.state = 'enable-pass'
      return this.out('Password: ')
    }
    if (cmd === 'disable') {
      this.privileged = p === 'ftd'
      return this.showPrompt()
    }
    if (cmd === 'login' && p !== 'pix6' && p !== 'ftd') {
      this.state = 'login-cmd-user'
      return this.out('Username: ')
    }
    const pagerOff =
      (p === 'pix6' && (cmd === 'pager lines 0' || cmd === 'no pager')) ||
      ((p === 'asa' || p === 'pix7') && /^terminal pager (lines )?0$/.test(cmd)) ||
      (p === 'ftd' && cmd === 'terminal length 0')
    if (pagerOff) {
      this.pager = false
      return this.showPrompt()
    }
    // A command that never answers, for timeout tests; an empty line brings the prompt back.
    if (cmd === 'test hang') return
    if (words[0] === 'show' || words[0] === 'sh') return this.show(words.slice(1).join(' '))
    if (words[0] === 'changeto' && this.o.contexts && this.privileged) {
      if (words[1] === 'system') this.context = undefined
      else if (words[1] === 'context' && this.o.contexts.includes(words[2])) this.context = words[2]
      else return this.error(cmd)
      return this.showPrompt()
    }
    return this.error(cmd)
  }

  private show(what: string): void {
    const p = this.o.platform
    const privileged = this.privileged
    if (/^ver(sion)?$/.test(what)) {
      if (p === 'asa') return this.print(body('asa_9.8-4-10_show_version_genieparser1.txt'))
      if (p === 'pix6') return this.print(PIX6_VERSION)
      if (p === 'pix7') return this.print(PIX7_VERSION)
      return this.print([...FTD_VERSION, ...body('asa_9.8-4-10_show_version_genieparser1.txt')])
    }
    if (what === 'terminal' && this.o.terminalSize) {
      const { cols, rows } = this.o.terminalSize()
      return this.print([`Width = ${cols}, Height = ${rows}`])
    }
    if (what === 'curpriv') return this.print([`Current privilege level : ${privileged ? 15 : 1}`])
    if (what === 'mode' && p !== 'pix6') {
      const mode = this.o.contexts ? 'multiple' : 'single'
      return this.print([`Security context mode: ${mode}`])
    }
    if (what === 'context' && this.o.contexts && privileged && !this.context) {
      return this.print(body('asa_multicontext_show_context_genieparser.txt'))
    }
    if (what === 'fixup' && p === 'pix6' && privileged)
      return this.print(body('pix_6.2_show_fixup_ciscoarticles4248.txt'))
    if (/^service-policy inspect esmtp$/.test(what) && p !== 'pix6') {
      return this.print(
        body('asa_9.x_show_service-policy_genieparser.txt').filter((l) => !/Inspect: (?!esmtp)|tcp-proxy/.test(l)),
      )
    }
    const run = /^run(?:ning-config)?(?: (.+))?$/.exec(what)
    if (run && privileged && !(this.o.contexts && !this.context && run[1])) {
      return this.print(this.configSection(run[1]))
    }
    return this.error(`show ${what}`)
  }

  private configSection(section: string | undefined): string[] {
    const lines = this.o.runningConfig.replace(/\r/g, '').replace(/\n$/, '').split('\n')
    if (!section) return lines
    const out: string[] = []
    let inBlock = false
    for (const line of lines) {
      if (!line.startsWith(' ')) inBlock = line.startsWith(`${section} `)
      if (inBlock) out.push(line)
    }
    return out
  }

  private error(cmd: string): void {
    if (this.o.platform === 'pix6') return this.print(["Type help or '?' for a list of available commands."])
    if (this.o.platform === 'ftd') return this.print([`Syntax error: Illegal parameter`])
    return this.print([`${' '.repeat(Math.min(cmd.length, 40))}^`, "ERROR: % Invalid input detected at '^' marker."])
  }

  /** Prints lines through the pager (when on), then the prompt. */
  private print(lines: string[]): void {
    this.pending = [...lines]
    this.flushPage(this.pager ? this.o.pagerLines : Number.POSITIVE_INFINITY)
  }

  private flushPage(count: number): void {
    const page = this.pending.splice(0, count)
    if (page.length) this.out(`${page.join('\r\n')}\r\n`)
    if (this.pending.length) {
      this.state = 'more'
      this.out('<--- More --->')
      return
    }
    this.state = 'cli'
    this.showPrompt()
  }

  private onPagerKey(ch: string): void {
    this.out(`\r${' '.repeat(14)}\r`)
    if (ch === 'q' || ch === 'Q') {
      this.pending = []
      return this.flushPage(0)
    }
    this.flushPage(ch === ' ' ? this.o.pagerLines : 1)
  }

  private close(text: string): void {
    this.out(text)
    this.state = 'closed'
    this.onClose()
  }
}
