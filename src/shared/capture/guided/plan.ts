/**
 * The guided capture's plan (issue 21): from what the device session collected (platform, running-config, the
 * `show capture` list) and the user's mail host, two captures limited to that host and TCP/25 — one on the
 * server-facing interface, one on the client-facing one — the exact lines to type, the lines that read them back,
 * and the lines that remove them. Pure: the same plan is shown to the user, bound to the confirmation token and
 * typed, line for line.
 *
 * Syntax (knowledge/evidence-sources.md §1): ASA 9.1 General Operations "Capturing Packets"
 * (http://www.cisco.com/c/en/us/td/docs/security/asa/asa91/configuration/general/asa_91_general_config/admin_trouble.html):
 * `capture NAME … [buffer BYTES] … {interface IF} … [match PROTO {host IP|IP MASK|any} [op port] {host IP|…|any} [op port]]`;
 * the FTD command reference gives the same with `any4|any6` (cisco.com …/b_Command_Reference_for_Firepower_Threat_Defense/ac_1.html),
 * and Cisco TechNote 212474 types `capture CAPI interface INSIDE match icmp host … host …` at the FTD CLISH `>`
 * prompt, which is where an FTD session of Unmask sits (no `system support diagnostic-cli` needed).
 * - `match` catches both directions: "it will capture the opposite too" (tunnelsup.com "Packet Captures on Cisco ASA").
 *   So `match tcp any host SERVER eq 25` holds the client's commands and the server's replies of inbound mail.
 * - Ingress captures see a packet before NAT and inspection, egress ones after (tunnelsup): the server-facing capture
 *   matches the host's real address, the client-facing one its mapped address (ASDM wizard: "if NAT is performed …
 *   take this into consideration", sanchitgurukul.in).
 * - `capture` is an exec command (PIX: enable mode, not config mode; it-certification-network.blogspot.com 2008) and is
 *   not part of the running-config (RANCID reads `show capture` separately), so it changes no saved configuration.
 * - Default buffer 512 KB (thepacket.net); the plan asks for 1 MB, enough for many probe conversations, small
 *   enough that its `dump` stays a few MB of text.
 * - PIX 6.2/6.3 know `capture` with `access-list` only (PIXBOOK; simplenetworktips.blogspot.com 2009): a capture there
 *   needs a new access-list in the configuration, which this flow does not write: refused with a message.
 * - The PIX OS 7.0 syntax as quoted by simplenetworktips.blogspot.com (2009) has no `match` yet (`access-list`,
 *   `buffer`, `ethernet-type`, `interface`, `packet-length`, `circular-buffer`); ASA 9.1 has it. [?] Which 7.x/8.x
 *   release added `match` was not found. A device that does not know it answers `ERROR:` to the first line: the run
 *   stops there, types nothing more, removes what it may have created and says what the device answered; when the
 *   caret sits under `match`, the result says the device needs the access-list form, which a new proposal
 *   (`form: 'access-list'`, ./acl-form.ts) offers: a configuration change of its own, shown and confirmed as such.
 */
import type { PlatformId } from '../../devices/types'
import type { CommandLine } from '../../remedies/types'
import { ACL_SUFFIX, aclEntries, aclNamesIn, aclRemoval, type CaptureForm, CONFIGURE, END } from './acl-form'
import { readCaptureList } from './capture-list'
import { type ConfigFacts, inSubnet, isIpv4, type NamedInterface, readConfigFacts } from './config-facts'
import type { CaptureRequest } from './types'

export const CAPTURE_BUFFER_BYTES = 1_048_576
export const CAPTURE_PORT = 25
/** Our captures' names: recognisable in a customer's `show capture`, with a number added when already taken. */
export const CAPTURE_BASE_NAMES = { server: 'UNMASK_SRV', client: 'UNMASK_CLI' } as const

export type CaptureRole = 'server' | 'client'
/** Inbound: mail from the outside reaches the mail host. Outbound: the mail host sends to outside servers. */
export type MailDirection = 'inbound' | 'outbound'

