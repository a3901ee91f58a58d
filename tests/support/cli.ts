/** Runs the CLI in-process with captured output, as a user would see it. */

import type { CliIo } from '../../src/cli/io'
import { runCli } from '../../src/cli/program'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runUnmask(argv: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    out: (s) => {
      stdout += s
    },
    err: (s) => {
      stderr += s
    },
    env: { LANG: 'en_US.UTF-8', ...env },
    readStdin: async () => stdin,
  }
  const code = await runCli(argv, io)
  return { code, stdout, stderr }
}
