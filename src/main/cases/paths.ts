/** Where Unmask keeps its data: UNMASK_HOME, else the same folder Electron's app.getPath('userData') gives. */
import { homedir } from 'node:os'
import { join } from 'node:path'

export function unmaskHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.UNMASK_HOME) return env.UNMASK_HOME
  const home = homedir()
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Unmask')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Unmask')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Unmask')
}

export function casesRoot(home: string): string {
  return join(home, 'cases')
}
