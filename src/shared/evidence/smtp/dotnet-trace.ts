/**
 * .NET Framework `System.Net` tracing (app.config `<system.diagnostics>`, sources `System.Net`/`System.Net.Sockets`)
 * of an `SmtpClient`, read back as a transcript. The dialog is not written as text lines: every read and write is a
 * block that starts with `Data from Socket#N::Receive` (or `::Send`) and continues with hex-dump lines
 *   `System.Net.Sockets Verbose: 0 : [4568] 00000000 : 32 32 30 2D … 2D 2D 20 57 65 : 220---------- We`
 * Format: Microsoft Learn, "Interpreting Network Tracing" (.NET Framework network programming): `[588]` is the
 * thread, an optional `(4357)` the milliseconds since start, then offset, up to 16 hex bytes (a `-` after the
 * eighth) and the printable column. A real hex block of this shape (an FTP banner) is quoted in Duplicati's
 * documentation (code-search index id 25513880218); the block-header and hex-line patterns match those of a public
 * System.Net trace parser (code-search index id 8489625845). No public SmtpClient trace was found, so the SMTP
 * fixtures in tests are assembled from this documented format (tests/fixtures/pastes/README.md says so).
 *
 * The hex bytes are decoded, not the printable column: that column turns CR/LF into dots and cannot show where a
 * reply line ends. A block need not end at a line end (a reply read in two parts), so each direction keeps its
 * unfinished tail for the next block. Bytes after STARTTLS are TLS records at the socket level; lines that do not
 * decode to printable text are left out.
 */
import { clip, type NumberedLine, type TranscriptDirection, type TranscriptLine } from '../types'

/** `Data from Socket#27246533::Receive` / `::Send` (also the async `EndReceive`/`BeginSend` names). Group 1: the
 * object (`Socket#27246533`), group 2: the operation. */
const DATA_HEADER = /Data from (\w+#\d+)::(?:Begin|End)?(Receive|Send|Read|Write)\b/
/** One hex-dump line: `[tid] (ms)? 00000010 : 4D 54 50 … : text`. Group 1: the bytes. */
const HEX_LINE = /\[\d+\]\s+(?:\(\d+\)\s+)?[0-9A-Fa-f]{8} : ((?:[0-9A-Fa-f]{2}[ -]){0,15}[0-9A-Fa-f]{2})\b/
/** Printable ASCII and tab: a decoded line with anything else is a TLS record or binary, not SMTP. */
const PRINTABLE = /^[\t\x20-\x7e]*$/
/** Longest tail kept waiting for its line end (an SMTP line is at most 512 octets, RFC 5321 §4.5.3.1.4). */
const MAX_TAIL = 4096

export function countDotnetDataBlocks(lines: readonly NumberedLine[]): number {
  let n = 0
  for (const l of lines.slice(0, 2000)) if (l.text.includes('Data from ') && DATA_HEADER.test(clip(l.text))) n++
  return n
}

function decodeHex(bytes: string): string {
  let out = ''
  for (const pair of bytes.split(/[ -]/)) out += String.fromCharCode(Number.parseInt(pair, 16))
  return out
}

interface Block {
  /** The traced object, `Socket#27246533`: one process traces every connection it opens (DNS, HTTP, SMTP). */
  socket: string
  direction: TranscriptDirection
  line: number
  data: string
}

/** The data blocks in trace order; lines between blocks (entering/exiting, DateTime=…) are trace noise. */
function blocks(lines: readonly NumberedLine[]): Block[] {
  const out: Block[] = []
  let current: Block | null = null
  for (const l of lines) {
    const text = clip(l.text)
    const header = DATA_HEADER.exec(text)
    if (header) {
      const received = header[2] === 'Receive' || header[2] === 'Read'
      current = { socket: header[1]!, direction: received ? 'server' : 'client', line: l.line, data: '' }
      out.push(current)
      continue
    }
    const hex = current ? HEX_LINE.exec(text) : null
    if (current && hex) current.data += decodeHex(hex[1]!)
    // Any other line (DateTime=…, Exiting Socket#…::Receive() -> 27) leaves the block open only for more hex lines.
  }
  return out
}

export function fromDotnetTrace(lines: readonly NumberedLine[]): TranscriptLine[] {
  const out: TranscriptLine[] = []
  // Per direction: the unfinished last line and the trace line its block started at.
  const tail = { server: { text: '', line: 0 }, client: { text: '', line: 0 } }
  const push = (direction: TranscriptDirection, text: string, line: number) => {
    if (text !== '' && PRINTABLE.test(text)) out.push({ direction, text, line })
  }
  const all = blocks(lines)
  // The SMTP connection is the one whose first received data is a reply; other sockets' data is left out.
  const smtp = all.find((b) => b.direction === 'server' && /^\d{3}[ -]/.test(b.data))?.socket
  for (const b of all) {
    if (smtp !== undefined && b.socket !== smtp) continue
    const pending = tail[b.direction as 'server' | 'client']
    const parts = (pending.text + b.data).split(/\r?\n/)
    const first = pending.text === '' ? b.line : pending.line
    const rest = parts.pop()!
    for (const [i, text] of parts.entries()) push(b.direction, text, i === 0 ? first : b.line)
    pending.text = rest.slice(-MAX_TAIL)
    pending.line = parts.length === 0 ? first : b.line
  }
  push('server', tail.server.text, tail.server.line)
  push('client', tail.client.text, tail.client.line)
  return out
}
