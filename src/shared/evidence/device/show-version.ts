/**
 * `show version` of ASA (`Cisco Adaptive Security Appliance Software Version 9.8(4)10 <context>`), PIX 6.x
 * (`Cisco PIX Firewall Version 6.3(5)`), PIX 7.x/8.x (`Cisco PIX Security Appliance Software Version 7.2(1)`)
 * and FTD (a `Model : Cisco … Threat Defense … Version 6.6.0 (Build 90)` block before the ASA line).
 */
import { parsePromptLine } from '../../devices/prompt'
import type { PlatformFamily } from '../../devices/types'
import { dispatch } from '../match'
import { clip, type NumberedLine } from '../types'
import { parseVersion, type SoftwareVersion } from '../version'

export interface Located<T> {
  value: T
  line: number
}

export interface ShowVersion {
  platform: PlatformFamily | null
  /** The firewall software version (for FTD: the FTD release; the embedded ASA engine is `asaVersion`). */
  version: Located<SoftwareVersion> | null
  asaVersion: Located<SoftwareVersion> | null
  hostname: Located<string> | null
  model: Located<string> | null
  /** `multiple` when the version line ends in `<context>` or `<system>`. */
  contextMode: Located<'single' | 'multiple'> | null
  /** Seen `failover cluster up …` (a pair is configured). */
  failover: Located<boolean> | null
  firstLine: number
  lastLine: number
}

const ASA = /Cisco Adaptive Security Appliance Software Version (\S+)(?:\s*<(context|system)>)?/
const PIX6 = /Cisco PIX Firewall Version (\S+)/
const FWSM = /^FWSM Firewall Version (\S+)(?:\s*<(context|system)>)?/
const PIX7 = /Cisco PIX Security Appliance Software Version (\S+)(?:\s*<(context|system)>)?/
const FTD = /^Model\s*:\s*(Cisco .*Threat Defense.*?)\s+Version\s+(\S+)/
const FTD_HOST = /^-{3,}\[\s*(\S+)\s*\]-{3,}$/
const UPTIME = /^(\S+) up (\d+ (years?|days?|hours?|mins?|secs?))/
const HARDWARE = /^Hardware:\s+([^,]+)/
const MODEL_ID = /^Model Id:\s+(\S+)/
/** `show version` typed at a prompt: the hostname is the prompt's (one prompt grammar, src/shared/devices/prompt.ts). */
const SHOW_VERSION = /^sh\S*\s+ver/

export function parseShowVersion(lines: readonly NumberedLine[]): ShowVersion {
  const result: ShowVersion = {
    platform: null,
    version: null,
    asaVersion: null,
    hostname: null,
    model: null,
    contextMode: null,
    failover: null,
    firstLine: lines[0]?.line ?? 1,
    lastLine: lines[lines.length - 1]?.line ?? 1,
  }
  for (const { line, text: raw } of lines) {
    const text = clip(raw).trim()
    const located = <T>(value: T) => ({ value, line })
    dispatch(text, [
      [
        FTD,
        (m) => {
          result.platform = 'ftd'
          const v = parseVersion(m[2]!)
          if (v) result.version = located(v)
          result.model = located(m[1]!.trim())
        },
      ],
      [FTD_HOST, (m) => (result.hostname ??= located(m[1]!))],
      [ASA, (m) => asaLine(result, m, text, line)],
      [PIX7, (m) => asaLine(result, m, text, line)],
      [
        PIX6,
        (m) => {
          const v = parseVersion(m[1]!)
          if (result.version || !v) return
          result.platform = 'pix'
          result.version = located(v)
        },
      ],
      [
        FWSM,
        (m) => {
          const v = parseVersion(m[1]!)
          if (result.version || !v) return
          result.platform = 'fwsm'
          result.version = located(v)
          result.contextMode = located(m[2] ? 'multiple' : 'single')
        },
      ],
      [/^failover cluster up /, () => (result.failover = located(true))],
      [UPTIME, (m) => (result.hostname = located(m[1]!))],
      [HARDWARE, (m) => (result.model ??= located(m[1]!.trim()))],
      [MODEL_ID, (m) => (result.model = located(m[1]!))],
    ])
    const typed = text.includes('ver') ? parsePromptLine(text) : null
    if (typed?.prompt.hostname && SHOW_VERSION.test(typed.command)) result.hostname ??= located(typed.prompt.hostname)
  }
  return result
}

function asaLine(result: ShowVersion, m: RegExpExecArray, text: string, line: number): void {
  const v = parseVersion(m[1]!)
  if (result.platform === 'ftd') {
    if (v) result.asaVersion = { value: v, line }
    return
  }
  if (result.version) return
  result.platform = text.includes('PIX') ? 'pix' : 'asa'
  if (v) result.version = { value: v, line }
  result.asaVersion = result.version
  result.contextMode = { value: m[2] ? 'multiple' : 'single', line }
}
