/**
 * PIX 6.x: the lab does not simulate its `capture` (6.2/6.3 had one, with an access-list only, but no public sample of
 * its output was found), so the command is unknown there and nothing is captured — the guided capture refuses PIX 6
 * before typing anything (src/shared/capture/guided/plan.ts).
 */
import { describe, expect, it } from 'vitest'
import { labPerFile } from '../helpers/lab-fixture'
import { LineClient } from '../helpers/line-client'
import { TelnetClient } from '../helpers/telnet-client'

const { lab, track } = labPerFile('pix6-mailguard')

describe('pix6-mailguard captures', () => {
  it('answers capture and show capture as unknown commands; traffic fills no buffer', async () => {
    const t = track(await TelnetClient.open(lab().management!.port))
    await t.waitFor('Password: ')
    t.send('lab-admin\r\0')
    await t.waitFor('pixfirewall> ')
    t.send('enable\r\0')
    await t.waitFor('Password: ')
    t.send('lab-enable\r\0')
    await t.waitFor('pixfirewall# ')
    for (const line of ['capture CAP access-list 101 interface inside', 'show capture']) {
      t.send(`${line}\r\0`)
      expect(await t.waitFor('pixfirewall# ')).toContain("Type help or '?' for a list of available commands.")
    }
    await greetAndQuit(lab().smtp.port)
    expect(lab().device!.captures.list()).toEqual([])
    // Counter-check: a capture put on the device directly does fill from the same traffic, so the empty list above
    // is the shell's doing, not a path without hooks.
    lab().device!.captures.set('DIRECT', {
      interface: 'inside',
      buffer: 524_288,
      packetLength: 1518,
      circular: false,
      headersOnly: false,
      filter: { rules: [], bothWays: true },
    })
    await greetAndQuit(lab().smtp.port)
    expect(lab().device!.captures.get('DIRECT')!.packets.length).toBeGreaterThan(3)
    lab().device!.captures.remove('DIRECT')
  })
})

async function greetAndQuit(port: number): Promise<void> {
  const c = await LineClient.open(port)
  try {
    await c.reply()
    c.send('QUIT\r\n')
    await c.closedByPeer()
  } finally {
    c.close()
  }
}
