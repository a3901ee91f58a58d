/** Entry of the built CLI (out/main/cli.js); bin/unmask.js calls main(). */
import { processIo } from './io'
import { runCli } from './program'

export { runCli } from './program'

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  stopQuietlyWhenTheReaderLeaves()
  process.exitCode = await runCli(argv, processIo())
}

/**
 * `unmask audit | head` closes the pipe while rows are still coming. Like any Unix filter, stop there without a
 * stack trace: what was wanted has been read. The exit code is 0 because the reader chose to stop, not the tool.
 */
function stopQuietlyWhenTheReaderLeaves(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(0)
  })
}
