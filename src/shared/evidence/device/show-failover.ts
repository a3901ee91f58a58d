/** `show failover`: whether failover is on, which unit this is, and the state of both hosts. */
import { dispatch } from '../match'
import { clip, type NumberedLine } from '../types'
import { cleanTerminalLine } from './config-tree'
import type { Located } from './show-version'

export interface ShowFailover {
  enabled: Located<boolean> | null
  /** `Primary` or `Secondary`. */
  unit: Located<string> | null
  thisHost: Located<{ role: string; state: string }> | null
  otherHost: Located<{ role: string; state: string }> | null
  version: Located<string> | null
}

const HOST = /^(This|Other) host:\s*(\S+)\s*-\s*(.+)$/

export function parseShowFailover(lines: readonly NumberedLine[]): ShowFailover {
  const result: ShowFailover = { enabled: null, unit: null, thisHost: null, otherHost: null, version: null }
  for (const { line, text: raw } of lines) {
    const text = cleanTerminalLine(clip(raw)).trim()
    dispatch(text, [
      [/^Failover (On|Off)$/, (m) => (result.enabled = { value: m[1] === 'On', line })],
      [/^Failover unit (\S+)/, (m) => (result.unit = { value: m[1]!, line })],
      [/^Version: (.+)$/, (m) => (result.version = { value: m[1]!, line })],
      [
        HOST,
        (m) => {
          const value = { role: m[2]!, state: m[3]!.trim() }
          if (m[1] === 'This') result.thisHost = { value, line }
          else result.otherHost = { value, line }
        },
      ],
    ])
  }
  return result
}
