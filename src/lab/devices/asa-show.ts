/** `show` commands of the simulated ASA / PIX 7.x / FTD (the LINA side), built from the live config and counters. */
import { appliedPolicyMap, DEFAULT_ESMTP_MAP } from './asa-policy'
import { type ConfigNode, findChild, renderConfig } from './config-tree'
import type { LabDevice } from './lab-device'
import { versionBefore } from './version'

/** Keywords `show running-config <keyword>` accepts besides the first words of the config's own lines. */
const SECTION_KEYWORDS = [
  'aaa',
  'access-group',
  'access-list',
  'all',
  'arp',
  'class-map',
  'console',
  'crypto',
  'dns',
  'domain-name',
  'enable',
  'failover',
  'ftp',
  'hostname',
  'http',
  'icmp',
  'interface',
  'logging',
  'mtu',
  'names',
  'nat',
  'object',
  'object-group',
  'pager',
  'passwd',
  'policy-map',
  'prompt',
  'route',
  'service-policy',
  'snmp-server',
  'ssh',
  'telnet',
  'timeout',
  'username',
]

/** False when the first section word is no configuration keyword (the ASA marks it with the caret). */
export function isRunningConfigSection(device: LabDevice, section: string[]): boolean {
  const first = section[0]?.toLowerCase()
  if (first === undefined) return true
  const keywords = new Set([...SECTION_KEYWORDS, ...device.running.map((n) => n.line.split(' ')[0]!.toLowerCase())])
  return [...keywords].some((k) => k.startsWith(first))
}

export function showRunningConfig(device: LabDevice, section: string[]): string[] {
  if (section.length === 0) {
    const header =
      device.spec.model === 'ASAv' && device.spec.kind === 'asa'
        ? [
            ': Saved',
            '',
            ':',
            `: Serial Number: ${device.spec.serial}`,
            ': Hardware:   ASAv, 2048 MB RAM, CPU Xeon E5 series 3491 MHz',
            ':',
          ]
        : [': Saved', ':']
    return [...header, ...device.runningText(), `Cryptochecksum:${device.checksum()}`, ': end']
  }
  const wanted = section.map((w) => w.toLowerCase())
  const nodes = device.running.filter((n) => {
    const words = n.line.toLowerCase().split(' ')
    return wanted.every((w, i) => words[i] !== undefined && words[i]!.startsWith(w))
  })
  return renderConfig(nodes)
}

export function showCurpriv(username: string, mode: 'exec' | 'priv' | 'config'): string[] {
  const level = mode === 'exec' ? 1 : 15
  const modes = { exec: 'P_UNPR', priv: 'P_PRIV', config: 'P_CONF' }
  return [
    `Username : ${mode === 'exec' ? username : 'enable_15'}`,
    `Current privilege level : ${level}`,
    `Current Mode/s : ${modes[mode]}`,
  ]
}

/** `show service-policy [inspect esmtp]`: the applied policy with per-inspect counters; esmtp's are the proxy's. */
export function showServicePolicy(device: LabDevice, onlyEsmtp: boolean): string[] {
  const config = device.running
  const lines: string[] = []
  for (const node of config) {
    const m = /^service-policy (\S+) (global|interface (\S+))$/.exec(node.line)
    if (!m) continue
    const body = policyBody(device, m[1]!, onlyEsmtp)
    if (body.length === 0 && onlyEsmtp) continue
    lines.push('', m[3] ? `Interface ${m[3]}:` : 'Global policy: ', `  Service-policy: ${m[1]}`, ...body)
  }
  if (onlyEsmtp && lines.length === 0 && appliedPolicyMap(config) === undefined) return []
  return lines
}

function policyBody(device: LabDevice, policyName: string, onlyEsmtp: boolean): string[] {
  const policy = findChild(device.running, `policy-map ${policyName}`)
  if (!policy) return []
  const lines: string[] = []
  for (const cls of policy.children) {
    const className = /^class (\S+)$/.exec(cls.line)?.[1]
    if (!className) continue
    const inspects = cls.children.filter(
      (c) => c.line.startsWith('inspect ') && (!onlyEsmtp || /^inspect esmtp(\s|$)/.test(c.line)),
    )
    if (inspects.length === 0) continue
    lines.push(`    Class-map: ${className}`)
    for (const inspect of inspects) lines.push(...inspectLines(device, inspect))
  }
  return lines
}

function inspectLines(device: LabDevice, inspect: ConfigNode): string[] {
  const words = inspect.line.split(/\s+/).slice(1)
  const isEsmtp = words[0] === 'esmtp'
  const name = isEsmtp ? `esmtp ${words[1] ?? DEFAULT_ESMTP_MAP}` : words.join(' ')
  const c = device.counters
  const packet = isEsmtp ? c.packet : 0
  const drop = isEsmtp ? c.drop : 0
  const resetDrop = isEsmtp ? c.resetDrop : 0
  const top =
    versionBefore(device.spec.version, '9.0') && device.spec.kind !== 'ftd'
      ? `      Inspect: ${name}, packet ${packet}, drop ${drop}, reset-drop ${resetDrop}`
      : `      Inspect: ${name}, packet ${packet}, lock fail 0, drop ${drop}, reset-drop ${resetDrop}, 5-min-pkt-rate 0 pkts/sec, v6-fail-close 0 sctp-drop-override 0`
  if (!isEsmtp || (words[1] ?? DEFAULT_ESMTP_MAP) !== DEFAULT_ESMTP_MAP) return [top]
  return [
    top,
    `        mask-banner, count ${c.maskBanner}`,
    '        match cmd line length gt 512',
    `          drop-connection log, packet ${c.cmdLineTooLong}`,
    '        match cmd RCPT count gt 100',
    `          drop-connection log, packet ${c.rcptTooMany}`,
    '        match body line length gt 998',
    '          log, packet 0',
    '        match header line length gt 998',
    `          drop-connection log, packet ${c.headerLineTooLong}`,
    '        match sender-address length gt 320',
    '          drop-connection log, packet 0',
    '        match MIME filename length gt 255',
    '          drop-connection log, packet 0',
    '        match ehlo-reply-parameter others',
    `          mask, packet ${c.ehloMask}`,
  ]
}

/** `show logging`: the settings summary, then the buffered messages when `logging buffered` is configured. */
export function showLogging(device: LabDevice): string[] {
  const lines = device.running.map((n) => n.line)
  const enabled = lines.includes('logging enable')
  const buffered = lines.find((l) => l.startsWith('logging buffered '))?.split(' ')[2]
  const messages = enabled && buffered ? device.logs.map((l) => l.message) : []
  return [
    `Syslog logging: ${enabled ? 'enabled' : 'disabled'}`,
    '    Facility: 20',
    '    Timestamp logging: disabled',
    '    Standby logging: disabled',
    '    Debug-trace logging: disabled',
    '    Console logging: disabled',
    '    Monitor logging: disabled',
    `    Buffer logging: ${buffered ? `level ${buffered}, ${messages.length} messages logged` : 'disabled'}`,
    '    Trap logging: disabled',
    '    Permit-hostdown logging: disabled',
    '    History logging: disabled',
    '    Device ID: disabled',
    '    Mail logging: disabled',
    '    ASDM logging: disabled',
    ...messages,
  ]
}
