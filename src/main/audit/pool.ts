/**
 * Runs an audit over worker threads (node:worker_threads), streaming: the walk is pulled one entry at a time, at
 * most `jobs × PER_WORKER` files are in flight, and results are handed on in walk order through a reorder buffer no
 * larger than that window, so memory stays flat however many files there are and the output is the same whatever
 * the number of threads. Rows are not kept: the caller's `onRow` prints or stores them; the summary counts them.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { AuditOutcome } from '../../shared/audit/row'
import { createSummary } from '../../shared/audit/summary'
import type { AuditRow, AuditSummary, SkippedFile } from '../../shared/audit/types'
import type { AuditResult, AuditTask } from './protocol'
import { countEntries, walk } from './walk'

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024
/** Tasks queued per worker: enough to keep it busy while its last answer travels back. */
const PER_WORKER = 4

export interface AuditOptions {
  paths: readonly string[]
  /** The built worker script (see worker-path.ts), or worker.ts under tsx in tests and benches. */
  workerFile: string
  /** Worker threads; default all cores. */
  jobs?: number
  maxBytes?: number
  onRow?: (row: AuditRow) => void
  onSkip?: (skip: SkippedFile) => void
  /** Called after each file; `total` is null until counted (counting is skipped without a progress callback). */
  onProgress?: (done: number, total: number | null) => void
  signal?: AbortSignal
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism())
}

function startWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file)
  // TypeScript sources (tests, benches) load through tsx's CommonJS hook: on Node 20 an `--import tsx` given to a
  // worker does not apply to the worker's own entry file. The build ships plain JavaScript and takes the line above.
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(file)})`
  return new Worker(boot, { eval: true })
}

type Slot = { outcome: AuditOutcome } | { skip: SkippedFile }

export async function runAudit(options: AuditOptions): Promise<AuditSummary> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs())
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const summary = createSummary()
  const total = options.onProgress ? await countEntries(options.paths, maxBytes) : null
  const workers = Array.from({ length: jobs }, () => startWorker(options.workerFile))
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]))
  const ready = new Map<number, Slot>()
  let nextSeq = 0
  let nextOut = 0
  let done = 0
  let wake: (() => void) | null = null
  let failure: Error | null = null
  let finished = false
  const poke = () => {
    const w = wake
    wake = null
    w?.()
  }
  options.signal?.addEventListener('abort', poke, { once: true })

  const emit = (slot: Slot) => {
    const skip = 'skip' in slot ? slot.skip : slot.outcome.kind === 'skip' ? slot.outcome : null
    if (skip) {
      const entry: SkippedFile = {
        file: skip.file,
        reason: skip.reason,
        ...(skip.detail ? { detail: skip.detail } : {}),
      }
      summary.addSkip(entry)
      options.onSkip?.(entry)
    } else if ('outcome' in slot && slot.outcome.kind === 'row') {
      // Counted whether or not anyone listens for rows (`onRow?.(addRow())` would skip the count).
      const row = summary.addRow(slot.outcome.row)
      options.onRow?.(row)
    }
    done++
    options.onProgress?.(done, total)
  }
  const flush = () => {
    for (let slot = ready.get(nextOut); slot; slot = ready.get(nextOut)) {
      ready.delete(nextOut)
      nextOut++
      emit(slot)
    }
  }
  for (const w of workers) {
    w.on('message', (result: AuditResult) => {
      busy.set(w, (busy.get(w) ?? 1) - 1)
      ready.set(result.seq, { outcome: result.outcome })
      flush()
      poke()
    })
    w.on('error', (error) => {
      failure ??= error
      poke()
    })
    // A worker that dies without an error event (killed, out of memory) must not leave the run waiting forever.
    w.on('exit', (code) => {
      if (!finished) failure ??= new Error(`audit worker stopped (exit code ${code})`)
      poke()
    })
  }

  try {
    const sleep = () =>
      new Promise<void>((resolve) => {
        wake = resolve
      })
    const window = jobs * PER_WORKER
    for await (const entry of walk(options.paths, maxBytes)) {
      // Back-pressure for every entry, skipped ones included: the reorder buffer never holds more than the window,
      // even when one slow file is followed by a million junk files.
      while (!failure && !options.signal?.aborted && nextSeq - nextOut >= window) await sleep()
      if (failure) throw failure
      if (options.signal?.aborted) break
      const seq = nextSeq++
      if (entry.kind === 'skip') {
        ready.set(seq, { skip: entry.skip })
        flush()
        continue
      }
      while (!failure && Math.min(...busy.values()) >= PER_WORKER) await sleep()
      if (failure) throw failure
      const worker = [...busy].sort((a, b) => a[1] - b[1])[0]![0]
      busy.set(worker, busy.get(worker)! + 1)
      const task: AuditTask = { seq, file: entry.file, maxBytes }
      worker.postMessage(task)
    }
    while (!failure && nextOut < nextSeq && !options.signal?.aborted) await sleep()
    if (failure) throw failure
  } finally {
    finished = true
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return summary.result()
}
