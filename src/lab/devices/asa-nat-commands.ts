/**
 * Object NAT in the lab ASA's configuration mode (8.3+ syntax), so a trainer or a test can publish, move or withdraw
 * the mail host over SSH; the capture tap reads the result at the next connection (src/lab/capture/addresses.ts).
 * As the Cisco ASA Series CLI Configuration Guide 9.0 ("NAT and ACLs") types it:
 *   hostname(config)# object network server1
 *   hostname(config-network-object)# host 10.1.1.5
 *   hostname(config-network-object)# nat (inside,outside) static 209.165.201.5
 * One NAT rule per object: a new `nat` line replaces the old ("You can only define a single NAT rule for a given
 * object", ASA ASDM Configuration Guide, "Network Object NAT (ASA 8.3 and Later)", Additional Guidelines).
 * Not modelled: twice NAT and the pre-8.3 `static` in configuration mode, object ranges/subnets/FQDNs.
 */

import type { CommandTable } from '../terminal/command-words'
import type { ConfigContext } from './asa-configure'
import { insertTopLevel, nodeAt, removeChildren } from './config-tree'

const here = (ctx: ConfigContext) => nodeAt(ctx.device.running, ctx.path)

/** Global configuration mode: entering a network object. */
export const natGlobalCommands: Array<CommandTable<ConfigContext>> = [
  {
    pattern: 'object network <name>',
    run: (ctx, [name]) => {
      insertTopLevel(ctx.device.running, `object network ${name}`)
      ctx.device.changed()
      ctx.enter('config-network-object', [`object network ${name}`])
    },
  },
]

/** Replaces the object's child starting with `word` (one host, one NAT rule per object). */
function setOne(ctx: ConfigContext, word: string, line: string): void {
  const node = here(ctx)
  if (!node) return
  removeChildren(node.children, (l) => l.split(' ')[0] === word)
  node.children.push({ line, children: [] })
  ctx.device.changed()
}

/** `(config-network-object)#`. */
export const networkObjectCommands: Array<CommandTable<ConfigContext>> = [
  { pattern: 'host <address>', run: (ctx, [address]) => setOne(ctx, 'host', `host ${address}`) },
  {
    pattern: 'nat <interfaces> static ...',
    run: (ctx, [pair], rest) => setOne(ctx, 'nat', ['nat', pair, 'static', ...rest].join(' ')),
  },
  {
    pattern: 'no nat ...',
    run: (ctx) => {
      const node = here(ctx)
      if (node) removeChildren(node.children, (l) => l.startsWith('nat '))
      ctx.device.changed()
    },
  },
]
