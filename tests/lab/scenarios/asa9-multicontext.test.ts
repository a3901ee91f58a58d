import { describe, expect, it } from 'vitest'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'
import { ShellClient } from '../helpers/ssh-shell'

const { lab, track } = labPerFile('asa9-multicontext')

async function privileged(): Promise<ShellClient> {
  const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
  track(shell)
  expect(await shell.waitFor('ciscoasa/admin> ')).toContain('User admin logged in to ciscoasa')
  shell.send('enable\r')
  await shell.waitFor('Password: ')
  shell.send('lab-enable\r')
  await shell.waitFor('ciscoasa/admin# ')
  await shell.run('terminal pager 0', 'ciscoasa/admin# ')
  return shell
}

async function removeInspectEsmtp(shell: ShellClient, at: string): Promise<void> {
  await shell.run('configure terminal', `${at}(config)# `)
  await shell.run('policy-map global_policy', `${at}(config-pmap)# `)
  await shell.run('class inspection_default', `${at}(config-pmap-c)# `)
  await shell.run('no inspect esmtp', `${at}(config-pmap-c)# `)
  await shell.run('end', `${at}# `)
}

describe('asa9-multicontext scenario', () => {
  it('moves between the admin context, the system space and the mail context', async () => {
    const shell = await privileged()
    const own = await shell.run('show context', 'ciscoasa/admin# ')
    expect(own).toContain('*admin')
    expect(own).not.toContain('mail ')
    await shell.run('changeto system', '\r\nciscoasa# ')
    const all = await shell.run('show context', 'ciscoasa# ')
    expect(all).toMatch(/\*admin {12}default {14}Management0\/0/)
    expect(all).toMatch(/ mail {13}default {14}GigabitEthernet0\/0,/)
    expect(all).toContain('Total active Security Contexts: 2')
    expect(await shell.run('show version', 'ciscoasa# ')).toContain('Software Version 9.8(4)10 <system>')
    expect(await shell.run('changeto context nosuch', 'ciscoasa# ')).toContain(
      "ERROR: % Invalid input detected at '^' marker.",
    )
    await shell.run('changeto context mail', 'ciscoasa/mail# ')
    expect(await shell.run('show version', 'ciscoasa/mail# ')).toContain('Software Version 9.8(4)10 <context>')
  })

  it('only the mail context decides the SMTP path', async () => {
    expect((await smtpGreeting(lab().smtp.port, track)).ehlo.at(-1)).toBe('250 XXXXXXXA')
    const shell = await privileged()
    // Counter-example: the admin context's policy is not on the mail path.
    await removeInspectEsmtp(shell, 'ciscoasa/admin')
    expect((await smtpGreeting(lab().smtp.port, track)).ehlo.at(-1)).toBe('250 XXXXXXXA')
    await shell.run('changeto context mail', 'ciscoasa/mail# ')
    await removeInspectEsmtp(shell, 'ciscoasa/mail')
    const after = await smtpGreeting(lab().smtp.port, track)
    expect(after.ehlo.at(-1)).toBe('250 STARTTLS')
    expect(after.starttls).toMatch(/^220 /)
  })
})
