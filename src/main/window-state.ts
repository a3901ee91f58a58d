/** Remembers the main window's size and position between runs (plain Node, so it is testable). */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

const boundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20_000),
  height: z.number().int().min(400).max(20_000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof boundsSchema>

/** Fits a 1366×768 field laptop with its taskbar (about 1366×650 usable; issue 18 point 6). */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 640, maximized: false }

export function windowStatePath(home: string): string {
  return join(home, 'window-state.json')
}

export function loadWindowState(path: string): WindowState {
  try {
    const parsed = boundsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

/** Written to a temp file and renamed, so a crash never leaves a half-written state file. */
export function saveWindowState(path: string, state: WindowState): void {
  const parsed = boundsSchema.safeParse(state)
  if (!parsed.success) return
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.tmp`
  writeFileSync(temp, JSON.stringify(parsed.data))
  renameSync(temp, path)
}
