/**
 * Finds a Chromium-family browser for printing reports from the command line: a path given with `--chromium` (or
 * UNMASK_CHROMIUM) wins; otherwise the usual install locations of Chromium, Chrome and Edge on Linux, macOS and
 * Windows are tried in order. Injected `exists` and `env` keep it testable without those browsers.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface FindChromiumOptions {
  /** `--chromium PATH`; when given it must exist, nothing else is tried. */
  explicit?: string
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  exists?: (path: string) => boolean
}

export type ChromiumLookup =
  | { ok: true; path: string; source: 'flag' | 'env' | 'search' }
  | { ok: false; reason: 'explicit-missing' | 'not-found'; tried: string[] }

export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ]
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r)
    const apps = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
    ]
    return roots.flatMap((root) => apps.map((parts) => join(root, ...parts)))
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ]
}

export function findChromium(options: FindChromiumOptions = {}): ChromiumLookup {
  const env = options.env ?? process.env
  const exists = options.exists ?? existsSync
  if (options.explicit !== undefined) {
    return exists(options.explicit)
      ? { ok: true, path: options.explicit, source: 'flag' }
      : { ok: false, reason: 'explicit-missing', tried: [options.explicit] }
  }
  if (env.UNMASK_CHROMIUM) {
    return exists(env.UNMASK_CHROMIUM)
      ? { ok: true, path: env.UNMASK_CHROMIUM, source: 'env' }
      : { ok: false, reason: 'explicit-missing', tried: [env.UNMASK_CHROMIUM] }
  }
  const tried = chromiumCandidates(options.platform ?? process.platform, env)
  const path = tried.find((p) => exists(p))
  return path ? { ok: true, path, source: 'search' } : { ok: false, reason: 'not-found', tried }
}
