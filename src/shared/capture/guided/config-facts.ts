/**
 * What the guided capture needs from a running-config: the named interfaces (nameif, address, mask) and the static
 * NAT of the mail host (its real address on one interface, its mapped address on the other). Read from the text
 * the device session already collected (`show running-config`), never guessed.
 *
 * Forms read (pix-asa-smtp-inspection.md and the lab configurations in resources/lab/configs are examples of each):
 * - interfaces, ASA/PIX 7+/FTD: `interface X` with ` nameif NAME` and ` ip address A MASK [standby S]`;
 * - static NAT before 8.3: `static (real_if,mapped_if) MAPPED REAL [netmask M]`, also the port form
 *   `static (real_if,mapped_if) tcp MAPPED 25 REAL 25 netmask M`;
 * - object NAT 8.3+ (and FTD): `object network OBJ` / ` host REAL` / ` nat (real_if,mapped_if) static MAPPED [service …]`,
 *   MAPPED an address or another `object network` holding ` host`;
 * - twice NAT 8.3+: `nat (real_if,mapped_if) source static REAL_OBJ MAPPED_OBJ …` with host objects.
 * Anything else (dynamic PAT, ranges, subnets) is not a one-host mapping and is left out: the plan then asks.
 */

export interface NamedInterface {
  /** The nameif: what `capture … interface NAME` takes. */
  name: string
  address: string | null
  mask: string | null
  managementOnly: boolean
}

export interface StaticNat {
  realInterface: string
  mappedInterface: string
  real: string
  mapped: string
  /** 1-based line of the NAT statement in the configuration. */
  line: number
}

export interface ConfigFacts {
  interfaces: NamedInterface[]
  nat: StaticNat[]
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/

export function isIpv4(text: string): boolean {
  return IPV4.test(text)
}

function toNumber(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

/** Whether `address` lies in the subnet of `iface` (its address and mask). */
export function inSubnet(address: string, iface: NamedInterface): boolean {
  if (!iface.address || !iface.mask || !isIpv4(address)) return false
  const mask = toNumber(iface.mask)
  // Unsigned compare: a /1 mask makes the top bit significant.
  return (toNumber(address) & mask) >>> 0 === (toNumber(iface.address) & mask) >>> 0
}

const STATIC_OLD =
  /^static \(([\w.-]+),([\w.-]+)\) (?:tcp )?(\S+) (?:\d+ |smtp )?(\S+) (?:\d+ |smtp )?netmask 255\.255\.255\.255/
const STATIC_OLD_NO_MASK = /^static \(([\w.-]+),([\w.-]+)\) (\S+) (\S+)\s*$/
const OBJECT_NAT = /^nat \(([\w.-]+),([\w.-]+)\) static (\S+)/
const TWICE_NAT = /^nat \(([\w.-]+),([\w.-]+)\) (?:\d+ |after-auto )?source static (\S+) (\S+)/

interface Block {
  head: string
  line: number
  children: Array<{ text: string; line: number }>
}

function blocks(config: string): Block[] {
  const out: Block[] = []
  const lines = config.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\s+$/, '')
    if (raw === '' || raw.startsWith('!')) continue
    if (/^\s/.test(raw)) out[out.length - 1]?.children.push({ text: raw.trim(), line: i + 1 })
    else out.push({ head: raw, line: i + 1, children: [] })
  }
  return out
}

export function readConfigFacts(config: string): ConfigFacts {
  const all = blocks(config)
  const interfaces: NamedInterface[] = []
  const hostOf = new Map<string, string>()
  for (const b of all) {
    if (b.head.startsWith('interface ')) {
      const nameif = b.children.find((c) => c.text.startsWith('nameif '))?.text.split(' ')[1]
      if (!nameif) continue
      const ip = b.children.find((c) => c.text.startsWith('ip address '))?.text.split(' ')
      const address = ip && isIpv4(ip[2] ?? '') ? ip[2]! : null
      const mask = ip && isIpv4(ip[3] ?? '') ? ip[3]! : null
      const managementOnly = b.children.some((c) => c.text === 'management-only')
      interfaces.push({ name: nameif, address, mask, managementOnly })
    } else if (b.head.startsWith('object network ')) {
      const host = b.children.find((c) => c.text.startsWith('host '))?.text.split(' ')[1]
      if (host && isIpv4(host)) hostOf.set(b.head.split(' ')[2]!, host)
    }
  }
  const resolve = (token: string) => (isIpv4(token) ? token : (hostOf.get(token) ?? null))
  const nat: StaticNat[] = []
  const add = (
    realInterface: string,
    mappedInterface: string,
    real: string | null,
    mapped: string | null,
    line: number,
  ) => {
    if (real && mapped) nat.push({ realInterface, mappedInterface, real, mapped, line })
  }
  for (const b of all) {
    const old = STATIC_OLD.exec(b.head) ?? STATIC_OLD_NO_MASK.exec(b.head)
    if (old) add(old[1]!, old[2]!, resolve(old[4]!), resolve(old[3]!), b.line)
    const twice = TWICE_NAT.exec(b.head)
    if (twice) add(twice[1]!, twice[2]!, resolve(twice[3]!), resolve(twice[4]!), b.line)
    if (!b.head.startsWith('object network ')) continue
    const real = hostOf.get(b.head.split(' ')[2]!) ?? null
    for (const c of b.children) {
      const m = OBJECT_NAT.exec(c.text)
      if (m && m[3] !== 'interface') add(m[1]!, m[2]!, real, resolve(m[3]!), c.line)
    }
  }
  return { interfaces, nat }
}
