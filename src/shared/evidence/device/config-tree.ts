/**
 * A PIX/ASA configuration (show running-config, write terminal, a saved file) as an indented block tree.
 * Tolerated and skipped: `!` separators, blank lines, `: Saved`/`: end`/`:` headers, `Building configuration...`,
 * `Cryptochecksum:`, `[OK]`, `<--- More --->` pager residue and backspaces, trailing spaces. Every node keeps its
 * line number. A deeper line belongs to the nearest shallower line above it.
 */
import { blockOf, isSubCommandOnly, subCommandKeyword } from '../../devices/config-blocks'
import { cleanTerminalLine } from '../../text/terminal'
import { clip, type NumberedLine, numberLines } from '../types'

export { cleanTerminalLine }

export interface ConfigNode {
  /** The line without indentation and trailing spaces. */
  text: string
  line: number
  indent: number
  /** Read only: a leaf shares one empty array (most lines of a configuration are leaves). */
  children: readonly ConfigNode[]
}

/** The children of every leaf: one array instead of one per line, which a 100,000-line file feels in its GC. */
const NO_CHILDREN: readonly ConfigNode[] = Object.freeze([])

function adopt(parent: ConfigNode, child: ConfigNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [child]
  else (parent.children as ConfigNode[]).push(child)
}

const SKIP = /^(!.*|:.*|Building configuration\.\.\.|Cryptochecksum.*|\[OK\]|end)$/

/** How the block structure was read: as indented, rebuilt from keywords, or not recoverable for some lines. */
export interface ConfigStructure {
  state: 'indented' | 'recovered' | 'lost'
  /** Lines whose parent was found from their keyword, their indentation having been lost. */
  recovered: number
  /** Sub-commands (`inspect esmtp`, `class …`) that no open block above them can take: their place is unknown. */
  orphans: NumberedLine[]
}

export interface ConfigTree {
  roots: ConfigNode[]
  structure: ConfigStructure
}

/**
 * Builds the block tree line by line and hands over each top-level block (a root with everything under it) as soon as
 * it is complete, that is when the next top-level line arrives or at `end()`. A reader that keeps only what it needs
 * from each block (readDeviceConfig) never holds more than one block: a 100,000-line configuration is mostly
 * one- or few-line blocks (access-lists, objects, interfaces) that the SMTP rules do not read.
 *
 * Indentation decides where it is present; where a sub-command arrives no deeper than the line above it (indentation
 * lost), its keyword decides (src/shared/devices/config-blocks.ts): it goes under the nearest open block that takes
 * it, or is reported as an orphan.
 */
export class ConfigTreeBuilder {
  readonly structure: ConfigStructure = { state: 'indented', recovered: 0, orphans: [] }
  /** The open blocks, outermost first; a new top-level line empties it, so it only ever holds one root's chain. */
  private readonly stack: ConfigNode[] = []

  constructor(private readonly onRoot: (root: ConfigNode) => void) {}

  push(line: number, raw: string): void {
    const cleaned = cleanTerminalLine(clip(raw)).trimEnd()
    const text = cleaned.trimStart()
    if (text === '' || SKIP.test(text)) return
    const stack = this.stack
    const node: ConfigNode = { text, line, indent: cleaned.length - text.length, children: NO_CHILDREN }
    const top = stack[stack.length - 1]
    if (top && node.indent <= top.indent && isSubCommandOnly(text)) {
      const keyword = subCommandKeyword(text)
      let k = stack.length - 1
      while (k >= 0 && !blockOf(stack[k]!.text)?.children.includes(keyword)) k--
      if (k >= 0) {
        const parent = stack[k]!
        if (parent.indent >= node.indent) this.structure.recovered++
        node.indent = Math.max(node.indent, parent.indent + 1)
        stack.length = k + 1
        adopt(parent, node)
        stack.push(node)
        return
      }
    }
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= node.indent) {
      const closed = stack.pop()!
      if (stack.length === 0) this.onRoot(closed)
    }
    const parent = stack[stack.length - 1]
    if (parent) adopt(parent, node)
    else if (isSubCommandOnly(text)) this.structure.orphans.push({ line, text })
    stack.push(node)
  }

  /** Hands over the last block and settles how the structure was read. */
  end(): ConfigStructure {
    if (this.stack.length > 0) this.onRoot(this.stack[0]!)
    this.stack.length = 0
    const s = this.structure
    s.state = s.orphans.length > 0 ? 'lost' : s.recovered > 0 ? 'recovered' : 'indented'
    return s
  }
}

/** The whole block tree at once (the fix engine's config delta, the walkers below). */
export function readConfigTree(lines: readonly NumberedLine[]): ConfigTree {
  const roots: ConfigNode[] = []
  const builder = new ConfigTreeBuilder((root) => roots.push(root))
  for (const { line, text } of lines) builder.push(line, text)
  return { roots, structure: builder.end() }
}

export function parseConfigTree(lines: readonly NumberedLine[]): ConfigNode[] {
  return readConfigTree(lines).roots
}

/** Depth-first walk over all nodes. */
export function* walkConfig(nodes: readonly ConfigNode[]): Generator<ConfigNode> {
  for (const { node } of walkConfigWithParents(nodes)) yield node
}

/** Depth-first walk that hands each node with its ancestors, outermost first (`policy-map X`, `class Y`). */
export function* walkConfigWithParents(
  nodes: readonly ConfigNode[],
  parents: readonly ConfigNode[] = [],
): Generator<{ node: ConfigNode; parents: readonly ConfigNode[] }> {
  for (const node of nodes) {
    yield { node, parents }
    yield* walkConfigWithParents(node.children, [...parents, node])
  }
}

/**
 * The configuration lines that match `pattern`, each with its parents: `policy-map X > class Y > inspect esmtp Z`.
 * Read with the same tree (and cleaner) as the engine, so paged or flattened output gives the same paths.
 */
export function configLinePaths(text: string, pattern: RegExp): string[] {
  const out: string[] = []
  for (const { node, parents } of walkConfigWithParents(parseConfigTree(numberLines(text))))
    if (pattern.test(node.text)) out.push([...parents.map((p) => p.text), node.text].join(' > '))
  return out
}

/** The words of a config line; quoted strings are not special in the commands this engine reads. */
export function words(node: ConfigNode): string[] {
  return node.text.split(/\s+/)
}
