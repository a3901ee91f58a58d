/**
 * The text of a file dropped on the diagnosis panel. TLS-RPT reports arrive as `.json.gz` (RFC 8460 §5.3,
 * `application/tlsrpt+gzip`), so a gzip file (magic 1f 8b) is decompressed with the browser's DecompressionStream,
 * stopping at `maxBytes` of output so that a gzip bomb cannot fill memory; anything else is read as text.
 */

export class DroppedFileTooLarge extends Error {}

export async function readDroppedFile(file: Blob, maxBytes: number): Promise<string> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer())
  if (head[0] !== 0x1f || head[1] !== 0x8b) return file.text()
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > maxBytes) {
      await reader.cancel()
      throw new DroppedFileTooLarge()
    }
    chunks.push(value)
  }
  const all = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    all.set(c, at)
    at += c.length
  }
  return new TextDecoder().decode(all)
}
