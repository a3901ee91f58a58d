/**
 * Captures a guided run created and did not see removed: every `capture.created` of a device without a later
 * `capture.removed` (outcome `removed` or `absent`) for the same device and name. The journal is written before each
 * capture line is typed, so a run cut anywhere — connection lost, app closed — leaves its captures findable here;
 * the next session on that device offers to remove them.
 */

import { captureCreatedData, captureRemovedData } from '../../journal/capture-schema'
import { JOURNAL } from '../../journal/events'

export interface Leftover {
  /** A capture, or one of our access-lists (the access-list form). */
  kind: 'capture' | 'acl'
  name: string
  interface: string
  /** The line that created it: `show capture` must still show this capture before it is removed. */
  command: string
  runId: string
}

/** Whether two journal device records name the same device (the peer, and the hostname when both know it). */
function sameDevice(a: { peer: string; device: string }, b: { peer: string; device: string }): boolean {
  return a.peer === b.peer && (a.device === '' || b.device === '' || a.device === b.device)
}

export function captureLeftovers(
  entries: ReadonlyArray<{ type: string; data: unknown }>,
  target: { peer: string; device: string },
): Leftover[] {
  const open = new Map<string, Leftover>()
  for (const entry of entries) {
    if (entry.type === JOURNAL.captureCreated) {
      const created = captureCreatedData.safeParse(entry.data)
      if (!created.success || !sameDevice(created.data, target)) continue
      const { kind, name, interface: iface, command, runId } = created.data
      // An ACL's two entries are one leftover (same key): the cleanup removes the whole ACL.
      open.set(`${kind}:${name.toLowerCase()}`, { kind, name, interface: iface, command, runId })
    } else if (entry.type === JOURNAL.captureRemoved) {
      const removed = captureRemovedData.safeParse(entry.data)
      if (!removed.success || !sameDevice(removed.data, target)) continue
      if (removed.data.outcome === 'removed' || removed.data.outcome === 'absent')
        open.delete(`${removed.data.kind}:${removed.data.name.toLowerCase()}`)
    }
  }
  return [...open.values()]
}
