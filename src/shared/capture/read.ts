/**
 * A capture file's bytes → SMTP transcripts: frames (./frames), TCP reassembly (./reassemble), SMTP lines
 * (./transcript). Returns null when the bytes are no pcap/pcapng at all (the caller then tries text). Everything
 * else that goes wrong is a `CaptureProblem` with a translated message, never an exception or a hang: the work is
 * one pass over the frames plus a sort per stream, with every stream capped.
 */
import { readFrames } from './frames'
import { reassemble } from './reassemble'
import { KNOWN_LINK_TYPES } from './segments'
import { smtpTranscript } from './transcript'
import type { CaptureProblem, CaptureReading, CaptureTranscript, FrameReading } from './types'

/** Largest capture read (the CLI checks the file size before reading it into memory). */
export const MAX_CAPTURE_BYTES = 512 * 1024 * 1024

export function readCapture(bytes: Uint8Array): CaptureReading | null {
  if (bytes.length > MAX_CAPTURE_BYTES)
    return {
      format: 'pcap',
      frameCount: 0,
      transcripts: [],
      otherConnections: 0,
      problems: [{ code: 'too-large', params: { bytes: bytes.length, limit: MAX_CAPTURE_BYTES } }],
    }
  const frames = readFrames(bytes)
  return frames ? transcriptsOf(frames) : null
}

/** The frames of any source (a pcap, or an ASA dump read as frames) → transcripts and problems. */
export function transcriptsOf(reading: FrameReading): CaptureReading {
  const problems: CaptureProblem[] = [...reading.problems]
  const unknown = new Set<number>()
  for (const f of reading.frames) if (!KNOWN_LINK_TYPES.has(f.linkType)) unknown.add(f.linkType)
  for (const linkType of unknown) problems.push({ code: 'unsupported-link', params: { linkType } })
  const { connections, tcpFrames } = reassemble(reading.frames)
  const transcripts: CaptureTranscript[] = []
  let otherConnections = 0
  for (const c of connections) {
    const t = smtpTranscript(c)
    if (!t) {
      otherConnections++
      continue
    }
    transcripts.push(t)
    const missing = c.toServer.missing + c.toClient.missing
    if (missing > 0) problems.push({ code: 'gaps', params: { connection: c.index, bytes: missing } })
    if (c.toServer.capped || c.toClient.capped)
      problems.push({ code: 'stream-capped', params: { connection: c.index } })
  }
  if (tcpFrames === 0 && unknown.size === 0) problems.push({ code: 'no-tcp' })
  else if (tcpFrames > 0 && transcripts.length === 0)
    problems.push({ code: 'no-smtp', params: { connections: otherConnections } })
  else if (transcripts.length > 0 && transcripts.every((t) => t.encrypted))
    problems.push({ code: 'encrypted', params: { connections: transcripts.length } })
  return { format: reading.format, frameCount: reading.frames.length, transcripts, otherConnections, problems }
}

/** Whether the reading holds any readable SMTP dialogue (not only fully encrypted connections). */
export function hasReadableSmtp(reading: CaptureReading): boolean {
  return reading.transcripts.some((t) => !t.encrypted)
}
