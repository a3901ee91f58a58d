import { describe, expect, it } from 'vitest'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'
import { ShellClient } from '../helpers/ssh-shell'

const { lab, track } = labPerFile('ftd7')

describe('ftd7 scenario', () => {
  it('gives the > shell: show commands work, configuration is refused', async () => {
    const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
    track(shell)
    const banner = await shell.waitFor('> ')
    expect(banner).toContain('Cisco Firepower Threat Defense for VMware v7.2.5')
    await shell.run('terminal pager 0', '\r\n> ')
    const version = await shell.run('show version', '\r\n> ')
    expect(version).toContain(
      'Model                     : Cisco Firepower Threat Defense for VMware (75) Version 7.2.5',
    )
    const config = await shell.run('show running-config policy-map', '\r\n> ')
    expect(config).toContain('policy-map global_policy')
    expect(config).toContain('  inspect esmtp')
    for (const command of ['configure terminal', 'enable', 'conf t']) {
      expect(await shell.run(command, '\r\n> ')).toContain('Syntax error: Illegal parameter')
    }
    // The refusal changed nothing: inspection is still on.
    expect(lab().device!.currentPolicy().kind).toBe('esmtp')
  })

  it('attaches to the diagnostic CLI: show commands after enable, no configuration mode, Ctrl+a d detaches', async () => {
    const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
    track(shell)
    await shell.waitFor('> ')
    const attached = await shell.run('system support diagnostic-cli', 'firepower> ')
    expect(attached).toContain("Attaching to Diagnostic CLI ... Press 'Ctrl+a then d' to detach.")
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('\r')
    await shell.waitFor('firepower# ')
    await shell.run('terminal pager 0', 'firepower# ')
    expect(await shell.run('show service-policy inspect esmtp', 'firepower# ')).toMatch(
      /Inspect: esmtp _default_esmtp_map, packet \d+, lock fail/,
    )
    expect(await shell.run('configure terminal', 'firepower# ')).toContain(
      "ERROR: % Invalid input detected at '^' marker.",
    )
    shell.send('\x01d')
    expect(await shell.waitFor('\r\n> ')).toContain('Console connection detached.')
    expect(await shell.run('show version', '\r\n> ')).toContain('Cisco Firepower Threat Defense')
  })

  it('inspects SMTP with the default map (LINA)', async () => {
    const g = await smtpGreeting(lab().smtp.port, track)
    expect(g.ehlo.at(-1)).toBe('250 XXXXXXXA')
    expect(g.starttls).toBe('500 #5.5.1 command not recognized')
  })
})
