/**
 * The packet-capture commands of the simulated ASA/PIX 7+/FTD LINA (privileged EXEC; like the other EXEC commands
 * they also work from configuration mode): `capture`, `show capture [NAME [dump|detail]]`, `no capture NAME
 * [interface IF]`, `clear capture NAME|/all`. The captures live on the device the inspection proxy asks, so they
 * see the bytes of real connections (src/lab/capture). Output layouts and their sources: src/lab/capture/show.ts.
 *
 * What a malformed line gets: the ASA's caret and `ERROR: % Invalid input detected at '^' marker.` under the word
 * that broke (an unknown interface, access-list or capture name included) — no public sample of a more specific
 * capture error message was found, so the lab does not invent one.
 */
import type { AddressSpec, MatchRule } from '../capture/match'
import { type ParseEnvironment, parseCapture, parseRule } from '../capture/parse'
import { type CaptureView, captureList, capturePackets } from '../capture/show'
import { applyPipe, type CommandTable, keywordMatches } from '../terminal/command-words'
import type { ShellIo } from '../terminal/terminal-session'
import type { LabDevice } from './lab-device'
import { versionBefore } from './version'

export interface CaptureCommandContext {
  device: LabDevice
  io: ShellIo
  pipe: string | undefined
  /** The ASA's `^` marker under word `index` of the line. */
  invalid(index: number): void
}

/**
 * Whether this release's `capture` takes `match`. The PIX OS / ASA 7.0 syntax lists only `capture NAME [access-list
 * ACL] [buffer N] [ethernet-type T] [interface IF] [packet-length N] [circular-buffer] [type …]`
 * (simplenetworktips.blogspot.com 2009, quoting the 7.0 command reference); ASA 9.1 has `match` (General Operations
 * CLI guide 9.1, "Capturing Packets", cisco.com …/asa91/configuration/general/asa_91_general_config/admin_trouble.html).
 * [?] Which 7.x/8.x release added it was not found in public sources (searched: Cisco command references and their
 * command-history tables, community threads): the lab refuses it on 7.0 only and accepts it from 7.1 on.
 */
export function captureKnowsMatch(device: LabDevice): boolean {
  return device.spec.kind === 'ftd' || !versionBefore(device.spec.version, '7.1')
}

/** The device's interfaces (`nameif`), access-lists and network objects, for the capture parser. */
export function captureEnvironment(device: LabDevice): ParseEnvironment {
  const env: ParseEnvironment = {
    matchKnown: captureKnowsMatch(device),
    interfaces: device.running.flatMap((n) =>
      n.line.startsWith('interface ')
        ? n.children.filter((c) => c.line.startsWith('nameif ')).map((c) => c.line.slice('nameif '.length))
        : [],
    ),
    object: (name) => networkObject(device, name),
    accessList: (name) => {
      const rules: MatchRule[] = []
      for (const node of device.running) {
        const words = node.line.split(' ')
        if (words[0] !== 'access-list' || words[1] !== name) continue
        const at = words[2] === 'extended' ? 3 : 2
        if (words[at] !== 'permit' && words[at] !== 'deny') continue
        const rule = parseRule(words, at + 1, words[at] === 'permit', env)
        if (rule.ok) rules.push(rule.value)
      }
      return rules.length > 0 ? rules : undefined
    },
  }
  return env
}

function networkObject(device: LabDevice, name: string): AddressSpec | undefined {
  const node = device.running.find((n) => n.line === `object network ${name}`)
  for (const child of node?.children ?? []) {
    const [kind, address, mask] = child.line.split(' ')
    if (kind === 'host' && address) return { kind: 'net', address, mask: '255.255.255.255' }
    if (kind === 'subnet' && address && mask) return { kind: 'net', address, mask }
  }
  return undefined
}

function out(ctx: CaptureCommandContext, lines: string[]): void {
  const filtered = applyPipe(lines, ctx.pipe)
  if (filtered === null) ctx.io.print("ERROR: % Invalid input detected at '^' marker.")
  else if (filtered.length > 0) ctx.io.print(filtered.join('\n'))
}

function create(ctx: CaptureCommandContext, name: string, rest: string[]): void {
  const parsed = parseCapture(['capture', name, ...rest], captureEnvironment(ctx.device))
  if (parsed.ok) ctx.device.captures.set(name, parsed.value)
  else if (parsed.incomplete) ctx.io.print('ERROR: % Incomplete command')
  else ctx.invalid(parsed.failedAt)
}

function show(ctx: CaptureCommandContext, name: string, rest: string[]): void {
  const capture = ctx.device.captures.get(name)
  if (!capture) {
    ctx.invalid(2)
    return
  }
  let view: CaptureView = 'brief'
  for (const [i, word] of rest.entries()) {
    if (keywordMatches(word, 'dump') && view === 'brief') view = 'dump'
    else if (keywordMatches(word, 'detail') && word.length >= 2 && view === 'brief') view = 'detail'
    else {
      ctx.invalid(3 + i)
      return
    }
  }
  out(ctx, capturePackets(capture, view))
}

function remove(ctx: CaptureCommandContext, name: string, rest: string[]): void {
  const { captures } = ctx.device
  if (!captures.get(name)) {
    ctx.invalid(2)
    return
  }
  // `no capture NAME interface IF` stops that capture and keeps its buffer; without arguments it is deleted
  // (FTD command reference "capture": "no capture capture_name [arguments]").
  const iface = rest.findIndex((w) => w.length >= 3 && keywordMatches(w, 'interface'))
  if (iface === -1) captures.remove(name)
  else captures.detach(name)
}

function clear(ctx: CaptureCommandContext, name: string): void {
  if (name === '/all') ctx.device.captures.clear()
  else if (ctx.device.captures.get(name)) ctx.device.captures.clear(name)
  else ctx.invalid(2)
}

export const captureCommands: Array<CommandTable<CaptureCommandContext>> = [
  { pattern: 'capture <name> ...', run: (ctx, [name], rest) => create(ctx, name!, rest) },
  { pattern: 'show capture', run: (ctx) => out(ctx, captureList(ctx.device.captures.list())) },
  { pattern: 'show capture <name> ...', run: (ctx, [name], rest) => show(ctx, name!, rest) },
  { pattern: 'no capture <name> ...', run: (ctx, [name], rest) => remove(ctx, name!, rest) },
  { pattern: 'clear capture <name>', run: (ctx, [name]) => clear(ctx, name!) },
]
