/** Entry of the built CLI (out/main/cli.js); bin/unmask.js calls main(). */
import { processIo } from './io'
import { runCli } from './program'

export { runCli } from './program'

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv, processIo())
}
