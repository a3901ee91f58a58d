/**
 * The inputs of `unmask analyze` beyond plain text files (issue 17): TLS-RPT reports come gzip-compressed (RFC 8460
 * §5.3: `application/tlsrpt+gzip`, `.json.gz`) and one a day per sender, so a gzip file is decompressed here (src/shared
 * stays pure) and a folder is read as its `.json`/`.json.gz`/`.gz` files, in name order. Limits as for any input: each
 * file and each decompressed text at most MAX_INPUT_BYTES (a gzip bomb stops at the limit), at most MAX_FOLDER_FILES
 * files per folder; anything unreadable is bad usage (exit 2) with the file named.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { InputText } from '../../shared/evidence'
import { type CliContext, UsageError } from '../io'
import { MAX_INPUT_BYTES, readBytes, readText } from '../read-input'

export const MAX_FOLDER_FILES = 2000
const REPORT_NAME = /\.(json|json\.gz|gz)$/i

function isGzip(data: Buffer): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b
}

async function readOne(ctx: CliContext, file: string): Promise<InputText> {
  if (file === '-') return { source: 'stdin', text: await readText(ctx, file) }
  const data = await readBytes(ctx, file)
  if (!isGzip(data)) return { source: file, text: await readText(ctx, file) }
  let text: Buffer
  try {
    text = gunzipSync(data, { maxOutputLength: MAX_INPUT_BYTES })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw new UsageError(ctx.t('findings.analyze.tooLarge', { file, max: MAX_INPUT_BYTES }))
    throw new UsageError(ctx.t('findings.analyze.badGzip', { file, reason: code ?? String(error) }))
  }
  if (text.includes(0)) throw new UsageError(ctx.t('findings.analyze.notText', { file }))
  return { source: file, text: text.toString('utf8') }
}

/** The texts one command-line argument stands for: a file (gzip undone), standard input, or a folder of reports. */
export async function readAnalyzeInputs(ctx: CliContext, file: string): Promise<InputText[]> {
  let folder = false
  try {
    folder = file !== '-' && statSync(file).isDirectory()
  } catch {
    // Missing or unreadable: readBytes reports it with the reason.
  }
  if (!folder) return [await readOne(ctx, file)]
  const names = readdirSync(file)
    .filter((n) => REPORT_NAME.test(n) && statSync(join(file, n)).isFile())
    .sort()
  if (names.length === 0) throw new UsageError(ctx.t('findings.analyze.noReports', { file }))
  if (names.length > MAX_FOLDER_FILES)
    throw new UsageError(ctx.t('findings.analyze.tooManyFiles', { file, max: MAX_FOLDER_FILES }))
  const inputs: InputText[] = []
  for (const name of names) inputs.push(await readOne(ctx, join(file, name)))
  return inputs
}
