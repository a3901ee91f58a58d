/**
 * The built CLI (`node bin/unmask.js`, out/main/cli.js) spawned as a user runs it. Synchronous for commands that need
 * nothing from this process; asynchronous when a lab started by the test must keep serving meanwhile.
 */
import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

export const ROOT = join(import.meta.dirname, '..', '..')
export const BIN = join(ROOT, 'bin', 'unmask.js')
/** Tests of the built CLI need `npm run build` first (they run in CI after it). */
export const isBuilt = existsSync(join(ROOT, 'out', 'main', 'cli.js'))

export interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

/** The test's environment in English, without the runner's own language choices (a child would see the string
 * "undefined" for an undefined value, so those keys are removed rather than set). */
function baseEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', ...env }
  for (const key of ['UNMASK_LANG', 'LC_ALL', 'LC_MESSAGES']) if (!(key in env)) delete out[key]
  return out
}

export function unmask(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: baseEnv(env),
    input,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

export function unmaskAsync(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 90_000): Promise<Ran> {
  const child = spawn(process.execPath, [BIN, ...args], { env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  return finished(child, timeoutMs)
}

/** Collects a child's output until it exits; killed after `timeoutMs` so that nothing hangs. */
export function finished(child: ChildProcessByStdio<null, Readable, Readable>, timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
  })
}
