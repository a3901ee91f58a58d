/**
 * `capture.added` (issue 21): one packet capture entered into the case, whatever brought it — a pcap/pcapng file
 * dropped on the diagnosis panel, a pasted or dropped `show capture NAME dump` text, or the guided capture reading
 * the dump back from the firewall. The data is the capture *as read* (its SMTP transcripts with times and frame
 * numbers), not the raw bytes: the diagnosis, the panel's two lanes and the report are all made from transcripts, and
 * a transcript of at most MAX_RECORD_CONNECTIONS connections stays small where a pcap may be megabytes of other
 * traffic. Which file it was is kept by name, size and (when the writer can hash) SHA-256.
 *
 * Two captures of the same traffic on two interfaces are a *set*: captures sharing `set` are compared with each
 * other (the guided capture's run id, or one drop of two files); captures without a set pair up in the order they
 * were added. `side` says which interface, when the writer knows it (the guided capture does; a dropped file does
 * not).
 *
 * Writers build the data with `captureRecord(reading, meta)` and readers get a reading back with
 * `readingOfCaptureAdded` (both below), so the shape is only spelled here. Lenient like every journal schema.
 */
import { z } from 'zod'
import { MAX_SHOWN, type NamedCapture } from '../capture/evidence'
import type { CaptureReading, CaptureTranscript, TcpStream } from '../capture/types'

/** Connections and lines kept per capture; a capture holding more says how many were left out. */
export const MAX_RECORD_CONNECTIONS = MAX_SHOWN
export const MAX_RECORD_LINES = 500
/** All connections' lines together: keeps one record (and one IPC message carrying it) within a few megabytes. */
export const MAX_RECORD_TOTAL_LINES = 10_000
/** SMTP lines are at most 1000 octets with CRLF (RFC 5321 §4.5.3.1.6); longer ones are cut. */
const MAX_LINE_CHARS = 1000

const str = z.string()
const endpoint = z.object({ address: str, port: z.number() })
const line = z.object({
  direction: z.enum(['client', 'server', 'note']),
  text: str.max(MAX_LINE_CHARS),
  ts: z.number(),
  frame: z.number(),
})
const connection = z.object({
  index: z.number(),
  client: endpoint,
  server: endpoint,
  start: z.number(),
  sawSyn: z.boolean().default(false),
  encrypted: z.boolean().default(false),
  encryptedAfter: z.boolean().default(false),
  /** Bytes the capture missed (both directions) and whether a stream was cut at the reader's cap. */
  missing: z.number().default(0),
  capped: z.boolean().default(false),
  lines: z.array(line).max(MAX_RECORD_LINES),
})

export const captureOrigins = ['file', 'paste', 'device'] as const
export type CaptureOrigin = (typeof captureOrigins)[number]

export const captureAddedData = z.object({
  /** What the findings call it: a file name, `pasted dump 1`, `device:fw show capture UNMASK_IN`. */
  name: str.min(1).max(200),
  origin: z.enum(captureOrigins),
  /** The firewall interface it was taken on, when known. */
  side: z.enum(['inside', 'outside']).nullable().default(null),
  /** Captures with the same set are the two sides of one capture run. */
  set: str.max(100).nullable().default(null),
  format: z.enum(['pcap', 'pcapng', 'asa-dump']),
  /** Size of what was read (file or text). */
  bytes: z.number(),
  sha256: str.max(64).nullable().default(null),
  frameCount: z.number(),
  otherConnections: z.number().default(0),
  /** SMTP connections in the capture, including those not kept (more than MAX_RECORD_CONNECTIONS). */
  smtpConnections: z.number(),
  problems: z
    .array(z.object({ code: str, params: z.record(str, z.union([str, z.number()])).optional() }))
    .max(200)
    .default([]),
  connections: z
    .array(connection)
    .max(MAX_RECORD_CONNECTIONS)
    .refine((cs) => cs.reduce((n, c) => n + c.lines.length, 0) <= MAX_RECORD_TOTAL_LINES, 'too many lines'),
})

export type CaptureAdded = z.output<typeof captureAddedData>
export type CaptureAddedInput = z.input<typeof captureAddedData>

export interface CaptureMeta {
  name: string
  origin: CaptureOrigin
  side?: 'inside' | 'outside' | null
  set?: string | null
  bytes: number
  sha256?: string | null
}

/** The event data for a capture just read (readable connections first, capped). */
export function captureRecord(reading: CaptureReading, meta: CaptureMeta): CaptureAdded {
  const kept = [...reading.transcripts]
    .sort((a, b) => Number(a.encrypted) - Number(b.encrypted) || a.connection.index - b.connection.index)
    .slice(0, MAX_RECORD_CONNECTIONS)
    .sort((a, b) => a.connection.index - b.connection.index)
  return {
    name: meta.name,
    origin: meta.origin,
    side: meta.side ?? null,
    set: meta.set ?? null,
    format: reading.format,
    bytes: meta.bytes,
    sha256: meta.sha256 ?? null,
    frameCount: reading.frameCount,
    otherConnections: reading.otherConnections,
    smtpConnections: reading.transcripts.length,
    problems: reading.problems
      .slice(0, 200)
      .map((p) => (p.params ? { code: p.code, params: p.params } : { code: p.code })),
    connections: keptConnections(kept),
  }
}

function keptConnections(kept: readonly CaptureTranscript[]): CaptureAdded['connections'] {
  let budget = MAX_RECORD_TOTAL_LINES
  const out: CaptureAdded['connections'] = []
  for (const t of kept) {
    const lines = t.lines.slice(0, Math.min(MAX_RECORD_LINES, budget))
    if (lines.length === 0 && budget === 0) break
    budget -= lines.length
    out.push({
      index: t.connection.index,
      client: t.connection.client,
      server: t.connection.server,
      start: t.connection.start,
      sawSyn: t.connection.sawSyn,
      encrypted: t.encrypted,
      encryptedAfter: t.encryptedAfter,
      missing: t.connection.toServer.missing + t.connection.toClient.missing,
      capped: t.connection.toServer.capped || t.connection.toClient.capped,
      lines: lines.map((l) => (l.text.length > MAX_LINE_CHARS ? { ...l, text: l.text.slice(0, MAX_LINE_CHARS) } : l)),
    })
  }
  return out
}

const noStream = (missing: number, capped: boolean): TcpStream => ({ chunks: [], missing, capped })

/** A recorded capture as a reading the capture code takes (streams' bytes are not kept: only what they said). */
export function readingOfCaptureAdded(record: CaptureAdded): NamedCapture {
  const transcripts: CaptureTranscript[] = record.connections.map((c) => ({
    connection: {
      index: c.index,
      client: c.client,
      server: c.server,
      start: c.start,
      sawSyn: c.sawSyn,
      toServer: noStream(c.missing, c.capped),
      toClient: noStream(0, false),
    },
    lines: c.lines,
    encrypted: c.encrypted,
    encryptedAfter: c.encryptedAfter,
  }))
  const reading: CaptureReading = {
    format: record.format,
    frameCount: record.frameCount,
    transcripts,
    otherConnections: record.otherConnections,
    problems: record.problems as CaptureReading['problems'],
  }
  return { name: record.name, reading }
}
