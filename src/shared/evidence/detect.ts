/**
 * Names what a pasted text is (`detectKind`) and splits a pasted terminal session into the outputs of the commands
 * typed at each prompt (`splitSession`). Line numbers always refer to the whole pasted text.
 */
import { parsePromptLine } from '../devices/prompt'
import { SYSLOG_PREFIX } from '../devices/syslog'
import type { FailoverTag, ParsedPrompt } from '../devices/types'
import { looksLikeTlsRpt } from '../mail-policy/tlsrpt/parse'
import { cleanTerminalLine, textNeedsCleaning } from '../text/terminal'
import { transcriptShape } from './smtp/transcript-text'
import { clip, type NumberedLine, numberLines } from './types'

export type EvidenceKind =
  | 'smtp-transcript'
  | 'ndr'
  | 'show-version'
  | 'running-config'
  | 'show-fixup'
  | 'show-service-policy'
  | 'show-context'
  | 'show-failover'
  | 'log'
  /** A TLS-RPT aggregate report (RFC 8460 JSON), read by src/shared/mail-policy rather than the line parsers. */
  | 'tlsrpt'
  | 'unknown'

export interface SessionPart {
  /** The command typed at the prompt, or null for text before the first prompt (or a text with no prompts). */
  command: string | null
  /** Hostname shown in the prompt (`fw` in `fw(config)# show fixup`). */
  hostname: string | null
  /** Security context shown in the prompt (`ctx1` in `fw/ctx1# show run`), multiple-context mode only. */
  context: string | null
  /** Failover unit and state shown in the prompt (`fw/pri/act#`, `fw/ctx1/sec/stby#`). */
  failover: FailoverTag | null
  promptLine: number | null
  /** The output lines (without the prompt line). */
  lines: NumberedLine[]
}

const COMMANDS: [string[], EvidenceKind][] = [
  [['show', 'version'], 'show-version'],
  [['show', 'running-config'], 'running-config'],
  [['show', 'startup-config'], 'running-config'],
  [['write', 'terminal'], 'running-config'],
  [['more', 'system:running-config'], 'running-config'],
  [['show', 'fixup'], 'show-fixup'],
  [['show', 'service-policy'], 'show-service-policy'],
  [['show', 'context'], 'show-context'],
  [['show', 'failover'], 'show-failover'],
  [['show', 'logging'], 'log'],
]

/** The kind a typed device command produces, accepting Cisco abbreviations (`sh ver`, `wr t`, `sh run | i …`). */
export function kindOfCommand(command: string): EvidenceKind | null {
  const typed = command.split('|')[0]!.trim().toLowerCase().split(/\s+/)
  for (const [full, kind] of COMMANDS) {
    if (typed.length < full.length) continue
    const ok = full.every((word, i) => {
      const t = typed[i]!
      return t.length >= (i === 0 ? 2 : 1) && word.startsWith(t)
    })
    if (ok) return kind
  }
  return null
}

/** A line of a firewall syslog, a Postfix log, an ESA mail log or an Exchange queue error (logs/log-lines.ts). */
const LOG_MARK = new RegExp(
  String.raw`${SYSLOG_PREFIX.source}|postfix/\w+\[\d+\]|enabling PIX (workarounds|<CRLF>)|\b(ICID|DCID|MID) \d+|STARTTLS command not supported|451[ -]5\.7\.3 Cannot achieve Exchange Server authentication`,
)

/** Kind detection reads at most this many lines of a part (the log share excepted, which needs the line count). */
export const DETECT_LINES = 5000

function count(lines: readonly NumberedLine[], re: RegExp, limit = DETECT_LINES): number {
  let n = 0
  for (let i = 0; i < lines.length && i < limit; i++) {
    const t = lines[i]!.text
    if (re.test(t.length > 1024 ? t.slice(0, 1024) : t)) n++
  }
  return n
}

/** The first line of a PIX/ASA/FWSM/FTD configuration. */
export const CONFIG_HEADER = /^(ASA|PIX|FWSM|NGFW) Version \S+/i

/**
 * The kinds that the first DETECT_LINES lines of a part settle whatever follows them (a streamed part is known to be
 * a configuration once that many lines are in, or at its end); null when the rest of the part may still decide.
 */
export function kindFromFirstLines(lines: readonly NumberedLine[]): EvidenceKind | null {
  if (count(lines, /^\s*Context Name\s+Class\s+Interfaces/) > 0) return 'show-context'
  if (
    count(lines, /^\s*(Service-policy:|Global policy:|Interface \S+:\s*$)/) > 0 &&
    count(lines, /Inspect:|Class-map:/) > 0
  )
    return 'show-service-policy'
  if (count(lines, /^Failover (On|Off)\s*$/) > 0 && count(lines, /^(Failover unit|\s*This host:)/) > 0)
    return 'show-failover'
  if (count(lines, CONFIG_HEADER) > 0) return 'running-config'
  return null
}

