/**
 * What one remediation step (apply, verify, save) may use: the device link, the case journal, the token book and
 * the device as last read. Read-only: a step returns what changed (verify returns the snapshot it read) and
 * RemediationRun, which owns the state, keeps it. Steps never import RemediationRun, so there is no import cycle.
 */
import type { SentLine } from '../../shared/fix/types'
import type { DeviceLink } from './device-link'
import type { FixJournal } from './fix-journal'
import type { TokenBook } from './token'
import type { DeviceSnapshot } from './types'

export interface StepContext {
  readonly link: DeviceLink
  readonly journal: FixJournal
  readonly tokens: TokenBook
  /** The device as last read (null before the first read). */
  readonly snapshot: DeviceSnapshot | null
  /** Observer of each configuration line as it is journalled (live progress in the fix dialog). */
  readonly onLine?: (line: SentLine) => void
}

/** The device part of a token's binding: peer, hostname and security context. */
export function deviceKey(link: Pick<DeviceLink, 'peer'>, snapshot: DeviceSnapshot): string {
  return `${link.peer}|${snapshot.hostname}|${snapshot.context ?? ''}`
}
