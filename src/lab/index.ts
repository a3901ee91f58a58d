/**
 * The lab: a mail host, an inspecting path in front of it and the firewall that decides the inspection, all on
 * 127.0.0.1. `startLab` is what `unmask lab` runs and what other parts' tests use to get something real to talk to.
 */
import { join } from 'node:path'
import { AsaShell } from './devices/asa-shell'
import { FailoverPair } from './devices/failover'
import { FtdShell, ftdGreeting } from './devices/ftd-shell'
import { LabDevice } from './devices/lab-device'
import { asaLoginBanner } from './devices/login-banner'
import { Pix6Shell } from './devices/pix6-shell'
import { SecurityContexts } from './devices/security-contexts'
import { type LabProvider, startProviders } from './egress'
import { type SshEndpoint, startSshEndpoint } from './endpoints/ssh-endpoint'
import { startTelnetEndpoint, type TelnetEndpoint } from './endpoints/telnet-endpoint'
import { type MailHost, startMailHost } from './mail/mail-host'
import { type InspectionProxy, startInspectionProxy } from './proxy/inspection-proxy'
import { type InspectingFirewall, newCounters } from './proxy/policy'
import { type LoadedScenario, loadScenario, type Scenario } from './scenarios'
import { defaultLabStateDir, ensureDir } from './state-dir'

export type { LabDevice } from './devices/lab-device'
export type { LabProvider } from './egress'
export type { InspectionPolicy } from './proxy/policy'
export type { Scenario } from './scenarios'
export { listScenarios, UnknownScenarioError } from './scenarios'

export interface LabPorts {
  /** SMTP through the (simulated) firewall. */
  smtp: number
  /** SMTP straight to the mail host, bypassing the firewall. */
  direct: number
  /** The firewall's SSH or telnet management. */
  management: number
  /** The standby unit's SSH (failover scenarios). */
  standby: number
}

export interface LabOptions {
  scenario: string
  /** Certificates, host keys, mailboxes and saved configs; default: the Unmask home's `lab` folder. */
  stateDir?: string
  ports?: Partial<LabPorts>
  /** Load the device's startup-config saved by an earlier `write memory` (default: start from the scenario). */
  persistConfig?: boolean
}

export interface LabEndpoint {
  name: 'smtp' | 'direct' | 'management' | 'standby'
  protocol: 'smtp' | 'ssh' | 'telnet'
  host: '127.0.0.1'
  port: number
}

export interface LabCredentials {
  username: string
  password: string
  enable: string
}

export interface Lab {
  scenario: Scenario
  endpoints: LabEndpoint[]
  smtp: LabEndpoint
  direct: LabEndpoint
  management?: LabEndpoint & { hostKeyFingerprint?: string }
  /** The standby unit's SSH, in failover scenarios (same host key: the pair replicates it). */
  standby?: LabEndpoint & { hostKeyFingerprint?: string }
  standbyDevice?: LabDevice
  credentials?: LabCredentials
  /** The simulated firewall whose config decides the SMTP path (in multiple-context mode: the mail context). */
  device?: LabDevice
  /** Every simulated configuration: the firewall, or the system space and each security context. */
  devices: LabDevice[]
  mailHost: MailHost
  /** Remote MX hosts reached through the firewall's egress path (scenarios with `providers`). */
  providers: LabProvider[]
  stateDir: string
  stop(): Promise<void>
}

