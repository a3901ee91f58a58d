import { describe, expect, it } from 'vitest'
import { labPerFile, sendMail, smtpGreeting } from '../helpers/lab-fixture'
import { LineClient } from '../helpers/line-client'
import { ShellClient } from '../helpers/ssh-shell'

const { lab, track } = labPerFile('pix7-old')
const DKIM = 'DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=sel; h=From:To:Subject:Date; bh=abc=; b=def='

async function mail(headers: string): Promise<number | 'reset'> {
  const client = track(await LineClient.open(lab().smtp.port))
  await client.reply()
  await client.command('HELO probe.example')
  return sendMail(client, headers)
}

describe('pix7-old scenario', () => {
  it('is a PIX 7.2(1) over SSH with the ASA-style CLI and only the help hint at login', async () => {
    const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
    track(shell)
    const banner = await shell.waitFor('pixfirewall> ')
    expect(banner).toContain("Type help or '?' for a list of available commands.")
    expect(banner).not.toContain('logged in to')
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('lab-enable\r')
    await shell.waitFor('pixfirewall# ')
    await shell.run('terminal pager 0', 'pixfirewall# ')
    const version = await shell.run('show version', 'pixfirewall# ')
    expect(version).toContain('Cisco PIX Security Appliance Software Version 7.2(1)')
    const sp = await shell.run('show service-policy inspect esmtp', 'pixfirewall# ')
    // 7.x/8.x counter line: no lock fail / 5-min-pkt-rate columns.
    expect(sp).toMatch(/Inspect: esmtp _default_esmtp_map, packet \d+, drop \d+, reset-drop \d+\r\n/)
  })

  it('masks STARTTLS like any inspect esmtp', async () => {
    const g = await smtpGreeting(lab().smtp.port, track)
    expect(g.banner).toMatch(/^220 \*+$/)
    // Debian Postfix's 500 for the X-ed command (§7.4); VRFY is the first mask, STARTTLS the second (§7.2).
    expect(g.starttls).toMatch(/^500 /)
    expect(g.ehlo).toContain('250-XXXA')
    expect(g.ehlo).toContain('250-XXXXXXXB')
    expect(g.ehlo.join('\n')).not.toContain('STARTTLS')
  })

  it('resets the connection for DKIM-signed mail (pre-7.2(3) bug) but passes unsigned mail', async () => {
    const before = lab().device!.counters.resetDrop
    expect(await mail(`${DKIM}\r\nSubject: signed`)).toBe('reset')
    expect(lab().device!.counters.resetDrop).toBe(before + 1)
    expect(await mail('Subject: plain')).toBe(250)
  })

  it('lets DKIM-signed mail through once inspect esmtp is removed over SSH', async () => {
    const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
    track(shell)
    await shell.waitFor('pixfirewall> ')
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('lab-enable\r')
    await shell.waitFor('pixfirewall# ')
    await shell.run('configure terminal', 'pixfirewall(config)# ')
    await shell.run('policy-map global_policy', 'pixfirewall(config-pmap)# ')
    await shell.run('class inspection_default', 'pixfirewall(config-pmap-c)# ')
    await shell.run('no inspect esmtp', 'pixfirewall(config-pmap-c)# ')
    await shell.run('end', 'pixfirewall# ')
    expect(await mail(`${DKIM}\r\nSubject: signed`)).toBe(250)
  })
})
