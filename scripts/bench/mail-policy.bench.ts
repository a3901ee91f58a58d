/**
 * TLS-RPT ingestion (issue 17), as `unmask analyze` does it: one report with 20,000 failure-detail records (a large
 * sender's busy day: 3 MX hosts, thousands of sending MTAs), and a folder of 1,000 daily reports (gzip, as RFC 8460
 * §5.3 sends them). Both derived from the RFC 8460 appendix B example (tests/fixtures/tlsrpt, source in its README),
 * addresses from the documentation ranges (RFC 5737/3849). Figures: the engine alone (analyzeTexts: parse + rules +
 * diagnosis) and the whole command in-process (`unmask analyze … --json`: read, gunzip, analyse, JSON), medians of
 * 3 runs. Each run checks that the failing MX and the counts come out right, so a fast wrong answer is not a figure.
 * Figures only, no thresholds. `npm run bench -- mail-policy` runs this one alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { analyzeTexts } from '../../src/shared/diagnosis'
import { RFC_EXAMPLE } from '../../tests/shared/mail-policy/tlsrpt-fixtures'
import { runUnmask } from '../../tests/support/cli'

const MX = ['mx1.company-y.example', 'mx2.company-y.example', 'mx3.company-y.example']
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

type Report = {
  'date-range': { 'start-datetime': string; 'end-datetime': string }
  policies: { summary: Record<string, number>; 'failure-details'?: Record<string, unknown>[] }[]
}

/** The RFC example on `day` with `records` failure-detail records (every 10th a certificate failure, not STARTTLS). */
function report(day: string, records: number, successes: number): string {
  const r = JSON.parse(RFC_EXAMPLE()) as Report
  r['date-range'] = { 'start-datetime': `${day}T00:00:00Z`, 'end-datetime': `${day}T23:59:59Z` }
  const p = r.policies[0]!
  p['failure-details'] = Array.from({ length: records }, (_, i) => ({
    'result-type': i % 10 === 9 ? 'certificate-expired' : 'starttls-not-supported',
    'sending-mta-ip': i % 2 ? `198.51.100.${i % 250}` : `2001:db8:${(i >> 8).toString(16)}::${(i % 250).toString(16)}`,
    'receiving-mx-hostname': MX[i % MX.length],
    'failed-session-count': 1 + (i % 7),
  }))
  const failed = p['failure-details'].reduce((n, f) => n + Number(f['failed-session-count']), 0)
  p.summary = { 'total-successful-session-count': successes, 'total-failure-session-count': failed }
  return JSON.stringify(r, null, 2)
}

function day(n: number): string {
  return new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

/** The analysis must name the failing MX hosts with STARTTLS missing, or the figure is of a wrong answer. */
function check(ids: readonly string[], label: string): void {
  if (!ids.includes('tlsrpt.starttls-not-supported')) throw new Error(`${label}: no starttls-not-supported finding`)
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unmask-tlsrpt-bench-'))
  try {
    const big = report(day(0), 20_000, 1_000_000)
    const bigFile = join(dir, 'google-20000-failures.json.gz')
    writeFileSync(bigFile, gzipSync(big))
    const folder = join(dir, 'reports')
    mkdirSync(folder)
    const daily: string[] = []
    for (let n = 0; n < 1_000; n++) {
      // Clean for 900 days, then STARTTLS starts failing (the day a firewall changed).
      const text = report(day(n), n < 900 ? 0 : 20, 5_000)
      daily.push(text)
      writeFileSync(join(folder, `${day(n)}-google.json.gz`), gzipSync(text))
    }
    console.log(
      `one report: 20,000 failure records, ${(big.length / 1024 / 1024).toFixed(1)} MiB of JSON; folder: 1,000 reports, ${(daily.reduce((n, t) => n + t.length, 0) / 1024 / 1024).toFixed(1)} MiB of JSON`,
    )

    const engineBig: number[] = []
    const engineFolder: number[] = []
    const cliBig: number[] = []
    const cliFolder: number[] = []
    for (let i = 0; i < 3; i++) {
      const a = timed(() => analyzeTexts([{ source: 'big.json', text: big }]))
      check(
        a.value.findings.map((f) => f.id),
        'engine, one report',
      )
      engineBig.push(a.ms)
      const b = timed(() => analyzeTexts(daily.map((text, n) => ({ source: `${day(n)}.json`, text }))))
      check(
        b.value.findings.map((f) => f.id),
        'engine, folder',
      )
      engineFolder.push(b.ms)
      const c = await timedAsync(() => runUnmask(['analyze', bigFile, '--json']))
      if (c.value.code !== 1) throw new Error(`unmask analyze (one report) exited ${c.value.code}: ${c.value.stderr}`)
      check(c.value.stdout.match(/"id": "tlsrpt\.[a-z-]+"/g)?.map((s) => s.slice(7, -1)) ?? [], 'cli, one report')
      cliBig.push(c.ms)
      const d = await timedAsync(() => runUnmask(['analyze', folder, '--json']))
      if (d.value.code !== 1) throw new Error(`unmask analyze (folder) exited ${d.value.code}: ${d.value.stderr}`)
      check(d.value.stdout.match(/"id": "tlsrpt\.[a-z-]+"/g)?.map((s) => s.slice(7, -1)) ?? [], 'cli, folder')
      cliFolder.push(d.ms)
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
    console.log(`engine (analyzeTexts), 20,000-failure report: ${s(median(engineBig))} (median of 3)`)
    console.log(`engine (analyzeTexts), folder of 1,000 reports: ${s(median(engineFolder))} (median of 3)`)
    console.log(`unmask analyze FILE.json.gz --json (in-process), 20,000-failure report: ${s(median(cliBig))}`)
    console.log(`unmask analyze FOLDER --json (in-process), 1,000 gzip reports: ${s(median(cliFolder))}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
