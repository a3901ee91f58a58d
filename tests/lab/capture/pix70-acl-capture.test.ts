/**
 * A PIX/ASA 7.0 `capture` knows no `match` (issue 21): the lab's 7.0 refuses the word with the caret under it and
 * takes the access-list form instead — two ACEs, one per direction, because an ACL capture matches one direction
 * per entry (src/lab/capture/match.ts). The lab runs the pix7-old persona (PIX 7.2(1)) relabelled 7.0(8): the
 * refusal depends on the release only (src/lab/devices/asa-capture-commands.ts, captureKnowsMatch).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { labPerFile } from '../helpers/lab-fixture'
import type { ShellClient } from '../helpers/ssh-shell'
import { captureOneMail, mailThrough, privileged, readDump, smtpLines } from './asa-capture-shell'

const { lab, track } = labPerFile('pix7-old')
const HOST = 'pixfirewall'

async function run(shell: ShellClient, line: string): Promise<string> {
  const raw = await shell.run(line, /pixfirewall(\(config\))?# $/, 10_000)
  return raw.replace(/\r/g, '').split('\n').slice(1, -1).join('\n')
}

const MATCH_LINE = 'capture CAPI interface inside buffer 1048576 match tcp any host 192.168.10.25 eq 25'
const ACES = [
  'access-list CAPI_ACL extended permit tcp any host 192.168.10.25 eq 25',
  'access-list CAPI_ACL extended permit tcp host 192.168.10.25 eq 25 any',
]

describe('lab PIX 7.0: capture without match, with an access-list', () => {
  beforeEach(() => {
    lab().device!.spec.version = '7.2(1)'
  })

  it('refuses `match` on 7.0 with the caret under the word, and creates nothing', async () => {
    lab().device!.spec.version = '7.0(8)'
    const shell = await privileged(lab(), track, HOST)
    const answer = await run(shell, MATCH_LINE)
    const [caret, error] = answer.split('\n')
    expect(error).toBe("ERROR: % Invalid input detected at '^' marker.")
    // The caret sits under `match` of the echoed line (prompt + command).
    expect(caret!.indexOf('^')).toBe(`${HOST}# `.length + MATCH_LINE.indexOf(' match ') + 1)
    expect(await run(shell, 'show capture')).toBe('')
  })

  it('counter-example: the same line is taken on 7.2', async () => {
    const shell = await privileged(lab(), track, HOST)
    expect(await run(shell, MATCH_LINE)).toBe('')
    expect(await run(shell, 'show capture')).toMatch(/^capture CAPI /)
    expect(await run(shell, 'no capture CAPI')).toBe('')
  })

  it('on 7.0 the access-list form captures both directions and is removed without a trace', async () => {
    lab().device!.spec.version = '7.0(8)'
    const shell = await privileged(lab(), track, HOST)
    expect(await run(shell, 'configure terminal')).toBe('')
    for (const ace of ACES) expect(await run(shell, ace)).toBe('')
    expect(await run(shell, 'end')).toBe('')
    expect(await run(shell, 'show running-config access-list')).toContain(ACES[1])
    await captureOneMail(
      shell,
      lab().smtp.port,
      { CAPI: 'access-list CAPI_ACL buffer 1048576 interface inside' },
      'CAPI',
      run,
    )
    const inside = readDump(await run(shell, 'show capture CAPI dump'))
    // Both directions: the client's commands and the server's original replies (inside = the mail host's side).
    expect(smtpLines(inside, 'client')).toContain('EHLO client.example')
    expect(smtpLines(inside, 'server')).toContain('250-STARTTLS')

    expect(await run(shell, 'no capture CAPI')).toBe('')
    expect(await run(shell, 'configure terminal')).toBe('')
    expect(await run(shell, 'clear configure access-list CAPI_ACL')).toBe('')
    expect(await run(shell, 'end')).toBe('')
    expect(await run(shell, 'show capture')).toBe('')
    const acls = await run(shell, 'show running-config access-list')
    expect(acls).not.toContain('CAPI_ACL')
    // The customer's own ACL is untouched.
    expect(acls).toContain('access-list outside_in extended permit tcp any host 198.51.100.25 eq smtp')
  })

  it('counter-example: one ACE (one direction) catches only the client side', async () => {
    lab().device!.spec.version = '7.0(8)'
    const shell = await privileged(lab(), track, HOST)
    await run(shell, 'configure terminal')
    expect(await run(shell, ACES[0]!.replace('CAPI_ACL', 'ONE_ACL'))).toBe('')
    await run(shell, 'end')
    expect(await run(shell, 'capture ONE access-list ONE_ACL interface inside')).toBe('')
    // Resolves once the server has closed: both legs have moved every byte.
    await mailThrough(lab().smtp.port)
    const dump = readDump(await run(shell, 'show capture ONE dump'))
    expect(smtpLines(dump, 'server')).toEqual([])
    expect(smtpLines(dump, 'client')).toContain('EHLO client.example')
    await run(shell, 'no capture ONE')
    await run(shell, 'configure terminal')
    await run(shell, 'clear configure access-list ONE_ACL')
    await run(shell, 'end')
  })

  it('a malformed ACE is refused and not added', async () => {
    const shell = await privileged(lab(), track, HOST)
    await run(shell, 'configure terminal')
    expect(await run(shell, 'access-list BAD extended permit tcp any host 999.1.1.1 eq 25')).toMatch(/^ERROR: /)
    await run(shell, 'end')
    expect(await run(shell, 'show running-config access-list')).not.toContain('BAD')
  })
})
