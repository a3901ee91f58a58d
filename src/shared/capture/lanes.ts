/**
 * The case's captures as two lanes side by side, built once for the diagnosis panel and the report: per capture set
 * (the two sides of one capture run, journal/capture-evidence-schema.ts), per paired connection, the inside copy's
 * lines on the left and the outside copy's on the right, aligned, with their times, line numbers and which rows the
 * firewall changed. Line numbers and times come from the very text the findings quote (captureEvidence of the same
 * set, ./evidence), so "inside.pcap line 7" in the finding is row "7" in the lane.
 *
 * Alignment: a longest common subsequence over the two copies where a row matches when both lines go the same way
 * and are equal or one is a mask of the other (./compare: `250-STARTTLS` ↔ `250-XXXXXXXA`); what is left between two
 * matches is shown on its own side only (a line the firewall dropped or added). A conversation is a few dozen lines;
 * rows are capped per connection and connections per set, and the model says how many were left out.
 */
import type { DetectedPart, Evidence } from '../evidence'
import type { TranscriptLine } from '../evidence/types'
import { type CaptureAdded, readingOfCaptureAdded } from '../journal/capture-evidence-schema'
import { isMaskOf } from './compare'
import { type CaptureEvidence, captureEvidence, type NamedCapture } from './evidence'
import { captureSource, parseCaptureSource } from './source'

export const MAX_LANE_ROWS = 120
export const MAX_LANE_PAIRS = 5
/** Lines longer than this are cut for display (the journal keeps them whole). */
const MAX_SHOWN_CHARS = 200

export type Side = 'inside' | 'outside'

export interface LaneLine {
  /** Line number in the capture's transcript text, as the findings cite it. */
  line: number
  /** `HH:MM:SS.ffffff` (UTC) as printed in that text. */
  clock: string
  direction: TranscriptLine['direction']
  text: string
}

export type RowKind = 'same' | 'changed' | 'only-left' | 'only-right'

export interface LaneRow {
  left: LaneLine | null
  right: LaneLine | null
  kind: RowKind
}

export interface LaneHead {
  /** The evidence source of this copy (what the findings cite; anchors of its lines). */
  source: string
  capture: string
  connection: number
  /** `client -> server` as the capture saw the addresses. */
  endpoints: string
}

export interface LanePair {
  left: LaneHead | null
  right: LaneHead | null
  rows: LaneRow[]
  /** Rows past MAX_LANE_ROWS, not shown. */
  hiddenRows: number
  /** Rows that differ (changed, or on one side only), counted over all rows. */
  differences: number
}

export type SetStatus = 'changed' | 'identical' | 'one-side' | 'no-pairs'

export interface CaptureSetLanes {
  /** The capture drawn on each side (null: the other side is missing). */
  left: { name: string; side: Side | null } | null
  right: { name: string; side: Side | null } | null
  status: SetStatus
  pairs: LanePair[]
  /** Connections (or pairs) not shown, past MAX_LANE_PAIRS. */
  hiddenPairs: number
  /** Connections of two-sided sets that found no partner in the other capture. */
  unpaired: number
}

/** The case's captures grouped into sets: the same `set` id together; captures without one pair in order added. */
export function captureSets(records: readonly CaptureAdded[]): CaptureAdded[][] {
  const sets: CaptureAdded[][] = []
  const byId = new Map<string, CaptureAdded[]>()
  let loose: CaptureAdded[] | null = null
  for (const r of records) {
    if (r.set !== null) {
      const known = byId.get(r.set)
      if (known) {
        if (known.length < 2) known.push(r)
        continue
      }
      const set = [r]
      byId.set(r.set, set)
      sets.push(set)
    } else if (loose && loose.length < 2) loose.push(r)
    else {
      loose = [r]
      sets.push(loose)
    }
  }
  // Inside on the left when the sides are known.
  return sets.map((s) => (s.length === 2 && s[0]!.side === 'outside' && s[1]!.side !== 'outside' ? [s[1]!, s[0]!] : s))
}

interface SetEvidence {
  set: CaptureAdded[]
  named: NamedCapture[]
  evidence: CaptureEvidence
}

/**
 * Each set through captureEvidence (so the lanes' line numbers are the analysis' ones), with pair numbers made
 * unique across sets: the rule compares the two copies of each pair number, so two sets must not share one.
 */
function evidenceBySet(records: readonly CaptureAdded[]): SetEvidence[] {
  let offset = 0
  return captureSets(records).map((set) => {
    const named = set.map(readingOfCaptureAdded)
    const ev = captureEvidence(named)
    let most = 0
    const renumber = (source: string) => {
      const label = parseCaptureSource(source)
      if (!label) return source
      most = Math.max(most, label.pair)
      return captureSource({ ...label, pair: label.pair + offset })
    }
    const evidence: CaptureEvidence = {
      texts: ev.texts,
      evidence: ev.evidence.map((e) => ({ ...e, source: renumber(e.source) }) as Evidence),
      parts: ev.parts.map((p) => ({ ...p, source: renumber(p.source) })),
    }
    offset += most
    return { set, named, evidence }
  })
}

/** The evidence of all captures, per set, as the analysis reads it (the sources the lanes anchor their lines to). */
export function captureSetsEvidence(records: readonly CaptureAdded[]): { evidence: Evidence[]; parts: DetectedPart[] } {
  const sets = evidenceBySet(records)
  return { evidence: sets.flatMap((s) => s.evidence.evidence), parts: sets.flatMap((s) => s.evidence.parts) }
}

interface Copy {
  head: LaneHead
  lines: LaneLine[]
  pair: number | null
}