/** Names the kind of a block of lines from its content alone. */
export function detectKindOfLines(lines: readonly NumberedLine[]): EvidenceKind {
  if (lines.length === 0) return 'unknown'
  const settled = kindFromFirstLines(lines)
  if (settled) return settled
  if (
    count(
      lines,
      /Cisco (Adaptive Security Appliance|PIX Security Appliance) Software Version|Cisco PIX Firewall Version|^FWSM Firewall Version|^Model\s*:.*Threat Defense/,
    ) > 0
  )
    return 'show-version'
  const logs = count(lines, LOG_MARK)
  const shape = transcriptShape(lines)
  if (logs > 0 && (shape === null || shape === 'ndr' || logs >= lines.length / 4)) return 'log'
  if (shape === 'ndr') return 'ndr'
  if (shape) return 'smtp-transcript'
  const fixups = count(lines, /^\s*(no\s+)?fixup protocol \S+/)
  const config = count(
    lines,
    /^(hostname \S|interface \S|policy-map \S|class-map \S|service-policy \S|access-list \S|nameif |object(-group)? network )/,
  )
  if (fixups > 0 && config === 0) return 'show-fixup'
  if (config + fixups >= 1) return 'running-config'
  return 'unknown'
}

/**
 * A pasted or received text as the lines a screen showed: pager residue, escape sequences, CR/BS erasures and stray
 * control characters (NUL) are gone, so paged output reads exactly as the clean output of the same device.
 */
export function readLines(text: string): NumberedLine[] {
  const lines = numberLines(text)
  // One scan of the whole text first: a clean paste (the usual case) needs only trimming, line by line.
  if (!textNeedsCleaning(text)) for (const l of lines) l.text = clip(l.text).trimEnd()
  else for (const l of lines) l.text = screenLine(l.text)
  return lines
}

/** One line as readLines makes it, for text read line by line (a line needing no cleaning is only trimmed). */
export function screenLine(raw: string): string {
  return cleanTerminalLine(clip(raw))
}

export function detectKind(text: string): EvidenceKind {
  if (looksLikeTlsRpt(text)) return 'tlsrpt'
  const parts = splitSession(readLines(text))
  const kinds = parts.map(kindOfPart).filter((k) => k !== 'unknown')
  return kinds[0] ?? 'unknown'
}

export function kindOfPart(part: SessionPart): EvidenceKind {
  const byCommand = part.command ? kindOfCommand(part.command) : null
  if (byCommand) return byCommand
  return detectKindOfLines(part.lines)
}

/** A part as its prompt line announces it, before its output lines arrive. */
export type PartHead = Omit<SessionPart, 'lines'>

const NO_PROMPT: PartHead = { command: null, hostname: null, context: null, failover: null, promptLine: null }

/**
 * splitSession for lines that arrive one at a time: `begin` opens a part (the text before the first prompt is one
 * too), `line` hands it an output line, `end` closes it. Dropping blank trailing lines and empty parts is the sink's.
 */
export class SessionSplitter {
  constructor(private readonly sink: { begin(head: PartHead): void; line(line: NumberedLine): void; end(): void }) {
    sink.begin(NO_PROMPT)
  }

  push(l: NumberedLine): void {
    const typed = parsePromptLine(l.text)
    if (!typed || !isPrompt(typed.prompt)) {
      this.sink.line(l)
      return
    }
    this.sink.end()
    const { prompt, command } = typed
    this.sink.begin({
      command: command || null,
      hostname: prompt.hostname || null,
      context: prompt.context ?? null,
      failover: prompt.failover ?? null,
      promptLine: l.line,
    })
  }

  end(): void {
    this.sink.end()
  }
}

/** Whether a (cleaned) line shows anything: blank lines, which pager residue cleans to, belong to no output. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text)
}

/** Splits at prompt lines; a prompt with a command starts a part, a bare prompt ends one. */
export function splitSession(lines: readonly NumberedLine[]): SessionPart[] {
  const parts: SessionPart[] = []
  let current: SessionPart = { ...NO_PROMPT, lines: [] }
  const splitter = new SessionSplitter({
    begin: (head) => {
      current = { ...head, lines: [] }
    },
    line: (l) => current.lines.push(l),
    end: () => {
      // A part ends at its last line with text.
      while (current.lines.length > 0 && isBlank(current.lines[current.lines.length - 1]!.text)) current.lines.pop()
      if (current.lines.length > 0) parts.push(current)
    },
  })
  for (const l of lines) splitter.push(l)
  splitter.end()
  return parts
}

/**
 * The device prompt grammar (src/shared/devices/prompt.ts, shared with the live driver) plus what only a paste needs:
 * look-alikes are rejected (swaks arrows, `S>`/`C>` transcript tags, one-letter words before `>`).
 */
function isPrompt(prompt: ParsedPrompt): boolean {
  if (prompt.mode === 'ftd') return true
  const host = prompt.hostname
  return host.length >= 2 && /^[A-Za-z]/.test(host) && !/^(Server|Client)$/i.test(host)
}
