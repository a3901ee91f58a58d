/**
 * A probe result as evidence: the transcript the rules read, labelled `probe:<vantage>` (or the host when
 * no vantage was named) so that findings point at the right side of a comparison.
 */
import type { SmtpTranscript } from '../evidence/types'
import { formatHostPort } from './target'
import type { ProbeResult } from './types'

export type ProbeTranscript = SmtpTranscript & { shape: 'probe' }

export function probeSource(result: ProbeResult): string {
  return `probe:${result.target.vantage ?? formatHostPort(result.target.host, result.target.port)}`
}

export function probeTranscript(result: ProbeResult, source = probeSource(result)): ProbeTranscript {
  const tls = result.tls
  return {
    kind: 'smtp-transcript',
    shape: 'probe',
    source,
    lines: result.transcript.map(({ direction, text, line }) => ({ direction, text, line })),
    tls: tls
      ? { established: tls.established, protocol: tls.protocol, cipher: tls.cipher, error: tls.error }
      : undefined,
  }
}
