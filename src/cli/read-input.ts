/**
 * Reading a file named on the command line (`-` = standard input), for analyze and case attach. Anything that
 * cannot be read (missing, a directory, too large, or not text where text is needed) is bad usage, exit 2.
 */
import { readFileSync, statSync } from 'node:fs'
import { type CliContext, UsageError } from './io'

/** Inputs larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

function isText(data: Buffer): boolean {
  return !data.subarray(0, 8192).includes(0)
}

/** The bytes of a file, or of standard input for `-`. */
export async function readBytes(ctx: CliContext, file: string): Promise<Buffer> {
  const { t, io } = ctx
  if (file === '-') {
    const data = Buffer.from(await io.readStdin(), 'utf8')
    if (data.length > MAX_INPUT_BYTES)
      throw new UsageError(t('findings.analyze.tooLarge', { file: 'stdin', max: MAX_INPUT_BYTES }))
    return data
  }
  try {
    const stat = statSync(file)
    if (stat.isDirectory()) throw new UsageError(t('findings.analyze.isDirectory', { file }))
    if (stat.size > MAX_INPUT_BYTES)
      throw new UsageError(t('findings.analyze.tooLarge', { file, max: MAX_INPUT_BYTES }))
    return readFileSync(file)
  } catch (error) {
    if (error instanceof UsageError) throw error
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UsageError(t('findings.analyze.unreadable', { file, reason }))
  }
}

/** The text of a file (UTF-8); a file with a NUL byte in its first 8 KiB is not text. */
export async function readText(ctx: CliContext, file: string): Promise<string> {
  const data = await readBytes(ctx, file)
  // Standard input is checked whole (it was never stat'ed); a file by its first 8 KiB, as `file(1)` guesses.
  if (file === '-' ? data.includes(0) : !isText(data))
    throw new UsageError(ctx.t('findings.analyze.notText', { file: file === '-' ? 'stdin' : file }))
  return data.toString('utf8')
}
