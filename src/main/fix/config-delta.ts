/**
 * What differs between two running-configs, line by line with each line's parents (`policy-map global_policy >
 * class inspection_default > inspect esmtp`). Used to say exactly what is in place after a lost connection and to
 * show the change a run made.
 */
import { type ConfigNode, parseConfigTree } from '../../shared/evidence/device/config-tree'
import { numberLines } from '../../shared/evidence/types'
import type { ConfigDelta } from './types'

function paths(text: string): string[] {
  const out: string[] = []
  const walk = (nodes: readonly ConfigNode[], parents: string[]) => {
    for (const n of nodes) {
      const path = [...parents, n.text]
      out.push(path.join(' > '))
      walk(n.children, path)
    }
  }
  walk(parseConfigTree(numberLines(text)), [])
  return out
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const p of list) m.set(p, (m.get(p) ?? 0) + 1)
  return m
}

export function configDelta(before: string, after: string): ConfigDelta {
  const a = paths(before)
  const b = paths(after)
  const ca = counts(a)
  const cb = counts(b)
  const added = b.filter((p) => {
    const left = ca.get(p) ?? 0
    if (left > 0) {
      ca.set(p, left - 1)
      return false
    }
    return true
  })
  const removed = a.filter((p) => {
    const left = cb.get(p) ?? 0
    if (left > 0) {
      cb.set(p, left - 1)
      return false
    }
    return true
  })
  return { added, removed }
}
