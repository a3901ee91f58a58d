/**
 * Which configuration lines open a block and which sub-commands belong in it, as data, so that a configuration
 * whose indentation was lost (copied from a web page, re-flowed by a mail client) can be put back into shape.
 * Only sub-commands that are never top-level commands are listed: a flat `inspect esmtp` can only belong to the
 * nearest `class` above it, and a flat `class inspection_default` to the nearest `policy-map`. `service-policy` is
 * left out on purpose: at the top level it is the binding, and a hierarchical policy inside a class is rare.
 *
 * Sources: the ASA 9.x CLI book 2 (application inspection: `policy-map` > `class` > `inspect`; `policy-map type
 * inspect esmtp` > `parameters` > `mask-banner`/`mail-relay`/`special-character`/`allow-tls`, > `match … `) and the
 * FWSM 3.x configuration guide, which uses the same MPF layout.
 */

export interface ConfigBlock {
  /** What the block's first line looks like. */
  opener: RegExp
  /** First word (or `no` + word) of the lines that belong inside it. */
  children: readonly string[]
}

const CLASS_ACTIONS = [
  'inspect',
  'no inspect',
  'set',
  'police',
  'priority',
  'shape',
  'user-statistics',
  'sfr',
  'cxsc',
  'ips',
  'csc',
  'flow-export',
  'drop-connection',
]

const ESMTP_PARAMETERS = [
  'allow-tls',
  'no allow-tls',
  'mask-banner',
  'no mask-banner',
  'mail-relay',
  'no mail-relay',
  'special-character',
  'no special-character',
]

/** Deepest first: a line is tried against the innermost open block, then outwards. */
export const CONFIG_BLOCKS: readonly ConfigBlock[] = [
  { opener: /^parameters$/, children: ESMTP_PARAMETERS },
  { opener: /^class (?!-map)\S+/, children: CLASS_ACTIONS },
  { opener: /^match (?:not )?\S+/, children: ['drop-connection', 'reset', 'log', 'mask', 'drop', 'rate-limit'] },
  { opener: /^policy-map type inspect \S+ \S+/, children: ['parameters', 'match', 'description', 'class'] },
  { opener: /^policy-map (?!type )\S+/, children: ['class', 'description'] },
  { opener: /^class-map /, children: ['match', 'description'] },
]

/** The keyword a flattened line starts with, for looking it up in CONFIG_BLOCKS. */
export function subCommandKeyword(text: string): string {
  const w = text.split(/\s+/, 2)
  return w[0] === 'no' && w[1] ? `no ${w[1]}` : (w[0] ?? '')
}

/** The block rule for an opener line, if it opens one. */
export function blockOf(text: string): ConfigBlock | null {
  return CONFIG_BLOCKS.find((b) => b.opener.test(text)) ?? null
}

/** Every keyword some block takes, for a constant-time test per line (a configuration has 100,000s of lines). */
const SUB_COMMANDS = new Set(CONFIG_BLOCKS.flatMap((b) => b.children))
const FIRST_WORDS = new Set([...SUB_COMMANDS].map((k) => k.split(' ')[0]!))

/** Whether a line can only be a sub-command of some block (never a top-level command). */
export function isSubCommandOnly(text: string): boolean {
  const space = text.indexOf(' ')
  if (!FIRST_WORDS.has(space < 0 ? text : text.slice(0, space))) return false
  return SUB_COMMANDS.has(subCommandKeyword(text))
}
