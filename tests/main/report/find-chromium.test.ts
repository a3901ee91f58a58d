import { describe, expect, it } from 'vitest'
import { chromiumCandidates, findChromium } from '../../../src/main/report/find-chromium'

const only =
  (...present: string[]) =>
  (p: string) =>
    present.includes(p)

describe('findChromium', () => {
  it('takes the --chromium path when it exists, and nothing else when it does not', () => {
    expect(findChromium({ explicit: '/opt/x/chrome', exists: only('/opt/x/chrome', '/usr/bin/chromium') })).toEqual({
      ok: true,
      path: '/opt/x/chrome',
      source: 'flag',
    })
    expect(findChromium({ explicit: '/nope', env: {}, platform: 'linux', exists: only('/usr/bin/chromium') })).toEqual({
      ok: false,
      reason: 'explicit-missing',
      tried: ['/nope'],
    })
  })

  it('uses UNMASK_CHROMIUM before searching', () => {
    const env = { UNMASK_CHROMIUM: '/env/chrome' }
    expect(findChromium({ env, platform: 'linux', exists: only('/env/chrome', '/usr/bin/chromium') })).toMatchObject({
      path: '/env/chrome',
      source: 'env',
    })
  })

  it('searches Linux locations in order: Chromium before Chrome before Edge', () => {
    const found = (present: string[]) => findChromium({ env: {}, platform: 'linux', exists: only(...present) })
    expect(found(['/usr/bin/google-chrome', '/usr/bin/chromium'])).toMatchObject({ path: '/usr/bin/chromium' })
    expect(found(['/usr/bin/microsoft-edge', '/usr/bin/google-chrome'])).toMatchObject({
      path: '/usr/bin/google-chrome',
    })
    expect(found(['/usr/bin/microsoft-edge'])).toMatchObject({ path: '/usr/bin/microsoft-edge', source: 'search' })
  })

  it('knows Chrome and Edge on Windows and macOS', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }
    const win = chromiumCandidates('win32', env)
    expect(win.some((p) => p.includes('Chrome') && p.endsWith('chrome.exe'))).toBe(true)
    expect(win.some((p) => p.includes('Edge') && p.endsWith('msedge.exe'))).toBe(true)
    expect(chromiumCandidates('darwin', {})).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge')
  })

  it('reports every place it looked when nothing is installed', () => {
    const r = findChromium({ env: {}, platform: 'linux', exists: () => false })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason).toBe('not-found')
      expect(r.tried).toEqual(chromiumCandidates('linux', {}))
    }
  })
})
