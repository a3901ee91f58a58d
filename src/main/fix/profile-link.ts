/**
 * A device link opened from a saved profile, as the app's fix dialog and guided capture both do: their own connection
 * to the device (the terminal tab stays the engineer's), host-key questions asked under the run's id, the traffic
 * recorded in the case's session log.
 */
import type { DeviceProfile } from '../../shared/profiles'
import type { HostKeyQuestions } from '../device/host-key-questions'
import type { SessionLog } from '../device/session-log'
import type { OpenChannel, SessionCredentials } from '../sessions/session-service'
import { type DeviceLink, openDeviceLink } from './device-link'

/** `host:port`, or the serial device's path: how the session log names the peer. */
export function profilePeer(profile: DeviceProfile): string {
  return profile.transport === 'serial' ? profile.serial.path : `${profile.host}:${profile.port}`
}

export interface ProfileLinkOptions {
  openChannel: OpenChannel
  profile: DeviceProfile
  credentials: SessionCredentials
  hostKeys: Pick<HostKeyQuestions, 'ask'>
  /** The run the host-key question belongs to (a fix run's or a capture's id). */
  runId: string
  log: SessionLog
}

export function openProfileLink(o: ProfileLinkOptions): Promise<DeviceLink> {
  return openDeviceLink({
    connect: () => o.openChannel(o.profile, o.credentials, (info) => o.hostKeys.ask({ fixId: o.runId }, info)),
    credentials: {
      username: o.profile.transport === 'serial' ? undefined : o.profile.username,
      password: o.credentials.password,
      secret: o.credentials.secret,
    },
    driver: { onTraffic: (event) => o.log.record(event) },
  })
}
