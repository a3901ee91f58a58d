/**
 * Extended access-list entries in the simulated ASA/PIX 7+ configuration mode — just what the guided capture's
 * access-list form needs (issue 21: a PIX/ASA 7.0 whose `capture` knows no `match`):
 * - `access-list NAME extended {permit|deny} PROTO SRC [OP PORT] DST [OP PORT]` appends an ACE (after the other
 *   access-list lines, as the device prints them);
 * - `no access-list NAME extended …` removes that exact ACE; `clear configure access-list NAME` removes the whole ACL.
 * Source: "To delete an ACE, enter the no access-list command with the entire command syntax string as it appears in
 * the configuration. To remove the entire ACL, use the clear configure access-list command." (Cisco ASA Series CLI
 * Configuration Guide, "Adding an Extended Access Control List", https://easymanua.ls/cisco/asa-series/manual?p=562;
 * the same for ASA/PIX 7.x in https://experts123.com/q/how-do-i-create-an-access-list-acl-on-the-asa-or-pix.html).
 * A malformed ACE gets the generic ERROR line (no public sample of a more specific access-list error was found).
 */
import { parseRule } from '../capture/parse'
import type { CommandTable } from '../terminal/command-words'
import { captureEnvironment } from './asa-capture-commands'
import { insertTopLevel, removeChildren } from './config-tree'
import type { LabDevice } from './lab-device'

/** The part of asa-configure's ConfigContext these commands use (declared here: no import cycle back to it). */
interface AclContext {
  device: LabDevice
  print(text: string): void
}

const INVALID = "ERROR: % Invalid input detected at '^' marker."

/** The ACE as the running-config keeps it, or null when the words after the name are not a valid extended ACE. */
function aceLine(ctx: AclContext, name: string, rest: string[]): string | null {
  const words = ['access-list', name, ...rest]
  if (rest[0]?.toLowerCase() !== 'extended') return null
  const action = rest[1]?.toLowerCase()
  if (action !== 'permit' && action !== 'deny') return null
  const rule = parseRule(words, 4, action === 'permit', captureEnvironment(ctx.device))
  if (!rule.ok || rule.next !== words.length) return null
  return words.join(' ')
}

export const accessListCommands: Array<CommandTable<AclContext>> = [
  {
    pattern: 'access-list <name> ...',
    run: (ctx, [name], rest) => {
      const line = aceLine(ctx, name!, rest)
      if (!line) return ctx.print(INVALID)
      insertTopLevel(ctx.device.running, line)
      ctx.device.changed()
    },
  },
  {
    pattern: 'no access-list <name> ...',
    run: (ctx, [name], rest) => {
      const line = aceLine(ctx, name!, rest)
      if (!line || removeChildren(ctx.device.running, (l) => l === line) === 0) return ctx.print(INVALID)
      ctx.device.changed()
    },
  },
  {
    pattern: 'clear configure access-list <name>',
    run: (ctx, [name]) => {
      removeChildren(ctx.device.running, (l) => l.startsWith(`access-list ${name} `))
      ctx.device.changed()
    },
  },
]
