/**
 * Captures dropped or pasted on the diagnosis panel, read in the renderer with the pure reader of src/shared/capture
 * (no node:*): a pcap/pcapng file is known by its magic number, an ASA `show capture NAME dump` by its text layout
 * (shared/capture/sniff.ts). Why here and not in main: a capture file may be tens of megabytes, mostly other
 * traffic; only its transcripts (journal `capture.added` shape, a few hundred KB at most) need to reach main, and a
 * long read must not stall main, which serves every window and the device sessions. Files are read in a worker
 * (capture-worker.ts) so the window stays responsive too; where no worker can be started, here. The app loads its
 * page from file://, from which Electron lets workers load local scripts (electron/electron#28573, test in #28858);
 * not run in Electron here (only headless Chromium over http), hence the fallback.
 *
 * A capture with nothing to compare (not a capture, no TCP, no SMTP, only TLS, too large) is refused with the
 * reader's own translated message (`findings.capture.errors.<code>`); lesser problems (a cut last record, gaps)
 * travel with the capture and are shown as warnings.
 */
import { MAX_CAPTURE_BYTES } from '@shared/capture/read'
import { isDumpText, SNIFF_BYTES, sniffCapture } from '@shared/capture/sniff'
import { type CaptureInput, type JudgeRequest, judgeBytes, judgeDumpText } from './judge-capture'

export type { CaptureInput }

/** Largest capture file read in the app (the reader's own limit is higher; a window should not hold more). */
export const MAX_APP_CAPTURE_BYTES = Math.min(MAX_CAPTURE_BYTES, 100 * 1024 * 1024)

async function sha256(bytes: Uint8Array): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
  } catch {
    // No SubtleCrypto (an insecure context): the record keeps name and size only.
    return null
  }
}

/** The capture read in a worker; null when no worker could be started or it failed to load (read here instead). */
function inWorker(bytes: Uint8Array, request: JudgeRequest): Promise<CaptureInput | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null)
  let worker: Worker
  try {
    worker = new Worker(new URL('./capture-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return Promise.resolve(null)
  }
  return new Promise((resolve) => {
    const done = (result: CaptureInput | null) => {
      worker.terminate()
      resolve(result)
    }
    worker.onmessage = (event: MessageEvent<CaptureInput>) => done(event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      done(null)
    }
    // A copy goes over (not the buffer itself): if the worker fails, the bytes are still here to read.
    worker.postMessage({ bytes, request })
  })
}

/** Whether the first bytes look binary (a NUL byte) — a dropped file that is neither a capture nor text. */
function binary(head: Uint8Array): boolean {
  return head.subarray(0, 8192).includes(0)
}

/**
 * A dropped file as a capture; null when it is text that is not a capture (the text path takes it). A gzip file is
 * left to the text path too (TLS-RPT reports arrive as .json.gz).
 */
export async function readDroppedCapture(file: Blob & { name: string }): Promise<CaptureInput | null> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
  const format = sniffCapture(head)
  if (format === null) {
    const gzip = head[0] === 0x1f && head[1] === 0x8b
    return binary(head) && !gzip ? { ok: false, problem: { code: 'not-a-capture' } } : null
  }
  if (file.size > MAX_APP_CAPTURE_BYTES)
    return { ok: false, problem: { code: 'too-large', params: { limit: MAX_APP_CAPTURE_BYTES } } }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const request: JudgeRequest = { name: file.name, origin: 'file', size: bytes.length, sha256: await sha256(bytes) }
  return (await inWorker(bytes, request)) ?? judgeBytes(bytes, request)
}

/** Pasted text as a capture when it is `show capture … dump` output; null for any other text. */
export async function readPastedCapture(text: string, name: string): Promise<CaptureInput | null> {
  if (!isDumpText(text)) return null
  if (text.length > MAX_APP_CAPTURE_BYTES)
    return { ok: false, problem: { code: 'too-large', params: { limit: MAX_APP_CAPTURE_BYTES } } }
  const encoded = new TextEncoder().encode(text)
  return judgeDumpText(text, { name, origin: 'paste', size: encoded.length, sha256: await sha256(encoded) })
}
