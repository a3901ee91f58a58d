/**
 * Multiple-context mode: a capture belongs to the context it is made in and sees only that context's traffic (Cisco
 * ASA Series CLI Configuration Guide, Troubleshooting, "Capturing Packets", on captures in contexts: "For security
 * purposes, each context can only see the packets that belong to it"). The lab's mail path runs through `mail`.
 */
import { describe, expect, it } from 'vitest'
import { labPerFile } from '../helpers/lab-fixture'
import type { ShellClient } from '../helpers/ssh-shell'
import { captureOneMail, privileged, readDump, removeCaptures, smtpLines } from './asa-capture-shell'

const { lab, track } = labPerFile('asa9-multicontext')

function runner(prompt: string) {
  return async (shell: ShellClient, line: string) => {
    const raw = (await shell.run(line, prompt, 10_000)).replace(/\r/g, '').split('\n')
    return raw.slice(1, -1).join('\n')
  }
}

describe('captures per security context', () => {
  it('the admin context has no data interfaces; the mail context captures the mail path', async () => {
    const shell = await privileged(lab(), track, 'ciscoasa/admin')
    const admin = runner('ciscoasa/admin# ')

    // `inside` is not an interface of the admin context: marked like any unknown interface.
    expect(await admin(shell, 'capture ADM interface inside match tcp any any eq 25')).toContain(
      "ERROR: % Invalid input detected at '^' marker.",
    )
    expect(await admin(shell, 'capture ADM interface management match tcp any any eq 25')).toBe('')

    await shell.run('changeto context mail', 'ciscoasa/mail# ')
    const mail = runner('ciscoasa/mail# ')
    expect(await mail(shell, 'show capture')).toBe('')
    // The mail context's own NAT (asa9-multi-mail.cfg: MAIL_HOST 192.168.10.25, static 198.51.100.25) decides.
    await captureOneMail(
      shell,
      lab().smtp.port,
      {
        MAILI: 'interface inside match tcp any host 192.168.10.25 eq 25',
        MAILO: 'interface outside match tcp any host 198.51.100.25 eq 25',
      },
      'MAILI',
      mail,
    )
    expect(smtpLines(readDump(await mail(shell, 'show capture MAILO dump')), 'server')).toContain('250 XXXXXXXA')
    expect(smtpLines(readDump(await mail(shell, 'show capture MAILI dump')), 'server')).toContain('250 STARTTLS')

    await shell.run('changeto context admin', 'ciscoasa/admin# ')
    expect(await admin(shell, 'show capture')).toBe(
      'capture ADM type raw-data interface management [Capturing - 0 bytes]\n  match tcp any any eq smtp',
    )
    await admin(shell, 'no capture ADM')
    await shell.run('changeto context mail', 'ciscoasa/mail# ')
    await removeCaptures(shell, ['MAILO', 'MAILI'], mail)
    expect(await mail(shell, 'show capture')).toBe('')
  })
})
