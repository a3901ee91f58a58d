/**
 * The guided capture's create/remove records across cases, oldest first: a run cut while working in one case is
 * still found when the engineer next connects to that device from another case (or from the CLI with a new case).
 * The newest MAX_CASES cases are read besides the current one; a capture older than that has almost surely gone
 * with a reload (captures are not part of the configuration), and `show capture` decides anyway before anything is
 * offered for removal.
 */
import { JOURNAL } from '../../shared/journal/events'
import type { CaseStore } from '../cases/case-store'

export const MAX_CASES = 50

const TYPES: ReadonlySet<string> = new Set([JOURNAL.captureCreated, JOURNAL.captureRemoved])

export function captureHistory(store: CaseStore, currentDir: string): Array<{ type: string; data: unknown }> {
  const dirs = new Set([
    currentDir,
    ...store
      .list()
      .slice(0, MAX_CASES)
      .map((c) => c.id),
  ])
  const found: Array<{ type: string; data: unknown; at: string; seq: number }> = []
  const seen = new Set<string>()
  for (const dir of dirs) {
    let detail: ReturnType<CaseStore['read']>
    try {
      detail = store.read(dir)
    } catch {
      // A case that cannot be read has nothing to say here.
      continue
    }
    // The current case is named by its folder, the others by id: read each once.
    if (seen.has(detail.id)) continue
    seen.add(detail.id)
    for (const e of detail.entries) if (TYPES.has(e.type)) found.push(e)
  }
  return found.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq)
}
