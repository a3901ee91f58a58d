/**
 * A simulated firewall: its live running-config (changed by CLI sessions for the lab's lifetime), its saved
 * startup-config (optionally a file in the lab state folder), the counters the inspecting proxy increments, and
 * the policy the proxy asks for at each new connection.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { type MailHostAddresses, mailHostAddresses } from '../capture/addresses'
import { CaptureStore } from '../capture/store'
import { type InspectingFirewall, type InspectionCounters, type InspectionPolicy, newCounters } from '../proxy/policy'
import { asaInspectionPolicy } from './asa-policy'
import { type ConfigNode, cloneConfig, parseConfig, renderConfig } from './config-tree'
import { versionBefore } from './version'

export type DeviceKind = 'asa' | 'pix6' | 'ftd'

/** A unit's place in an active/standby pair (set by FailoverPair, read by `show failover` and the prompt). */
export interface FailoverRole {
  unit: 'Primary' | 'Secondary'
  state: 'Active' | 'Standby Ready'
}

export interface DeviceSpec {
  id: string
  kind: DeviceKind
  /** Software release as the device prints it: 9.8(4)10, 8.2(5), 7.2(1), 6.3(5); FTD 7.2.5. */
  version: string
  /** Hardware line of show version, e.g. `ASAv` or `ASA5520`. */
  model: string
  serial: string
  /** PIX 7.x runs the ASA code base but calls itself a PIX Security Appliance. */
  family: 'ASA' | 'PIX'
  credentials: { username: string; password: string; enable: string }
  config: string
  /** When set, `write memory` writes here and a later start loads it instead of `config`. */
  startupFile?: string
}

export class LabDevice implements InspectingFirewall {
  running: ConfigNode[]
  startup: ConfigNode[]
  readonly counters: InspectionCounters = newCounters()
  /** Syslog messages the inspection produced (what `show logging` prints when buffered logging is on). */
  readonly logs: Array<{ at: Date; message: string }> = []
  /** `capture NAME …` buffers, fed by the inspection proxy with the bytes each interface saw. */
  readonly captures = new CaptureStore()
  /** The scenario's configuration as shipped (which host it publishes as the mail host), parsed on first use. */
  private shipped: ConfigNode[] | undefined
  readonly bootedAt = new Date()
  logins = 0
  lastLogin: { at: Date; from: string } | undefined
  /** Set when the device is one unit of a failover pair. */
  failover: FailoverRole | undefined
  /** Called after every configuration change, so a lab UI or test can follow along. */
  onChange: () => void = () => {}

  constructor(readonly spec: DeviceSpec) {
    const saved = spec.startupFile && existsSync(spec.startupFile) ? readFileSync(spec.startupFile, 'utf8') : undefined
    this.startup = parseConfig(saved ?? spec.config)
    this.running = cloneConfig(this.startup)
  }

  get hostname(): string {
    const line = this.running.find((n) => n.line.startsWith('hostname '))
    return line ? line.line.slice('hostname '.length) : this.spec.kind === 'ftd' ? 'firepower' : 'ciscoasa'
  }

  /** The inspection for a new connection to a mail host entering on `outside` (mail coming in). */
  currentPolicy(): InspectionPolicy {
    return this.policyFor('outside')
  }

  /** The inspection for a new tcp/25 connection entering on `ingress` (`inside` for the site's own outbound mail). */
  policyFor(ingress: string): InspectionPolicy {
    // A PIX 6 fixup is global: it knows no per-interface policies.
    if (this.spec.kind === 'pix6') return pix6Policy(this.running, this.spec.version)
    return asaInspectionPolicy(this.running, this.spec.version, ingress)
  }

  /** The mail host's addresses in capture packets: real on `hostInterface`, NAT-mapped on `peerInterface`. */
  mailHostAddresses(hostInterface: string, peerInterface: string): MailHostAddresses {
    this.shipped ??= parseConfig(this.spec.config)
    return mailHostAddresses(this.running, this.shipped, hostInterface, peerInterface)
  }

  log(message: string): void {
    this.logs.push({ at: new Date(), message })
    if (this.logs.length > 500) this.logs.shift()
  }

  runningText(): string[] {
    return renderConfig(this.running)
  }

  changed(): void {
    this.onChange()
  }

  /** Saves running to startup; returns what `write memory` reports. */
  writeMemory(): { bytes: number; checksum: string } {
    this.startup = cloneConfig(this.running)
    const text = `${renderConfig(this.startup).join('\n')}\n`
    if (this.spec.startupFile) writeFileSync(this.spec.startupFile, text)
    return { bytes: Buffer.byteLength(text), checksum: checksumOf(text) }
  }

  checksum(): string {
    return checksumOf(`${this.runningText().join('\n')}\n`)
  }
}

export function checksumOf(text: string): string {
  return createHash('md5').update(text).digest('hex')
}

/** PIX 6.x MailGuard is on while `fixup protocol smtp` covers port 25. */
function pix6Policy(config: ConfigNode[], version: string): InspectionPolicy {
  const on = config.some((n) => {
    const m = /^fixup protocol smtp (\d+)(?:-(\d+))?$/.exec(n.line)
    if (!m) return false
    const from = Number(m[1])
    const to = m[2] ? Number(m[2]) : from
    return from <= 25 && 25 <= to
  })
  return on ? { kind: 'mailguard', duplicateHeaderBug: versionBefore(version, '7.2(3)') } : { kind: 'off' }
}
