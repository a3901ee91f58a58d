/** Where the lab keeps what should survive a restart: the mail host's certificate, SSH host keys, saved configs. */
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultLabStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.UNMASK_HOME) return join(env.UNMASK_HOME, 'lab')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Unmask', 'lab')
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return dir
}
