/** SSH host keys per simulated device, made once and kept in the lab state folder so fingerprints stay stable. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { utils } from 'ssh2'
import { ensureDir } from '../state-dir'

export function loadOrCreateHostKey(stateDir: string, deviceId: string): string {
  const dir = ensureDir(join(stateDir, 'ssh'))
  const file = join(dir, `${deviceId.replace(/[^A-Za-z0-9_-]/g, '_')}_rsa`)
  if (existsSync(file)) return readFileSync(file, 'utf8')
  // RSA, as the ASA's `crypto key generate rsa`; also the only key type an ASA 8.x client negotiates (ssh-rsa).
  const pair = utils.generateKeyPairSync('rsa', { bits: 2048 })
  writeFileSync(file, pair.private, { mode: 0o600 })
  return pair.private
}
