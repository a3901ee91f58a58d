/** What a CLI command may touch, injected so tests run commands in-process with captured output. */
import type { Translate } from '../shared/i18n'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  env: NodeJS.ProcessEnv
  /** Reads all of standard input (for `-` file arguments). */
  readStdin(): Promise<string>
}

export interface CliContext {
  io: CliIo
  t: Translate
  /** Set by a command to the process exit code; defaults to 0. */
  exitCode: number
}

/** Bad arguments or input: printed as-is and the process exits with code 2. */
export class UsageError extends Error {}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
  }
}
