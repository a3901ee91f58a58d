/**
 * The guided capture's access-list form, for a PIX/ASA whose `capture` has no `match` keyword (PIX OS / ASA 7.0:
 * `capture NAME [access-list ACL] [buffer N] [ethernet-type T] [interface IF] [packet-length N] [circular-buffer]
 * [type …]`, simplenetworktips.blogspot.com 2009 quoting the 7.0 command reference; the device answers the caret
 * under `match` and `ERROR: % Invalid input detected`). Each capture gets its own extended ACL with one entry per
 * direction: an ACL capture takes a packet only when an entry matches it as it travels, one direction per entry
 * (Cisco community document "Packet capture on Firewalls (ASA/PIX/FWSM)", which writes one ACE each way; cited in
 * src/lab/capture/match.ts), so a single entry would catch the client's commands without the server's replies.
 *
 * Unlike a capture, an ACL is a CONFIGURATION change (it is in the running-config): the lines are typed in
 * configuration mode, never saved (no `write memory`), and removed after the captures — `clear configure access-list
 * NAME` removes the whole ACL ("To remove the entire ACL, use the clear configure access-list command", Cisco ASA
 * Series CLI Configuration Guide, "Adding an Extended Access Control List"; the same advice for ASA/PIX 7.x:
 * experts123.com "How do I create an access list (ACL) on the ASA or PIX?"). The `extended` keyword is the 7.0 form
 * of a five-tuple ACE (the same source; 7.x configurations print `access-list NAME extended permit …`).
 * [?] The order of removal (capture before its ACL) is the safe one; whether 7.0 refuses to clear an ACL a capture
 * still uses was not found.
 */
import type { CommandLine } from '../../remedies/types'

export type CaptureForm = 'match' | 'access-list'

/** Our ACLs are named after the capture that uses them: `UNMASK_SRV_ACL`. */
export const ACL_SUFFIX = '_ACL'

/** The names of the access-lists a running-config already has (lower case), so ours never reuse one. */
export function aclNamesIn(config: string): Set<string> {
  const names = new Set<string>()
  for (const m of config.matchAll(/^access-list (\S+) /gm)) names.add(m[1]!.toLowerCase())
  return names
}

/**
 * The two entries of one capture's ACL: towards the mail host's port 25 and back. `host` is the mail host's address
 * on that interface, `peer` `any` or `host P`; inbound the mail host is the server, outbound the client.
 */
export function aclEntries(acl: string, host: string, peer: string, inbound: boolean, port: number): CommandLine[] {
  const ace = (rule: string): CommandLine => ({ mode: 'config', command: `access-list ${acl} extended permit ${rule}` })
  return inbound
    ? [ace(`tcp ${peer} host ${host} eq ${port}`), ace(`tcp host ${host} eq ${port} ${peer}`)]
    : [ace(`tcp host ${host} ${peer} eq ${port}`), ace(`tcp ${peer} eq ${port} host ${host}`)]
}

export const CONFIGURE: CommandLine = { mode: 'enable', command: 'configure terminal' }
export const END: CommandLine = { mode: 'config', command: 'end' }

/** Removes one of our ACLs (typed in configuration mode, after its capture is gone). */
export function aclRemoval(acl: string): CommandLine {
  return { mode: 'config', command: `clear configure access-list ${acl}` }
}