function endpoint(e: { address: string; port: number }): string {
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`
}

/** Each connection's copy as lane lines, read from the rendered transcript the findings cite. */
function copiesOf(captures: readonly NamedCapture[], ev: CaptureEvidence): Map<string, Copy[]> {
  const textOf = new Map(ev.texts.map((t) => [t.name, t.text.split('\n')]))
  const out = new Map<string, Copy[]>()
  for (const e of ev.evidence) {
    if (e.kind !== 'smtp-transcript') continue
    const label = parseCaptureSource(e.source)
    const capture = label?.capture ?? e.source.replace(/ #\d+$/, '')
    const index = label?.connection ?? Number(/#(\d+)$/.exec(e.source)?.[1] ?? 0)
    const named = captures.find((c) => c.name === capture)
    const t = named?.reading.transcripts.find((x) => x.connection.index === index)
    if (!t) continue
    const text = textOf.get(capture) ?? []
    const lines = e.lines.map((l) => ({
      line: l.line,
      clock: (text[l.line - 1] ?? '').slice(0, 15),
      direction: l.direction,
      text: l.text.length > MAX_SHOWN_CHARS ? `${l.text.slice(0, MAX_SHOWN_CHARS)}…` : l.text,
    }))
    const head = {
      source: e.source,
      capture,
      connection: index,
      endpoints: `${endpoint(t.connection.client)} -> ${endpoint(t.connection.server)}`,
    }
    const list = out.get(capture) ?? []
    list.push({ head, lines, pair: label?.pair ?? null })
    out.set(capture, list)
  }
  return out
}

/**
 * Two lines are one row when they go the same way and are equal or a mask of each other. The reader's own notes
 * (`TLS started: N further bytes`) are aligned with each other whatever their numbers: the encrypted byte counts of
 * two TLS sessions differ, and the comparison rule (./compare) does not read notes either.
 */
function matches(a: LaneLine, b: LaneLine): boolean {
  if (a.direction !== b.direction) return false
  return a.direction === 'note' || a.text === b.text || isMaskOf(a.text, b.text) || isMaskOf(b.text, a.text)
}

function kindOf(a: LaneLine, b: LaneLine): RowKind {
  return a.direction === 'note' || a.text === b.text ? 'same' : 'changed'
}

/** Rows of two copies aligned by a longest common subsequence of matching lines. */
export function alignRows(a: readonly LaneLine[], b: readonly LaneLine[]): LaneRow[] {
  const n = a.length
  const m = b.length
  // lcs[i][j]: length of the best alignment of a[i..] and b[j..] (a conversation is short: n·m stays small).
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = matches(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const rows: LaneRow[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && matches(a[i]!, b[j]!) && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1) {
      rows.push({ left: a[i]!, right: b[j]!, kind: kindOf(a[i]!, b[j]!) })
      i++
      j++
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      rows.push({ left: a[i++]!, right: null, kind: 'only-left' })
    else rows.push({ left: null, right: b[j++]!, kind: 'only-right' })
  }
  return rows
}

function lanePair(left: Copy | null, right: Copy | null): LanePair {
  const rows = left && right ? alignRows(left.lines, right.lines) : oneSide(left, right)
  const differences =
    left && right ? rows.filter((r) => r.kind !== 'same' && (r.left ?? r.right)?.direction !== 'note').length : 0
  return {
    left: left?.head ?? null,
    right: right?.head ?? null,
    rows: rows.slice(0, MAX_LANE_ROWS),
    hiddenRows: Math.max(0, rows.length - MAX_LANE_ROWS),
    differences,
  }
}

function oneSide(left: Copy | null, right: Copy | null): LaneRow[] {
  if (left) return left.lines.map((l) => ({ left: l, right: null, kind: 'only-left' as const }))
  return (right?.lines ?? []).map((l) => ({ left: null, right: l, kind: 'only-right' as const }))
}

function setLanes({ set, named, evidence }: SetEvidence): CaptureSetLanes {
  const copies = copiesOf(named, evidence)
  const [first, second] = set
  const head = (r: CaptureAdded | undefined) => (r ? { name: r.name, side: r.side } : null)
  if (!second) {
    const own = copies.get(first!.name) ?? []
    const onRight = first!.side === 'outside'
    const pairs = own.slice(0, MAX_LANE_PAIRS).map((c) => (onRight ? lanePair(null, c) : lanePair(c, null)))
    return {
      left: onRight ? null : head(first),
      right: onRight ? head(first) : null,
      status: 'one-side',
      pairs,
      hiddenPairs: Math.max(0, own.length - MAX_LANE_PAIRS),
      unpaired: 0,
    }
  }
  const lefts = copies.get(first!.name) ?? []
  const rights = copies.get(second.name) ?? []
  const all: LanePair[] = []
  for (const l of lefts) {
    const r = l.pair === null ? undefined : rights.find((x) => x.pair === l.pair)
    if (r) all.push(lanePair(l, r))
  }
  const unpaired = lefts.length + rights.length - 2 * all.length
  // Pairs the firewall changed first, so the proof is never among the pairs left out.
  const shown = [...all].sort((x, y) => Number(y.differences > 0) - Number(x.differences > 0)).slice(0, MAX_LANE_PAIRS)
  const status: SetStatus = all.length === 0 ? 'no-pairs' : all.some((p) => p.differences > 0) ? 'changed' : 'identical'
  return {
    left: head(first),
    right: head(second),
    status,
    pairs: shown,
    hiddenPairs: all.length - shown.length,
    unpaired,
  }
}

/** The lanes of every capture set of the case, in the order the captures were added. */
export function captureLanes(records: readonly CaptureAdded[]): CaptureSetLanes[] {
  return evidenceBySet(records).map(setLanes)
}
