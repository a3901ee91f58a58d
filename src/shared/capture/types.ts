/**
 * What a packet capture (pcap, pcapng, an ASA `show capture … dump`) becomes: frames, then TCP connections with
 * both byte streams reassembled, then SMTP transcripts with timestamps. Pure data, no node:*.
 *
 * Timestamps are whole microseconds since the Unix epoch (a float64 holds them exactly until the year 2255);
 * nanosecond captures are rounded down.
 */

/** One captured frame: its link-layer bytes (a view into the file, never copied) and when it was seen. */
export interface Frame {
  /** 1-based frame number, as Wireshark counts them. */
  number: number
  /** Microseconds since the epoch. */
  ts: number
  /** LINKTYPE_* value of the interface (https://www.tcpdump.org/linktypes.html). */
  linkType: number
  data: Uint8Array
  /** Bytes on the wire when the capture cut the frame short (snaplen). */
  originalLength: number
}

export type CaptureFormat = 'pcap' | 'pcapng' | 'asa-dump'

/** Why a capture (or part of it) could not be read; each code has a translated message `capture.errors.<code>`. */
export type CaptureProblemCode =
  | 'not-a-capture'
  | 'truncated'
  | 'too-large'
  | 'unsupported-link'
  | 'no-tcp'
  | 'no-smtp'
  | 'encrypted'
  | 'gaps'
  | 'stream-capped'

export interface CaptureProblem {
  code: CaptureProblemCode
  /** Byte offset in the file, frame number or connection, whatever locates it (placeholders of the message). */
  params?: Record<string, string | number>
}

export interface FrameReading {
  format: CaptureFormat
  frames: Frame[]
  /** Problems that did not stop the reading (a last record cut short, an interface of an unknown link type). */
  problems: CaptureProblem[]
}

/** One side of a TCP connection. */
export interface Endpoint {
  address: string
  port: number
}

/** A contiguous run of bytes of one direction, with the time of the segment that brought its first byte. */
export interface StreamChunk {
  ts: number
  frame: number
  data: Uint8Array
  /** Bytes the capture missed just before this chunk (a sequence gap). */
  gapBefore: number
}

export interface TcpStream {
  chunks: StreamChunk[]
  /** Bytes known to be missing (sequence gaps the capture did not see). */
  missing: number
  /** More than the per-stream cap arrived; the rest was dropped. */
  capped: boolean
}

export interface TcpConnection {
  /** 1-based, in order of first appearance. */
  index: number
  client: Endpoint
  server: Endpoint
  /** Time of the first frame of the connection. */
  start: number
  /** Whether the handshake (SYN) was seen, which is what tells client from server for sure. */
  sawSyn: boolean
  toServer: TcpStream
  toClient: TcpStream
}

/** One line of a reassembled SMTP conversation. */
export interface CaptureLine {
  direction: 'client' | 'server' | 'note'
  text: string
  ts: number
  /** Frame that carried the line's first byte (0 for notes the reader adds). */
  frame: number
}

export interface CaptureTranscript {
  connection: TcpConnection
  lines: CaptureLine[]
  /** STARTTLS was accepted and the rest of the conversation is encrypted. */
  encryptedAfter: boolean
  /** The whole connection is TLS (port 465, or TLS bytes from the first byte): nothing readable. */
  encrypted: boolean
}

export interface CaptureReading {
  format: CaptureFormat
  frameCount: number
  transcripts: CaptureTranscript[]
  /** TCP connections that did not carry SMTP (skipped, counted). */
  otherConnections: number
  problems: CaptureProblem[]
}
