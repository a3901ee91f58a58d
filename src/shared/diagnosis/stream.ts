/**
 * One input text read piece by piece (the CLI reads a file in chunks and hands each decoded piece here), giving what
 * parseEvidence gives for the whole text: the same parts, evidence and line numbers. It exists for memory: a
 * 100,000-line configuration read whole is the text, a line object per line and a tree node per line at once; read
 * here, a configuration part keeps only what the SMTP rules use (DeviceConfigReader) and drops every other line as
 * soon as it is read.
 *
 *   const s = new TextStream('fw.cfg'); s.push(piece) …; const { parts, evidence } = s.end()
 *
 * How a part is read while it streams:
 * - after a prompt whose command names a configuration (`show running-config`, `write terminal`…): line by line,
 *   nothing kept;
 * - otherwise its lines are kept, as the whole-text path keeps them, because its kind may depend on all of them (a
 *   log's share of lines, a transcript's shape). Once a configuration header (`ASA Version …`) shows, a configuration
 *   reader runs alongside; when DETECT_LINES lines are in and they settle the kind as a configuration (the kinds
 *   detection puts first, such as `show context`, are absent), the kept lines are let go and the part goes on line
 *   by line. A part that ends earlier is decided exactly as parseEvidence decides it.
 * Pure: no I/O; the text's pieces may be cut anywhere (inside a CRLF, a line or a pager prompt).
 */
import {
  type Base,
  type DetectedPart,
  detectedPart,
  type Evidence,
  type EvidenceKind,
  parsePart,
  partBase,
} from '../evidence'
import {
  CONFIG_HEADER,
  DETECT_LINES,
  isBlank,
  kindFromFirstLines,
  kindOfCommand,
  kindOfPart,
  type PartHead,
  SessionSplitter,
  screenLine,
} from '../evidence/detect'
import { DeviceConfigReader } from '../evidence/device/device-config'
import type { NumberedLine } from '../evidence/types'
import { LineSplitter } from '../text/line-splitter'

/** What a streamed text gives: as parseEvidence's result. */
export interface StreamedText {
  source: string
  parts: DetectedPart[]
  evidence: Evidence[]
}

/** One part while its lines arrive. */
class PartReader {
  private readonly byCommand: EvidenceKind | null
  /** The lines so far, while the part's kind may still depend on them; null once it is known to be a configuration. */
  private kept: NumberedLine[] | null = []
  private config: DeviceConfigReader | null = null
  private firstOutput: number | null = null
  private lastText: number | null = null

  constructor(
    private readonly source: string,
    private readonly head: PartHead,
  ) {
    this.byCommand = head.command ? kindOfCommand(head.command) : null
    if (this.byCommand === 'running-config') {
      this.kept = null
      this.config = new DeviceConfigReader()
    }
  }

  /** How many lines this part holds now (the bench and the tests show that a configuration is not held). */
  get held(): number {
    return this.kept?.length ?? 0
  }

  line(l: NumberedLine): void {
    this.firstOutput ??= l.line
    if (!isBlank(l.text)) this.lastText = l.line
    const kept = this.kept
    if (kept === null) {
      this.config!.push(l)
      return
    }
    kept.push(l)
    if (this.config) this.config.push(l)
    else if (this.byCommand === null && kept.length <= DETECT_LINES && CONFIG_HEADER.test(firstKiB(l.text))) {
      // A configuration may be starting: read what came before too, so the reader has seen every line.
      this.config = new DeviceConfigReader()
      for (const k of kept) this.config.push(k)
    }
    if (this.config && kept.length === DETECT_LINES) {
      if (kindFromFirstLines(kept) === 'running-config') this.kept = null
      else this.config = null
    }
  }

  /** The part and its evidence, or null when it showed nothing (only blank lines). */
  end(): { part: DetectedPart; evidence: Evidence } | null {
    if (this.lastText === null || this.firstOutput === null) return null
    const base = partBase(this.source, this.head, this.firstOutput, this.lastText)
    const kept = this.kept
    if (kept === null) return this.configPart(base)
    while (isBlank(kept[kept.length - 1]!.text)) kept.pop()
    const kind = kindOfPart({ ...this.head, lines: kept })
    if (kind === 'running-config' && this.config) return this.configPart(base)
    return { part: detectedPart(base, kind), evidence: parsePart(this.source, kind, kept, base) }
  }

  private configPart(base: Base): { part: DetectedPart; evidence: Evidence } {
    const data = this.config!.end(this.firstOutput!, this.lastText!)
    return { part: detectedPart(base, 'running-config'), evidence: { ...base, kind: 'running-config', data } }
  }
}

/** Detection reads at most 1,024 characters of a line (detect.ts `count`). */
function firstKiB(text: string): string {
  return text.length > 1024 ? text.slice(0, 1024) : text
}

export class TextStream {
  private readonly parts: DetectedPart[] = []
  private readonly evidence: Evidence[] = []
  private part: PartReader | null = null
  private lineNumber = 0
  private readonly sessions: SessionSplitter
  private readonly lines: LineSplitter
  /** The most lines held at once by any part: a configuration read line by line stops at DETECT_LINES. */
  peakHeld = 0

  constructor(readonly source: string) {
    this.sessions = new SessionSplitter({
      begin: (head) => {
        this.part = new PartReader(source, head)
      },
      line: (l) => {
        const part = this.part!
        part.line(l)
        if (part.held > this.peakHeld) this.peakHeld = part.held
      },
      end: () => {
        const done = this.part!.end()
        this.part = null
        if (done) {
          this.parts.push(done.part)
          this.evidence.push(done.evidence)
        }
      },
    })
    this.lines = new LineSplitter((raw) => this.sessions.push({ line: ++this.lineNumber, text: screenLine(raw) }))
  }

  /** The next piece of the text, cut anywhere. */
  push(piece: string): void {
    this.lines.push(piece)
  }

  end(): StreamedText {
    this.lines.end()
    this.sessions.end()
    return { source: this.source, parts: this.parts, evidence: this.evidence }
  }
}

/**
 * Whether a text may be streamed, judged on its first piece: a TLS-RPT report (JSON, first non-blank character `{`)
 * is read whole by src/shared/mail-policy, and a piece with nothing but blanks cannot tell.
 */
export function streamable(firstPiece: string): boolean {
  const first = /\S/.exec(firstPiece)
  return first !== null && first[0] !== '{'
}
