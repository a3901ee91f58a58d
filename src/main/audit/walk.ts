/**
 * Walks the folders and files given to `unmask audit` in a stable order (names sorted per folder), one entry at a
 * time so a fleet of any size is never listed in memory at once. Symbolic links are followed, with loops caught by
 * the device and inode of every folder on the current path; version-control folders (RANCID keeps its configs in
 * CVS, Subversion or git working copies) are reported once and not entered.
 */
import type { Dirent, Stats } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SkippedFile } from '../../shared/audit/types'

export type WalkEntry = { kind: 'file'; file: string; size: number } | { kind: 'skip'; skip: SkippedFile }

const VCS_FOLDERS = new Set(['.git', '.svn', '.hg', 'CVS'])

const key = (s: Stats) => `${s.dev}:${s.ino}`

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}

async function* walkPath(path: string, ancestors: Set<string>, maxBytes: number): AsyncGenerator<WalkEntry> {
  let info: Stats
  try {
    info = await stat(path)
  } catch (error) {
    const code = errorCode(error)
    // ELOOP: a link that points (through others) back to itself.
    yield { kind: 'skip', skip: { file: path, reason: code === 'ELOOP' ? 'symlink-loop' : 'unreadable', detail: code } }
    return
  }
  if (info.isFile()) {
    if (info.size > maxBytes)
      yield { kind: 'skip', skip: { file: path, reason: 'too-large', detail: `${info.size} bytes` } }
    else yield { kind: 'file', file: path, size: info.size }
    return
  }
  if (!info.isDirectory()) {
    yield { kind: 'skip', skip: { file: path, reason: 'not-regular' } }
    return
  }
  const id = key(info)
  if (ancestors.has(id)) {
    yield { kind: 'skip', skip: { file: path, reason: 'symlink-loop' } }
    return
  }
  let entries: Dirent[]
  try {
    entries = await readdir(path, { withFileTypes: true })
  } catch (error) {
    yield { kind: 'skip', skip: { file: path, reason: 'unreadable', detail: errorCode(error) } }
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  ancestors.add(id)
  for (const entry of entries) {
    const child = join(path, entry.name)
    if (entry.isDirectory() && VCS_FOLDERS.has(entry.name)) {
      yield { kind: 'skip', skip: { file: child, reason: 'vcs-folder' } }
      continue
    }
    yield* walkPath(child, ancestors, maxBytes)
  }
  ancestors.delete(id)
}

/** Every file under the given paths, or why it is left out. */
export async function* walk(paths: readonly string[], maxBytes: number): AsyncGenerator<WalkEntry> {
  for (const path of paths) yield* walkPath(path, new Set(), maxBytes)
}

/** How many entries `walk` will yield (for progress and ETA); a cheap pass over folder listings only. */
export async function countEntries(paths: readonly string[], maxBytes: number): Promise<number> {
  let n = 0
  for await (const _ of walk(paths, maxBytes)) n++
  return n
}
