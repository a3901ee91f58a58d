/**
 * Reads one backup file for the audit: never more than the size limit (the file may have grown since the walk),
 * refused as binary when its first 8 KiB hold a NUL byte (what `unmask analyze` refuses too) or are not UTF-8 text.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import type { SkippedFile } from '../../shared/audit/types'

export type ReadResult = { ok: true; text: string } | { ok: false; skip: SkippedFile }

const SNIFF = 8192

export function looksBinary(data: Buffer): boolean {
  const head = data.subarray(0, SNIFF)
  if (head.includes(0)) return true
  // A cut in the middle of a multi-byte character at the sniff boundary is not binary; invalid UTF-8 elsewhere is.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head)
  const bad = (text.match(/\uFFFD/g) ?? []).length
  return bad > 8 && bad / Math.max(1, text.length) > 0.05
}

export async function readConfig(file: string, maxBytes: number): Promise<ReadResult> {
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    // O_NONBLOCK: a FIFO swapped in after the walk must not block the worker waiting for a writer.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
    const info = await handle.stat()
    if (!info.isFile()) return { ok: false, skip: { file, reason: 'not-regular' } }
    if (info.size > maxBytes) return { ok: false, skip: { file, reason: 'too-large', detail: `${info.size} bytes` } }
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > maxBytes) return { ok: false, skip: { file, reason: 'too-large', detail: `>${maxBytes} bytes` } }
    const data = buffer.subarray(0, length)
    if (looksBinary(data)) return { ok: false, skip: { file, reason: 'binary' } }
    return { ok: true, text: data.toString('utf8') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return { ok: false, skip: { file, reason: 'unreadable', detail: code } }
  } finally {
    await handle?.close()
  }
}
