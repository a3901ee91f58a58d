/**
 * Opens the transport a device profile names. Host keys are checked against Unmask's own known_hosts
 * file and the user's ~/.ssh/known_hosts; unknown keys are asked about, changed keys fail.
 */
import { join } from 'node:path'
import type { DeviceProfile } from '../../shared/profiles'
import { HostKeyTrust } from '../transports/host-key-trust'
import { connectSsh } from '../transports/ssh-transport'
import type { OpenChannel } from './session-service'

export function knownHostsFile(home: string): string {
  return join(home, 'known_hosts')
}

export function channelOpener(home: string): OpenChannel {
  const trust = new HostKeyTrust({ storeFile: knownHostsFile(home) })
  return async (profile: DeviceProfile, credentials, askHostKey) => {
    switch (profile.transport) {
      case 'ssh':
        return connectSsh({
          host: profile.host,
          port: profile.port,
          username: profile.username,
          password: credentials.password,
          legacy: profile.legacy,
          trust,
          askHostKey,
        })
      default:
        throw new Error(`${profile.transport} sessions are not available in the app yet`)
    }
  }
}