export async function startLab(options: LabOptions): Promise<Lab> {
  const loaded = loadScenario(options.scenario)
  const { scenario } = loaded
  const stateDir = ensureDir(options.stateDir ?? defaultLabStateDir())
  const closers: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => {})
  }
  try {
    const mailHost = await startMailHost({ ...scenario.mailHost, stateDir, port: options.ports?.direct })
    closers.push(() => mailHost.close())
    const { device, devices, contexts, pair } = buildDevices(loaded, stateDir, options.persistConfig === true)
    const proxy: InspectionProxy = await startInspectionProxy({
      upstream: mailHost,
      firewall: device ?? gatewayOf(scenario),
      port: options.ports?.smtp,
    })
    closers.push(() => proxy.close())
    const providers = await startProviders(scenario.providers ?? [], device, stateDir, closers)
    const management = device
      ? await startManagement(scenario, device, contexts, stateDir, options.ports?.management, pair)
      : undefined
    if (management) closers.push(() => management.endpoint.close())
    const standby = pair
      ? await startManagement(scenario, pair.standby, undefined, stateDir, options.ports?.standby, pair)
      : undefined
    if (standby) closers.push(() => standby.endpoint.close())

    const smtp: LabEndpoint = { name: 'smtp', protocol: 'smtp', host: '127.0.0.1', port: proxy.port }
    const direct: LabEndpoint = { name: 'direct', protocol: 'smtp', host: '127.0.0.1', port: mailHost.port }
    const managementEndpoint = management
      ? {
          name: 'management' as const,
          protocol: management.protocol,
          host: '127.0.0.1' as const,
          port: management.endpoint.port,
          hostKeyFingerprint: 'fingerprint' in management.endpoint ? management.endpoint.fingerprint : undefined,
        }
      : undefined
    const standbyEndpoint = standby
      ? {
          name: 'standby' as const,
          protocol: standby.protocol,
          host: '127.0.0.1' as const,
          port: standby.endpoint.port,
          hostKeyFingerprint: 'fingerprint' in standby.endpoint ? standby.endpoint.fingerprint : undefined,
        }
      : undefined
    return {
      scenario,
      endpoints: [
        smtp,
        direct,
        ...(managementEndpoint ? [managementEndpoint] : []),
        ...(standbyEndpoint ? [standbyEndpoint] : []),
      ],
      standby: standbyEndpoint,
      standbyDevice: pair?.standby,
      smtp,
      direct,
      management: managementEndpoint,
      credentials: management && scenario.firewall ? scenario.firewall.credentials : undefined,
      device,
      devices,
      mailHost,
      providers,
      stateDir,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** A mail gateway that deletes EHLO lines, as the path's "firewall" (it has no configuration of its own). */
function gatewayOf(scenario: Scenario): InspectingFirewall | null {
  const gateway = scenario.gateway
  if (!gateway) return null
  return {
    counters: newCounters(),
    log: () => {},
    currentPolicy: () => ({ kind: 'delete-lines', remove: gateway.remove }),
  }
}

/** The firewall's configurations: one device, or the system space and each security context. */
function buildDevices(
  { scenario, config, contextConfigs }: LoadedScenario,
  stateDir: string,
  persist: boolean,
): { device?: LabDevice; devices: LabDevice[]; contexts?: SecurityContexts; pair?: FailoverPair } {
  const fw = scenario.firewall
  if (!fw || config === undefined) return { devices: [] }
  const make = (id: string, text: string) =>
    new LabDevice({
      ...fw,
      id,
      config: text,
      startupFile: persist ? join(ensureDir(join(stateDir, 'configs')), `${id}-startup-config.txt`) : undefined,
    })
  if (fw.failover) {
    const pair = new FailoverPair(make(fw.id, config), make(`${fw.id}-standby`, config))
    return { device: pair.active, devices: [pair.active, pair.standby], pair }
  }
  if (!fw.contexts || !contextConfigs) {
    const device = make(fw.id, config)
    return { device, devices: [device] }
  }
  const system = make(`${fw.id}-system`, config)
  const byName = new Map(fw.contexts.list.map((c) => [c.name, make(`${fw.id}-${c.name}`, contextConfigs[c.name]!)]))
  const contexts = new SecurityContexts(system, byName, fw.contexts.adminContext)
  return { device: byName.get(fw.contexts.mailContext), devices: [system, ...byName.values()], contexts }
}

async function startManagement(
  scenario: Scenario,
  device: LabDevice,
  contexts: SecurityContexts | undefined,
  stateDir: string,
  port: number | undefined,
  pair?: FailoverPair,
): Promise<{ protocol: 'ssh' | 'telnet'; endpoint: SshEndpoint | TelnetEndpoint } | undefined> {
  const fw = scenario.firewall
  if (!fw?.management) return undefined
  if (fw.management.protocol === 'telnet') {
    const endpoint = await startTelnetEndpoint({
      password: fw.credentials.password,
      port,
      idleMinutes: () => configuredTimeout(device, 'telnet'),
      openShell: () => ({
        shell: new Pix6Shell(device),
        greeting: "Type help or '?' for a list of available commands.\n",
      }),
    })
    return { protocol: 'telnet', endpoint }
  }
  const endpoint = await startSshEndpoint({
    deviceId: fw.id,
    stateDir,
    credentials: fw.credentials,
    legacyAlgorithms: fw.management.legacyAlgorithms,
    port,
    idleMinutes: () => configuredTimeout(device, 'ssh'),
    openShell: (username, from) => {
      if (fw.kind === 'ftd') return { shell: new FtdShell(device), greeting: ftdGreeting(device) }
      if (contexts) {
        return {
          shell: new AsaShell(device, username, contexts),
          greeting: asaLoginBanner(contexts.system, username, from),
        }
      }
      const shell = new AsaShell(device, username)
      shell.failoverPair = pair
      return { shell, greeting: asaLoginBanner(device, username, from) }
    },
  })
  return { protocol: 'ssh', endpoint }
}

/** `ssh timeout 5` / `telnet timeout 5` from the live config: minutes of silence before a session ends. */
function configuredTimeout(device: LabDevice, kind: 'ssh' | 'telnet'): number {
  const line = device.running.find((n) => n.line.startsWith(`${kind} timeout `))
  const minutes = Number(line?.line.split(' ')[2])
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 5
}
