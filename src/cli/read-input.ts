/**
 * Reading a file named on the command line (`-` = standard input), for analyze and case attach. Anything that
 * cannot be read (missing, a directory, too large, or not text where text is needed) is bad usage, exit 2.
 * `streamTextFile` reads a large text file in chunks instead of whole (issue 16: peak memory of `unmask analyze`).
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { type CliContext, UsageError } from './io'

/** Inputs larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

/**
 * Whether bytes are text, judged on a sample as `file(1)` does. Terminal captures carry stray NUL bytes (padding
 * some consoles send after CR), so a few NULs do not make a paste binary; a pcap, a zip or a UTF-16 file without a
 * BOM has NULs or control bytes all through it.
 */
function isText(sample: Buffer): boolean {
  let nul = 0
  let control = 0
  for (const byte of sample) {
    if (byte === 0) nul++
    // Tab, LF, FF, CR, ESC and backspace occur in real terminal output; other C0 bytes do not.
    else if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27 && byte !== 8)
      control++
  }
  // A NUL after every line end is about 1 in 30 bytes; UTF-16 without a BOM is one in two.
  return nul <= Math.max(8, sample.length / 16) && control <= sample.length / 20
}

/** UTF-8, or UTF-16 with its byte-order mark (what Windows Notepad writes when saving as "Unicode"). */
function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le')
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString('utf16le')
  return data.toString('utf8')
}

function hasUtf16Bom(data: Buffer): boolean {
  return (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)
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

/** The text of a file (UTF-8, or UTF-16 with a BOM); bytes that are not text are bad usage. */
export async function readText(ctx: CliContext, file: string): Promise<string> {
  const data = await readBytes(ctx, file)
  // Standard input is checked whole (it was never stat'ed); a file by its first 8 KiB, as `file(1)` guesses.
  if (!hasUtf16Bom(data) && !isText(file === '-' ? data : data.subarray(0, 8192)))
    throw new UsageError(ctx.t('findings.analyze.notText', { file: file === '-' ? 'stdin' : file }))
  return decodeText(data)
}

/** Bytes read at a time when a file is streamed: big enough that reads cost nothing, small beside the heap. */
export const STREAM_CHUNK_BYTES = 64 * 1024
/** The sample readText judges a file's text-ness by (as `file(1)` does). */
const SNIFF_BYTES = 8192

function readFull(fd: number, buf: Buffer): number {
  let n = 0
  for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null)
  return n
}

/**
 * Reads a text file in chunks and hands each decoded piece to `push`, so the file is never held whole: a UTF-8 file
 * is decoded as Buffer#toString decodes it whole (BOM kept, bad bytes as U+FFFD, a character cut between chunks
 * joined). Returns false, having pushed nothing, for anything readText would read differently or refuse (standard
 * input, not a regular file, too large, gzip, UTF-16, not text) and when `accept` turns the first piece down (a
 * TLS-RPT report): the caller then reads it the whole-text way, which says what is wrong with it.
 */
export function streamTextFile(
  ctx: CliContext,
  file: string,
  accept: (firstPiece: string) => boolean,
  push: (piece: string) => void,
  chunkBytes = STREAM_CHUNK_BYTES,
): boolean {
  if (file === '-') return false
  let fd: number
  try {
    const stat = statSync(file)
    if (!stat.isFile() || stat.size > MAX_INPUT_BYTES) return false
    fd = openSync(file, 'r')
  } catch {
    return false
  }
  try {
    const head = Buffer.alloc(Math.max(SNIFF_BYTES, chunkBytes))
    const n = readFull(fd, head)
    const first = head.subarray(0, n)
    if ((first[0] === 0x1f && first[1] === 0x8b) || hasUtf16Bom(first) || !isText(first.subarray(0, SNIFF_BYTES)))
      return false
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    const piece = decoder.decode(first, { stream: true })
    if (!accept(piece)) return false
    push(piece)
    const chunk = Buffer.alloc(chunkBytes)
    let total = n
    for (let got = readSync(fd, chunk, 0, chunkBytes, null); got > 0; got = readSync(fd, chunk, 0, chunkBytes, null)) {
      total += got
      // The size was checked, but a file may grow while it is read.
      if (total > MAX_INPUT_BYTES)
        throw new UsageError(ctx.t('findings.analyze.tooLarge', { file, max: MAX_INPUT_BYTES }))
      push(decoder.decode(chunk.subarray(0, got), { stream: true }))
    }
    push(decoder.decode())
    return true
  } catch (error) {
    if (error instanceof UsageError) throw error
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UsageError(ctx.t('findings.analyze.unreadable', { file, reason }))
  } finally {
    closeSync(fd)
  }
}
