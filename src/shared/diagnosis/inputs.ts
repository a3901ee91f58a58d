/**
 * From input texts to what the engine reads, for every front door (the CLI's analyze, the app's pasted texts): a
 * TLS-RPT report (RFC 8460 JSON) is recognised first and read by src/shared/mail-policy (evidence about our MX hosts
 * as outside senders saw them); anything else goes through the text parsers. Vantage labels are kept per source.
 * A text the CLI streamed (a file read in chunks, never a TLS-RPT report or a labelled vantage) arrives already read.
 */
import { type DetectedPart, type Evidence, type InputText, parseEvidence } from '../evidence'
import { looksLikeTlsRpt, parseTlsRpt } from '../mail-policy/tlsrpt/parse'
import type { TlsRptEvidence } from '../mail-policy/tlsrpt/types'
import type { Vantage } from '../rules'
import type { StreamedText } from './stream'

export interface ReadInputs {
  parts: DetectedPart[]
  evidence: Evidence[]
  vantages: Map<string, Vantage>
  tlsReports: TlsRptEvidence[]
}

/** An input is a text, or one already read piece by piece (stream.ts, how the CLI reads a file). */
export type AnyInput = (InputText & { vantage?: Vantage }) | StreamedText

export function readInputs(inputs: readonly AnyInput[]): ReadInputs {
  const out: ReadInputs = { parts: [], evidence: [], vantages: new Map(), tlsReports: [] }
  for (const input of inputs) {
    if (!('text' in input)) {
      out.parts.push(...input.parts)
      out.evidence.push(...input.evidence)
      continue
    }
    if (looksLikeTlsRpt(input.text)) {
      const reading = parseTlsRpt(input.text)
      out.tlsReports.push({ kind: 'tlsrpt', source: input.source, reading })
      const { firstLine, lastLine } = reading.ok ? reading.report : reading
      out.parts.push({ source: input.source, kind: 'tlsrpt', command: null, firstLine, lastLine })
      continue
    }
    const parsed = parseEvidence(input)
    out.parts.push(...parsed.parts)
    out.evidence.push(...parsed.evidence)
    if (input.vantage) out.vantages.set(input.source, input.vantage)
  }
  return out
}
