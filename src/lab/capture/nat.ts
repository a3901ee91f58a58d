/**
 * The lab's own reading of one-host static NAT in a device's running-config tree (the lab imports nothing from
 * src/shared, so a mistake in the product's reader cannot hide in the lab: tests/lab/structure/imports.test.ts).
 * Forms, as public configurations write them:
 * - pre-8.3 `static (real_if,mapped_if) MAPPED REAL [netmask 255.255.255.255]` (mapped first: packet-tracer shows
 *   `static (inside,outside) 67.79.5.28 192.168.1.15 netmask 255.255.255.255` as "Untranslate 67.79.5.28/0 to
 *   192.168.1.15/0", https://pastebin.com/xUc1Xzbt), and its port form `static (r,m) tcp MAPPED PORT REAL PORT …`;
 * - object NAT 8.3+: `object network OBJ` / ` host REAL` / ` nat (real_if,mapped_if) static MAPPED [service …]`
 *   (Cisco ASA Series CLI Configuration Guide 9.0, "NAT and ACLs": `object network server1`, `host 10.1.1.5`,
 *   `nat (inside,outside) static 209.165.201.5`), MAPPED an address or a host object;
 * - twice NAT 8.3+: `nat (real_if,mapped_if) [LINE | after-auto | after-object] source static REAL MAPPED …`, each a
 *   host object or an address (https://pastebin.com/842Vb3az: `nat (inside,outside) source static 192.168.110.20
 *   24.37.204.37 service udp 500`).
 * Anything else (interface PAT, subnets, ranges, dynamic NAT) maps no single host and is left out.
 */
import type { ConfigNode } from '../devices/config-tree'

export interface HostNat {
  realInterface: string
  mappedInterface: string
  real: string
  mapped: string
}

const ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$/
const PAIR = /^\(([\w.-]+),([\w.-]+)\)$/

export function hostNats(config: readonly ConfigNode[]): HostNat[] {
  const hosts = new Map<string, string>()
  for (const n of config) {
    const name = /^object network (\S+)$/.exec(n.line)?.[1]
    const host = n.children.map((c) => /^host (\S+)$/.exec(c.line)?.[1]).find((h) => h && ADDRESS.test(h))
    if (name && host) hosts.set(name, host)
  }
  const address = (token: string | undefined) =>
    token === undefined ? undefined : ADDRESS.test(token) ? token : hosts.get(token)
  const found: HostNat[] = []
  const add = (pair: string | undefined, real: string | undefined, mapped: string | undefined) => {
    const sides = pair ? PAIR.exec(pair) : null
    const [r, m] = [address(real), address(mapped)]
    if (sides && r && m) found.push({ realInterface: sides[1]!, mappedInterface: sides[2]!, real: r, mapped: m })
  }
  for (const n of config) {
    const words = n.line.split(/\s+/)
    if (words[0] === 'static') {
      const rest = words.slice(2)
      const netmask = rest.indexOf('netmask')
      if (netmask >= 0 && rest[netmask + 1] !== '255.255.255.255') continue
      if (rest[0] === 'tcp' || rest[0] === 'udp') add(words[1], rest[3], rest[1])
      else add(words[1], rest[1], rest[0])
    } else if (words[0] === 'nat') {
      const at = words.indexOf('source')
      if (at > 0 && words[at + 1] === 'static') add(words[1], words[at + 2], words[at + 3])
    } else if (words[0] === 'object' && words[1] === 'network') {
      const real = hosts.get(words[2] ?? '')
      for (const c of n.children) {
        const w = c.line.split(/\s+/)
        if (w[0] === 'nat' && w[2] === 'static' && w[3] !== 'interface') add(w[1], real, w[3])
      }
    }
  }
  return found
}
