/**
 * `unmask audit` throughput: 10,000 generated device configurations of about 500 lines each (the test fleet's real
 * shapes: ASA 8.x/9.x, PIX 6/7, FWSM, FTD; RANCID, Oxidized and plain layouts) audited with one worker thread and
 * with all cores; then 2,500 / 5,000 / 10,000 files with all cores to show the time growing linearly; and the peak
 * memory of the process (workers included) sampled while it runs, which should stay flat as the fleet grows.
 * Figures only, no thresholds. `npm run bench -- audit` runs this one alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultJobs, runAudit } from '../../src/main/audit/pool'
import { device, type Kind, oxidized, rancid } from '../../tests/main/audit/fleet'

const WORKER = join(__dirname, '..', '..', 'src', 'main', 'audit', 'worker.ts')
const KINDS: Kind[] = ['asa9-active', 'asa8-allow-tls', 'asa9-off', 'fwsm-active', 'ftd-active', 'pix7-active-bug']
const PER_DIR = 2_500
const LINES = 500

function generate(root: string, dirs: number): number {
  let lines = 0
  for (let d = 0; d < dirs; d++) {
    const dir = join(root, `group-${d}`)
    mkdirSync(dir, { recursive: true })
    for (let i = 0; i < PER_DIR; i++) {
      const n = d * PER_DIR + i
      const { text, expected } = device(KINDS[n % KINDS.length]!, `fw-${n}`, n, LINES)
      const v = expected?.version ?? null
      const stored = n % 3 === 0 && v ? rancid(text, v) : n % 3 === 1 && v ? oxidized(text, v) : text
      lines += stored.split('\n').length
      writeFileSync(join(dir, `fw-${n}`), stored)
    }
  }
  return lines
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`

async function measure(paths: string[], jobs: number) {
  let peak = process.memoryUsage().rss
  let heap = process.memoryUsage().heapUsed
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    peak = Math.max(peak, m.rss)
    heap = Math.max(heap, m.heapUsed)
  }, 20)
  const start = performance.now()
  const summary = await runAudit({ paths, workerFile: WORKER, jobs })
  const ms = performance.now() - start
  clearInterval(timer)
  return { ms, devices: summary.devices, peak: Math.max(peak, process.memoryUsage().rss), heap }
}

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'unmask-audit-bench-'))
  try {
    const genStart = performance.now()
    const lines = generate(root, 4)
    const groups = [0, 1, 2, 3].map((d) => join(root, `group-${d}`))
    console.log(
      `generated 10,000 files, ${(lines / 10_000).toFixed(0)} lines each on average, in ${((performance.now() - genStart) / 1000).toFixed(1)} s`,
    )
    const cores = defaultJobs()
    // One run to warm the file cache and the workers' module loading, not reported.
    await measure(groups.slice(0, 1), cores)
    const single = await measure(groups, 1)
    console.log(
      `10,000 files, 1 worker thread:  ${(single.ms / 1000).toFixed(1)} s (${((single.devices * 1000) / single.ms).toFixed(0)} files/s), peak RSS ${mib(single.peak)}, main-thread heap ${mib(single.heap)}`,
    )
    for (const count of [1, 2, 4]) {
      const r = await measure(groups.slice(0, count), cores)
      const files = count * PER_DIR
      console.log(
        `${files.toLocaleString('en')} files, ${cores} worker threads: ${(r.ms / 1000).toFixed(1)} s (${((r.devices * 1000) / r.ms).toFixed(0)} files/s, ${(r.ms / files).toFixed(2)} ms/file), peak RSS ${mib(r.peak)}, main-thread heap ${mib(r.heap)}`,
      )
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
