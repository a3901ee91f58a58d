/**
 * Issue 14: terminal web links. xterm's default handler opens `about:blank` (denied by main), so a link did nothing;
 * the app's handler asks main to open the URL itself, where it is confirmed with the user first
 * (tests/main/window-security.test.ts covers the confirmation).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openWebLink } from '../../src/renderer/src/terminal/web-links'

const root = join(import.meta.dirname, '../..')
afterEach(() => vi.unstubAllGlobals())

describe('terminal web links', () => {
  it('hand the URL itself to window.open (main confirms), without an opener', () => {
    const open = vi.fn()
    vi.stubGlobal('window', { open })
    openWebLink({} as MouseEvent, 'https://www.cisco.com/c/en/us/support/docs/security/asa-5500-x-series/')
    expect(open).toHaveBeenCalledWith(
      'https://www.cisco.com/c/en/us/support/docs/security/asa-5500-x-series/',
      '_blank',
      'noopener,noreferrer',
    )
  })

  it('the terminal uses that handler, not the default one', () => {
    const view = readFileSync(join(root, 'src/renderer/src/terminal/TerminalView.tsx'), 'utf8')
    expect(view).toContain('new WebLinksAddon(openWebLink)')
    expect(view).not.toMatch(/new WebLinksAddon\(\)/)
  })
})