/** What the user asked (./types.ts CaptureRequest) with what the session collected. */
export interface PlanInput extends CaptureRequest {
  platform: PlatformId
  /** `show running-config` as collected. */
  config: string
  /** `show capture` as collected (the captures that already exist). */
  captureList: string
}

export interface PlannedCapture {
  role: CaptureRole
  name: string
  interface: string
  /** The mail host's address as that interface sees it. */
  hostAddress: string
  line: CommandLine
  /** The access-list form: the ACL this capture uses and its entries (configuration mode). */
  acl?: { name: string; entries: CommandLine[] }
}

export interface CapturePlan {
  platform: PlatformId
  direction: MailDirection
  form: CaptureForm
  /** True when the plan adds lines to the running-config (the access-list form's ACLs; never saved). */
  changesConfig: boolean
  host: { real: string; mapped: string; natLine: number | null }
  captures: [PlannedCapture, PlannedCapture]
  /**
   * The lines that create the captures, in order: what the user confirms and what is typed (the access-list form:
   * `configure terminal`, the ACL entries, `end`, then the capture lines).
   */
  lines: CommandLine[]
  /** Read back after the probe. */
  readBack: string[]
  /** Always typed at the end, whatever happened (the captures first, then their ACLs in configuration mode). */
  removal: CommandLine[]
  bufferBytes: number
}

export type PlanQuestion = 'serverInterface' | 'clientInterface'

export type PlanResult =
  | { status: 'ready'; plan: CapturePlan }
  /** The evidence does not say: the user picks among `choices` (the named data interfaces). */
  | { status: 'ask'; questions: PlanQuestion[]; choices: string[]; host: { real: string; mapped: string } }
  | { status: 'refused'; code: PlanRefusal; params: Record<string, string> }

export type PlanRefusal = 'platform-pix6' | 'bad-host' | 'unknown-interface' | 'same-interface' | 'no-free-name'

/**
 * The mode a capture line is typed in: privileged EXEC (`host#`); on an FTD the CLISH `>` stands for it (TechNote
 * 212474 types `capture` there), which the sender (src/main/capture) accepts for FTD only.
 */
const EXEC: CommandLine['mode'] = 'enable'

/** A name of ours not in use on the device (compared case-insensitively, so no near-duplicate either). */
export function freeName(base: string, taken: ReadonlySet<string>): string | null {
  for (let i = 1; i <= 99; i++) {
    const name = i === 1 ? base : `${base}_${i}`
    if (!taken.has(name.toLowerCase())) return name
  }
  return null
}

function hostAddresses(facts: ConfigFacts, given: string) {
  const nat = facts.nat.find((n) => n.real === given) ?? facts.nat.find((n) => n.mapped === given)
  return nat ? { real: nat.real, mapped: nat.mapped, nat } : { real: given, mapped: given, nat: undefined }
}

function dataInterfaces(facts: ConfigFacts): NamedInterface[] {
  return facts.interfaces.filter((i) => !i.managementOnly)
}

