/**
 * What an ASA prints after SSH authentication. 9.x adds the login history lines (fixtures #15 and #17); 8.x and
 * PIX 7.x print only the help hint.
 */
import type { LabDevice } from './lab-device'
import { versionBefore } from './version'

const HINT = "Type help or '?' for a list of available commands."

export function asaLoginBanner(device: LabDevice, username: string, from: string, now = new Date()): string {
  const previous = device.lastLogin
  device.logins += 1
  device.lastLogin = { at: now, from }
  if (versionBefore(device.spec.version, '9.0')) return `${HINT}\n`
  const last = previous ? `  Last login: ${clock(previous.at)} from ${previous.from}` : ''
  return [
    `User ${username} logged in to ${device.hostname}`,
    `Logins over the last 1 days: ${device.logins}.${last}`,
    'Failed logins since the last login: 0.  ',
    HINT,
    '',
  ].join('\n')
}

function clock(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return `${d.toISOString().slice(11, 19)} UTC ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`
}
