/** What a CLI command may touch, injected so tests run commands in-process with captured output. */
import type { Language, Translate } from '../shared/i18n'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  env: NodeJS.ProcessEnv
  /** Reads all of standard input (for `-` file arguments). */
  readStdin(): Promise<string>
  /** True when standard error is a terminal (progress lines are drawn only then). */
  isTTY?: boolean
  /** Width of that terminal, so a progress line never wraps. */
  columns?: number
}

export interface CliContext {
  io: CliIo
  t: Translate
  /** The language chosen once for this run (`--lang`, UNMASK_LANG, the locale): messages and reports alike. */
  lang: Language
  /** Set by a command to the process exit code; defaults to 0. */
  exitCode: number
}

/**
 * The exit codes, one meaning each and the same for every command (README "Exit codes", `unmask --help`):
 * a script can tell "nothing wrong" from "something wrong found" from "could not even look".
 */
export const EXIT = {
  /** Done; nothing wrong was found (or the command gives no verdict, e.g. `case new`). */
  ok: 0,
  /** Done; a problem was found (a warning or critical finding, a cause, a masked STARTTLS). */
  problem: 1,
  /** Bad usage: unknown command or option, bad value, unreadable input file, no such case. */
  usage: 2,
  /** Could not connect or complete: refused, timed out, host key not trusted, login failed, probe stopped. */
  connect: 3,
  /** A change was made (or may have been) but is not verified: state unknown, not fixed, not saved. */
  unverified: 4,
  /** Failed for another reason (an unexpected error, a report that could not be printed). */
  failed: 5,
} as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** Bad arguments or input: printed as-is and the process exits with code 2. */
export class UsageError extends Error {}

/** Could not reach or talk to a device or server: printed as-is and the process exits with code 3. */
export class ConnectError extends Error {}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
  }
}
