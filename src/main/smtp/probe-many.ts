/**
 * Many probes at once, at most `concurrency` in flight (default 8), each result handed out as soon as it
 * is ready, with progress. Stopping the iteration (break, return, abort signal) cancels the probes still
 * running: each then ends as `aborted` and no socket stays open.
 */
import { setMaxListeners } from 'node:events'
import { DEFAULT_CONCURRENCY } from '../../shared/probe/concurrency'
import type { ProbeResult, ProbeTarget } from '../../shared/probe/types'
import { type ProbeRunOptions, probe } from './probe'

export interface BatchOptions extends ProbeRunOptions {
  concurrency?: number
}

export interface BatchProgress {
  /** Position of the target in the input list. */
  index: number
  result: ProbeResult
  done: number
  total: number
}

export async function* probeMany(
  targets: readonly ProbeTarget[],
  options: BatchOptions = {},
): AsyncGenerator<BatchProgress, void, undefined> {
  const { concurrency = DEFAULT_CONCURRENCY, signal, ...probeOptions } = options
  const limit = Math.max(1, Math.floor(concurrency))
  const stop = new AbortController()
  // Every probe in flight listens on the same signal.
  setMaxListeners(limit + 10, stop.signal)
  const onAbort = () => stop.abort()
  signal?.addEventListener('abort', onAbort)
  if (signal?.aborted) stop.abort()
  const running = new Map<number, Promise<{ index: number; result: ProbeResult }>>()
  let next = 0
  let done = 0
  const launch = () => {
    while (running.size < limit && next < targets.length) {
      const index = next++
      running.set(
        index,
        probe(targets[index]!, { ...probeOptions, signal: stop.signal }).then((result) => ({ index, result })),
      )
    }
  }
  try {
    launch()
    while (running.size > 0) {
      const { index, result } = await Promise.race(running.values())
      running.delete(index)
      launch()
      yield { index, result, done: ++done, total: targets.length }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    if (running.size > 0) {
      stop.abort()
      await Promise.all(running.values())
    }
  }
}

/** All results in input order, with an optional progress callback. */
export async function probeAll(
  targets: readonly ProbeTarget[],
  options: BatchOptions = {},
  onProgress?: (progress: BatchProgress) => void,
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = new Array(targets.length)
  for await (const progress of probeMany(targets, options)) {
    results[progress.index] = progress.result
    onProgress?.(progress)
  }
  return results
}
