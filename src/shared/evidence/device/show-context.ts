/**
 * `show context` in multiple-context mode. The admin context is marked with `*`; long interface lists wrap onto
 * indented continuation lines.
 */
import { clip, type NumberedLine } from '../types'
import { cleanTerminalLine } from './config-tree'

export interface SecurityContext {
  name: string
  admin: boolean
  className: string
  interfaces: string[]
  mode: string
  url: string
  line: number
}

const HEADER = /^Context Name\s+Class\s+Interfaces/
const ROW = /^(\*?)(\S+)\s+(\S+)\s+(\S+)\s+(Routed|Transparent)\s+(\S+)/i
const TOTAL = /^Total active Security Contexts:\s*(\d+)/

export interface ShowContext {
  contexts: SecurityContext[]
  totalActive: number | null
}

export function parseShowContext(lines: readonly NumberedLine[]): ShowContext {
  const contexts: SecurityContext[] = []
  let totalActive: number | null = null
  let inTable = false
  for (const { line, text: raw } of lines) {
    const text = cleanTerminalLine(clip(raw))
    const trimmed = text.trim()
    if (HEADER.test(trimmed)) {
      inTable = true
      continue
    }
    const total = TOTAL.exec(trimmed)
    if (total) {
      totalActive = Number(total[1])
      inTable = false
      continue
    }
    if (!inTable || trimmed === '') continue
    const row = ROW.exec(trimmed)
    if (row && !/^\s/.test(text)) {
      contexts.push({
        name: row[2]!,
        admin: row[1] === '*',
        className: row[3]!,
        interfaces: row[4]!.split(',').filter(Boolean),
        mode: row[5]!,
        url: row[6]!,
        line,
      })
    } else if (/^\s/.test(text) && contexts.length > 0) {
      contexts[contexts.length - 1]!.interfaces.push(...trimmed.split(',').filter(Boolean))
    }
  }
  return { contexts, totalActive }
}
