/**
 * A recorded probe (`probe.result`) as the report shows it: the dialog line by line with the lines that prove
 * masking marked, the STARTTLS and TLS outcome in one word each, and the phase timings for the chart.
 */
import type { Redactor } from '../redaction'
import type { ProbeResultData } from './entries'
import type { LineMark, ProbeComparison, ProbeLineView, ProbeView, StarttlsState } from './model'

/** A banner rewritten by MailGuard / mask-banner: a run of asterisks, or the old PIX `SMTP/cmap` text. */
const MASKED_BANNER = /\*{3,}|SMTP\/cmap_/
/** A client command overwritten with X's by the firewall (seen when the probe itself runs behind it). */
const MASKED_COMMAND = /^X{4,}/

export function formatTarget(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

function starttlsState(p: ProbeResultData): StarttlsState {
  if (p.starttls?.masked) return 'masked'
  if (p.starttls?.advertised) return 'offered'
  if (p.greeting) return 'absent'
  return 'unknown'
}

function markOf(
  p: ProbeResultData,
  line: ProbeResultData['transcript'][number],
  maskedLines: Set<number>,
): LineMark | undefined {
  if (maskedLines.has(line.line)) return 'masked'
  if (line.direction === 'client' && MASKED_COMMAND.test(line.text)) return 'masked'
  const reply = p.starttls?.reply
  if (reply && reply.code >= 400 && line.line >= reply.firstLine && line.line <= reply.lastLine) return 'rejected'
  if (line.direction === 'note' && line.phase === 'tls') return p.tls?.established ? 'tls' : 'error'
  return undefined
}

export function probeView(
  p: ProbeResultData,
  entry: { seq: number; at: string },
  when: ProbeView['when'],
  redactor: Redactor,
): ProbeView {
  const target = formatTarget(p.target.host, p.target.port)
  const vantage = p.target.vantage ? redactor.text(p.target.vantage) : undefined
  const bannerText = p.banner?.lines.join(' ') ?? ''
  const bannerMasked = MASKED_BANNER.test(bannerText)
  const maskedLines = new Set<number>()
  for (const e of p.greeting?.extensions ?? []) if (e.masked) maskedLines.add(e.line)
  if (bannerMasked && p.banner) for (let n = p.banner.firstLine; n <= p.banner.lastLine; n++) maskedLines.add(n)
  const lines: ProbeLineView[] = p.transcript.map((l) => ({
    n: l.line,
    direction: l.direction,
    phase: l.phase,
    atMs: l.atMs,
    text: redactor.device(l.text),
    mark: markOf(p, l, maskedLines),
  }))
  const reply = p.starttls?.sent ? p.starttls.reply : undefined
  return {
    seq: entry.seq,
    at: entry.at,
    when,
    path: vantage ? `${vantage} · ${target}` : target,
    vantage,
    target,
    address: p.address,
    startedAt: p.startedAt,
    durationMs: p.durationMs,
    outcome: p.outcome,
    errorCode: p.error?.code,
    errorPhase: p.error?.phase,
    banner: p.banner ? redactor.device(bannerText) : undefined,
    bannerMasked,
    starttls: starttlsState(p),
    starttlsReply: reply ? redactor.device(`${reply.code} ${reply.lines.join(' ')}`.trim()) : undefined,
    tls: p.tls
      ? {
          established: p.tls.established,
          protocol: p.tls.protocol,
          cipher: p.tls.cipher,
          trusted: p.tls.verification?.trusted,
          error: p.tls.error ? redactor.text(p.tls.error) : undefined,
        }
      : undefined,
    phases: p.phases,
    lines,
  }
}

/**
 * Pairs the latest "before" and the latest "after" probe of each path, in the order paths were first probed. A probe
 * between changes (of a state a later change replaced) is neither: it stays in the appendix only.
 */
export function compareProbes(probes: readonly ProbeView[]): ProbeComparison[] {
  const byPath = new Map<string, ProbeComparison>()
  for (const p of probes) {
    const c = byPath.get(p.path) ?? { path: p.path }
    if (p.when === 'before') c.before = p
    else if (p.when === 'after') c.after = p
    else continue
    byPath.set(p.path, c)
  }
  return [...byPath.values()]
}
