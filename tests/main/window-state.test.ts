import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from '../../src/main/window-state'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('window state', () => {
  it('round-trips size, position and maximized', () => {
    temp = makeTempDir()
    const path = join(temp.path, 'sub', 'window-state.json')
    saveWindowState(path, { x: 10, y: 20, width: 1200, height: 800, maximized: true })
    expect(loadWindowState(path)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true })
  })

  it('falls back to defaults on a missing, corrupt or absurd file', () => {
    temp = makeTempDir()
    const path = join(temp.path, 'window-state.json')
    expect(loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(path, '{"width": 12')
    expect(loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(path, JSON.stringify({ width: 5, height: 5 }))
    expect(loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('does not save an invalid state', () => {
    temp = makeTempDir()
    const path = join(temp.path, 'window-state.json')
    saveWindowState(path, { width: 1, height: 1, maximized: false })
    expect(loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE)
  })
})
