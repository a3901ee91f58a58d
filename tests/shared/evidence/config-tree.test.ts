/**
 * Issue 15 point 6: one configuration tree walker. The fix verification (src/main/fix/verify-checks.ts) quotes the
 * lines it checked with their parents through configLinePaths, read by the engine's own tree and cleaner.
 */
import { describe, expect, it } from 'vitest'
import {
  configLinePaths,
  parseConfigTree,
  walkConfig,
  walkConfigWithParents,
} from '../../../src/shared/evidence/device/config-tree'
import { numberLines } from '../../../src/shared/evidence/types'

const CONFIG = [
  'policy-map type inspect esmtp TLS_OK',
  ' parameters',
  '  allow-tls',
  'policy-map global_policy',
  ' class inspection_default',
  '  inspect esmtp TLS_OK',
  '  inspect ftp',
  'service-policy global_policy global',
].join('\n')

describe('config tree walker', () => {
  it('hands every node with its ancestors, outermost first', () => {
    const walked = [...walkConfigWithParents(parseConfigTree(numberLines(CONFIG)))]
    const esmtp = walked.find((w) => w.node.text === 'inspect esmtp TLS_OK')!
    expect(esmtp.parents.map((p) => p.text)).toEqual(['policy-map global_policy', 'class inspection_default'])
    expect([...walkConfig(parseConfigTree(numberLines(CONFIG)))].map((n) => n.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('quotes matching lines with their parents; paged, CRLF or flattened text gives the same paths', () => {
    const expected = [
      'policy-map type inspect esmtp TLS_OK',
      'policy-map type inspect esmtp TLS_OK > parameters > allow-tls',
      'policy-map global_policy > class inspection_default > inspect esmtp TLS_OK',
    ]
    expect(configLinePaths(CONFIG, /inspect esmtp|allow-tls/)).toEqual(expected)
    const paged = CONFIG.replace('  inspect esmtp', `<--- More --->\r${' '.repeat(14)}\r  inspect esmtp`).replace(
      /\n/g,
      '\r\n',
    )
    expect(configLinePaths(paged, /inspect esmtp|allow-tls/)).toEqual(expected)
    const flat = CONFIG.split('\n')
      .map((l) => l.trim())
      .join('\n')
    expect(configLinePaths(flat, /inspect esmtp|allow-tls/)).toEqual(expected)
    expect(configLinePaths(CONFIG, /fixup protocol smtp/)).toEqual([])
  })
})
