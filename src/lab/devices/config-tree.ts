/**
 * A running-config as the device keeps it: top-level lines with indented children (one space per level, as Cisco
 * prints them). The lab's own small model; it shares nothing with the evidence parsers in src/shared.
 */
export interface ConfigNode {
  line: string
  children: ConfigNode[]
}

export function parseConfig(text: string): ConfigNode[] {
  const root: ConfigNode = { line: '', children: [] }
  const stack: Array<{ depth: number; node: ConfigNode }> = [{ depth: -1, node: root }]
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '')
    if (line === '') continue
    const depth = line.length - line.trimStart().length
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop()
    const node: ConfigNode = { line: line.trim(), children: [] }
    stack[stack.length - 1]!.node.children.push(node)
    stack.push({ depth, node })
  }
  return root.children
}

export function renderConfig(nodes: ConfigNode[], depth = 0): string[] {
  const lines: string[] = []
  for (const node of nodes) {
    lines.push(`${' '.repeat(depth)}${node.line}`)
    lines.push(...renderConfig(node.children, depth + 1))
  }
  return lines
}

export function cloneConfig(nodes: ConfigNode[]): ConfigNode[] {
  return nodes.map((n) => ({ line: n.line, children: cloneConfig(n.children) }))
}

export function findChild(nodes: ConfigNode[], line: string): ConfigNode | undefined {
  return nodes.find((n) => n.line === line)
}

/** Finds the child with exactly this line, or appends it. */
export function ensureChild(nodes: ConfigNode[], line: string, before?: (n: ConfigNode) => boolean): ConfigNode {
  const existing = findChild(nodes, line)
  if (existing) return existing
  const node: ConfigNode = { line, children: [] }
  const index = before ? nodes.findIndex(before) : -1
  if (index === -1) nodes.push(node)
  else nodes.splice(index, 0, node)
  return node
}

/** Removes children whose line matches; returns how many went. */
export function removeChildren(nodes: ConfigNode[], match: (line: string) => boolean): number {
  let removed = 0
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (match(nodes[i]!.line)) {
      nodes.splice(i, 1)
      removed += 1
    }
  }
  return removed
}

/** Follows a path of exact lines from the top; undefined if any step is missing. */
export function nodeAt(nodes: ConfigNode[], path: string[]): ConfigNode | undefined {
  let level = nodes
  let node: ConfigNode | undefined
  for (const line of path) {
    node = findChild(level, line)
    if (!node) return undefined
    level = node.children
  }
  return node
}

/**
 * Adds a top-level line where the device would print it: after the last line of the same kind (first word), with
 * `policy-map type inspect` maps before the ordinary policy-maps that use them.
 */
export function insertTopLevel(config: ConfigNode[], line: string): ConfigNode {
  const existing = findChild(config, line)
  if (existing) return existing
  const node: ConfigNode = { line, children: [] }
  const kind = line.split(' ')[0]
  const isInspectMap = line.startsWith('policy-map type inspect ')
  let index = -1
  if (isInspectMap) {
    index = config.findIndex((n) => n.line.startsWith('policy-map ') && !n.line.startsWith('policy-map type '))
    if (index !== -1) {
      config.splice(index, 0, node)
      return node
    }
  }
  for (let i = config.length - 1; i >= 0; i--) {
    if (config[i]!.line.split(' ')[0] === kind) {
      index = i + 1
      break
    }
  }
  if (index === -1) {
    const end = config.findIndex((n) => n.line.startsWith('Cryptochecksum') || n.line === ': end')
    index = end === -1 ? config.length : end
  }
  config.splice(index, 0, node)
  return node
}