export function buildCapturePlan(input: PlanInput): PlanResult {
  if (input.platform === 'pix6') return { status: 'refused', code: 'platform-pix6', params: {} }
  const given = input.mailHost.trim()
  if (!isIpv4(given)) return { status: 'refused', code: 'bad-host', params: { host: given } }
  const peer = input.peerAddress?.trim()
  if (peer && !isIpv4(peer)) return { status: 'refused', code: 'bad-host', params: { host: peer } }
  const facts = readConfigFacts(input.config)
  const { real, mapped, nat } = hostAddresses(facts, given)
  const names = dataInterfaces(facts).map((i) => i.name)
  const known = (name: string | undefined) => (name && names.includes(name) ? name : undefined)
  for (const answer of [input.serverInterface, input.clientInterface])
    if (answer !== undefined && !known(answer))
      return { status: 'refused', code: 'unknown-interface', params: { interface: answer } }

  // Where the mail host sits (its NAT's real side, else the subnet holding it) and where its peers come from (the
  // NAT's mapped side). Inbound, the mail host is the server; outbound, the client.
  const hostSide = nat?.realInterface ?? dataInterfaces(facts).find((i) => inSubnet(real, i))?.name
  const peerSide = nat?.mappedInterface
  const hostRole: CaptureRole = input.direction === 'inbound' ? 'server' : 'client'
  const serverInterface = input.serverInterface ?? known(hostRole === 'server' ? hostSide : peerSide)
  const clientInterface = input.clientInterface ?? known(hostRole === 'client' ? hostSide : peerSide)
  const questions: PlanQuestion[] = []
  if (!serverInterface) questions.push('serverInterface')
  if (!clientInterface) questions.push('clientInterface')
  if (questions.length > 0) return { status: 'ask', questions, choices: names, host: { real, mapped } }
  if (serverInterface === clientInterface)
    return { status: 'refused', code: 'same-interface', params: { interface: serverInterface! } }

  const taken = new Set(readCaptureList(input.captureList).map((c) => c.name.toLowerCase()))
  const form = input.form ?? 'match'
  const aclsTaken = aclNamesIn(input.config)
  const any = peer ? `host ${peer}` : input.platform === 'ftd' ? 'any4' : 'any'
  const mode = EXEC
  const make = (role: CaptureRole, iface: string): PlannedCapture | null => {
    const name = freeName(CAPTURE_BASE_NAMES[role], taken)
    if (!name) return null
    taken.add(name.toLowerCase())
    // The NAT's mapped side sees the mapped address; every other interface the real one.
    const hostAddress = iface === nat?.mappedInterface ? mapped : real
    if (form === 'access-list') {
      // The capture's ACL: a name the configuration does not have yet, neither the customer's nor an earlier run's.
      const acl = freeName(`${name}${ACL_SUFFIX}`, aclsTaken)
      if (!acl) return null
      aclsTaken.add(acl.toLowerCase())
      const entries = aclEntries(acl, hostAddress, any, input.direction === 'inbound', CAPTURE_PORT)
      // The 7.0 order of the syntax (access-list, buffer, interface); the lab accepts any order, as 9.x does.
      const command = `capture ${name} access-list ${acl} buffer ${CAPTURE_BUFFER_BYTES} interface ${iface}`
      return { role, name, interface: iface, hostAddress, line: { mode, command }, acl: { name: acl, entries } }
    }
    const match =
      input.direction === 'inbound'
        ? `match tcp ${any} host ${hostAddress} eq ${CAPTURE_PORT}`
        : `match tcp host ${hostAddress} ${any} eq ${CAPTURE_PORT}`
    const command = `capture ${name} interface ${iface} buffer ${CAPTURE_BUFFER_BYTES} ${match}`
    return { role, name, interface: iface, hostAddress, line: { mode, command } }
  }
  const server = make('server', serverInterface!)
  const client = make('client', clientInterface!)
  if (!server || !client) return { status: 'refused', code: 'no-free-name', params: {} }
  const captures: [PlannedCapture, PlannedCapture] = [server, client]
  const acls = captures.flatMap((c) => (c.acl ? [c.acl] : []))
  const inConfig = (lines: CommandLine[]) => (lines.length > 0 ? [CONFIGURE, ...lines, END] : [])
  return {
    status: 'ready',
    plan: {
      platform: input.platform,
      direction: input.direction,
      form,
      changesConfig: acls.length > 0,
      host: { real, mapped, natLine: nat?.line ?? null },
      captures,
      lines: [...inConfig(acls.flatMap((a) => a.entries)), ...captures.map((c) => c.line)],
      readBack: captures.map((c) => `show capture ${c.name} dump`),
      removal: [
        ...captures.map((c) => ({ mode, command: `no capture ${c.name}` })),
        ...inConfig(acls.map((a) => aclRemoval(a.name))),
      ],
      bufferBytes: CAPTURE_BUFFER_BYTES,
    },
  }
}
