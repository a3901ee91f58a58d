import { describe, expect, it } from 'vitest'
import { LEGACY_SSH_ALGORITHMS } from '../../../src/lab/endpoints/ssh-endpoint'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'
import { ShellClient } from '../helpers/ssh-shell'

describe('asa8-legacy-ssh scenario', () => {
  const { lab, track } = labPerFile('asa8-legacy-ssh')

  it('refuses a client with modern algorithms only', async () => {
    await expect(ShellClient.open(lab().management!.port, 'admin', 'lab-admin')).rejects.toThrow(
      /no matching|handshake/i,
    )
  })

  it('lets a client offering diffie-hellman-group1-sha1, ssh-rsa and CBC in, and behaves as ASA 8.2', async () => {
    const { shell, serverHostKey } = await ShellClient.open(
      lab().management!.port,
      'admin',
      'lab-admin',
      LEGACY_SSH_ALGORITHMS,
    )
    track(shell)
    expect(serverHostKey?.subarray(4, 11).toString()).toBe('ssh-rsa')
    const banner = await shell.waitFor('ciscoasa> ')
    expect(banner).not.toContain('logged in to')
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('lab-enable\r')
    await shell.waitFor('ciscoasa# ')
    await shell.run('terminal pager 0', 'ciscoasa# ')
    expect(await shell.run('show version', 'ciscoasa# ')).toContain(
      'Cisco Adaptive Security Appliance Software Version 8.2(5)',
    )
    expect(await shell.run('show ssh', 'ciscoasa# ')).toContain('Versions allowed: 1 and 2')
  })

  it('masks STARTTLS through the default inspection', async () => {
    const g = await smtpGreeting(lab().smtp.port, track)
    expect(g.banner).toMatch(/^220 \*+$/)
    // Postfix lists VRFY first: STARTTLS is the second masked line (§7.2).
    expect(g.ehlo).toContain('250-XXXXXXXB')
  })
})

describe('asa8-custom-class scenario', () => {
  const { lab, track } = labPerFile('asa8-custom-class')

  async function privileged(): Promise<ShellClient> {
    const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
    track(shell)
    await shell.waitFor('ciscoasa> ')
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('lab-enable\r')
    await shell.waitFor('ciscoasa# ')
    await shell.run('terminal pager 0', 'ciscoasa# ')
    return shell
  }

  it('inspects through class ESMTP, not inspection_default', async () => {
    const shell = await privileged()
    const sp = await shell.run('show service-policy inspect esmtp', 'ciscoasa# ')
    expect(sp).toContain('    Class-map: ESMTP')
    expect(sp).not.toContain('Class-map: inspection_default')
    expect((await smtpGreeting(lab().smtp.port, track)).ehlo).toContain('250-XXXXXXXB')
  })

  it('removing inspect esmtp from the wrong class changes nothing; from class ESMTP it opens the path', async () => {
    const shell = await privileged()
    await shell.run('configure terminal', 'ciscoasa(config)# ')
    await shell.run('policy-map global_policy', 'ciscoasa(config-pmap)# ')
    await shell.run('class inspection_default', 'ciscoasa(config-pmap-c)# ')
    await shell.run('no inspect esmtp', 'ciscoasa(config-pmap-c)# ')
    expect((await smtpGreeting(lab().smtp.port, track)).ehlo).toContain('250-XXXXXXXB')
    // `class ESMTP` from inside another class: the ASA moves to that class.
    await shell.run('class ESMTP', 'ciscoasa(config-pmap-c)# ')
    await shell.run('no inspect esmtp', 'ciscoasa(config-pmap-c)# ')
    await shell.run('end', 'ciscoasa# ')
    const g = await smtpGreeting(lab().smtp.port, track)
    expect(g.ehlo).toContain('250-STARTTLS')
    expect(g.starttls).toMatch(/^220 /)
  })
})
