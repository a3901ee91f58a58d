/**
 * An active/standby failover pair: the standby unit mirrors the active unit's running-config (configuration
 * replication), carries no traffic, and warns when configured directly, because that change is not replicated back.
 * Texts follow `show failover` as captured (fixture #14).
 */
import { cloneConfig } from './config-tree'
import type { LabDevice } from './lab-device'

export const STANDBY_CONFIG_WARNING = [
  '**** WARNING ****',
  '\tConfiguration Replication is NOT performed from Standby unit to Active unit.',
  '\tConfigurations are no longer synchronized.',
].join('\n')

export class FailoverPair {
  constructor(
    readonly active: LabDevice,
    readonly standby: LabDevice,
  ) {
    standby.failover = { unit: 'Secondary', state: 'Standby Ready' }
    active.failover = { unit: 'Primary', state: 'Active' }
    standby.running = cloneConfig(active.running)
    const previous = active.onChange
    active.onChange = () => {
      previous()
      standby.running = cloneConfig(active.running)
    }
  }

  showFailover(self: LabDevice): string[] {
    const other = self === this.active ? this.standby : this.active
    const link = self.running
      .find((n) => n.line.startsWith('failover lan interface '))
      ?.line.split(' ')
      .slice(3)
      .join(' ')
    const unit = (d: LabDevice) => `${d.failover!.unit} - ${d.failover!.state}`
    return [
      'Failover On',
      `Failover unit ${self.failover!.unit}`,
      `Failover LAN Interface: ${link ?? 'not Configured'} (up)`,
      'Reconnect timeout 0:00:00',
      'Unit Poll frequency 1 seconds, holdtime 15 seconds',
      'Interface Poll frequency 5 seconds, holdtime 25 seconds',
      'Interface Policy 1',
      'Monitored Interfaces 2 of 1049 maximum',
      `Version: Ours ${self.spec.version}, Mate ${other.spec.version}`,
      `Last Failover at: ${this.active.bootedAt.toISOString().slice(11, 19)} UTC`,
      `\tThis host: ${unit(self)}`,
      `\t\tActive time: ${self === this.active ? uptimeSeconds(self) : 0} (sec)`,
      `\tOther host: ${unit(other)}`,
      `\t\tActive time: ${other === this.active ? uptimeSeconds(other) : 0} (sec)`,
    ]
  }
}

function uptimeSeconds(device: LabDevice): number {
  return Math.floor((Date.now() - device.bootedAt.getTime()) / 1000)
}
