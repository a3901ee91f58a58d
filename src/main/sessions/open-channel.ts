/**
 * Opens the transport a device profile names (SSH, telnet or a serial console) through the same code as
 * `unmask collect`. Host keys are checked against Unmask's own known_hosts file and the user's
 * ~/.ssh/known_hosts; unknown keys are asked about, changed keys fail.
 */
import { join } from 'node:path'
import type { DeviceProfile } from '../../shared/profiles'
import { connectTarget } from '../transports/connect-target'
import { HostKeyTrust } from '../transports/host-key-trust'
import type { Target } from '../transports/target'
import type { OpenChannel } from './session-service'

export function knownHostsFile(home: string): string {
  return join(home, 'known_hosts')
}

export function profileTarget(profile: DeviceProfile): Target {
  switch (profile.transport) {
    case 'ssh':
      return { kind: 'ssh', host: profile.host, port: profile.port, username: profile.username }
    case 'telnet':
      return { kind: 'telnet', host: profile.host, port: profile.port, username: profile.username }
    case 'serial':
      return { kind: 'serial', ...profile.serial }
  }
}

export function channelOpener(home: string): OpenChannel {
  const trust = new HostKeyTrust({ storeFile: knownHostsFile(home) })
  return (profile, credentials, askHostKey) =>
    connectTarget({
      target: profileTarget(profile),
      credentials: { password: credentials.password, secret: credentials.secret },
      trust,
      askHostKey,
      legacy: profile.transport === 'ssh' ? profile.legacy : false,
    })
}
