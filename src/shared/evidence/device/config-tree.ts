/**
 * A PIX/ASA configuration (show running-config, write terminal, a saved file) as an indented block tree.
 * Tolerated and skipped: `!` separators, blank lines, `: Saved`/`: end`/`:` headers, `Building configuration...`,
 * `Cryptochecksum:`, `[OK]`, `<--- More --->` pager residue and backspaces, trailing spaces. Every node keeps its
 * line number. A deeper line belongs to the nearest shallower line above it.
 */
import { cleanTerminalLine } from '../../text/terminal'
import { clip, type NumberedLine } from '../types'

export { cleanTerminalLine }

export interface ConfigNode {
  /** The line without indentation and trailing spaces. */
  text: string
  line: number
  indent: number
  children: ConfigNode[]
}

const SKIP = /^(!.*|:.*|Building configuration\.\.\.|Cryptochecksum.*|\[OK\]|end)$/

export function parseConfigTree(lines: readonly NumberedLine[]): ConfigNode[] {
  const roots: ConfigNode[] = []
  const stack: ConfigNode[] = []
  for (const { line, text: raw } of lines) {
    const cleaned = cleanTerminalLine(clip(raw)).trimEnd()
    const text = cleaned.trimStart()
    if (text === '' || SKIP.test(text)) continue
    const indent = cleaned.length - text.length
    const node: ConfigNode = { text, line, indent, children: [] }
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(node)
    else roots.push(node)
    stack.push(node)
  }
  return roots
}

/** Depth-first walk over all nodes. */
export function* walkConfig(nodes: readonly ConfigNode[]): Generator<ConfigNode> {
  for (const n of nodes) {
    yield n
    yield* walkConfig(n.children)
  }
}

/** The words of a config line; quoted strings are not special in the commands this engine reads. */
export function words(node: ConfigNode): string[] {
  return node.text.split(/\s+/)
}
