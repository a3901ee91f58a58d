/**
 * The addresses the lab's synthetic capture packets carry for the mail host (issue 21). The lab's sockets are all on
 * 127.0.0.1, but a real ASA's captures show the addresses of its configuration: an interface capture sees an
 * incoming packet before NAT and an outgoing one after it (tunnelsup.com "Packet Captures on Cisco ASA",
 * https://www.tunnelsup.com/packet-captures-on-cisco-asa/), so the mail host's own interface shows its REAL address
 * and the interface its static NAT maps it to shows the MAPPED one (ASA 9.1 "Capturing Packets"; the ASDM capture
 * wizard: "if NAT is performed … take this into consideration"). These are bytes in a capture buffer only: nothing
 * ever connects to them.
 *
 * Which host is the mail host: the one the scenario's configuration, as shipped, maps with a one-host static NAT
 * (static, object or twice NAT) from the host's interface to the peer's — every lab configuration with a firewall
 * publishes its mail host that way (resources/lab/configs). Whether it is mapped NOW is read from the live
 * running-config at each new connection, so removing or changing the NAT over SSH applies to the next connection.
 * The forms are read by the lab's own reader (nat.ts), independent of the product's; the lab tests pin the literal
 * addresses per scenario configuration.
 */
import type { ConfigNode } from '../devices/config-tree'
import { type HostNat, hostNats } from './nat'

/** Without any NAT of a mail host in the configuration: the socket's own address. */
export const LOOPBACK = '127.0.0.1'

export interface MailHostAddresses {
  /** On the mail host's own interface. */
  real: string
  /** On the peer's interface: the static NAT's mapped address, else the real one. */
  mapped: string
}

/**
 * The mail host's addresses for a connection between `hostInterface` (where the mail host sits) and `peerInterface`.
 * `running` is the live configuration, `shipped` the scenario's configuration as the lab started it.
 */
export function mailHostAddresses(
  running: readonly ConfigNode[],
  shipped: readonly ConfigNode[],
  hostInterface: string,
  peerInterface: string,
): MailHostAddresses {
  const between = (n: HostNat) => n.realInterface === hostInterface && n.mappedInterface === peerInterface
  const published = hostNats(shipped).find(between)?.real
  const live = hostNats(running).filter(between)
  // A NAT of another host does not move the mail host; one added to a configuration that published none does.
  const nat = published ? live.find((n) => n.real === published) : live[0]
  const real = nat?.real ?? published ?? LOOPBACK
  return { real, mapped: nat?.mapped ?? real }
}
