import { describe, expect, it } from 'vitest'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'
import { ShellClient } from '../helpers/ssh-shell'

const { lab, track } = labPerFile('asa9-failover')

async function privileged(port: number, prompt: string): Promise<ShellClient> {
  const { shell } = await ShellClient.open(port, 'admin', 'lab-admin')
  track(shell)
  await shell.waitFor(`${prompt}> `)
  shell.send('enable\r')
  await shell.waitFor('Password: ')
  shell.send('lab-enable\r')
  await shell.waitFor(`${prompt}# `)
  await shell.run('terminal pager 0', `${prompt}# `)
  return shell
}

describe('asa9-failover scenario', () => {
  it('has an active and a standby unit with the same replicated host key', () => {
    expect(lab().endpoints.map((e) => e.name)).toEqual(['smtp', 'direct', 'management', 'standby'])
    expect(lab().standby!.hostKeyFingerprint).toBe(lab().management!.hostKeyFingerprint)
  })

  it('shows its role in the prompt and in show failover', async () => {
    const active = await privileged(lab().management!.port, 'ciscoasa/pri/act')
    const failover = await active.run('show failover', 'ciscoasa/pri/act# ')
    expect(failover).toContain('Failover On')
    expect(failover).toContain('Failover unit Primary')
    expect(failover).toContain('\tThis host: Primary - Active')
    expect(failover).toContain('\tOther host: Secondary - Standby Ready')
    const standby = await privileged(lab().standby!.port, 'ciscoasa/sec/stby')
    expect(await standby.run('show failover', 'ciscoasa/sec/stby# ')).toContain(
      '\tThis host: Secondary - Standby Ready',
    )
  })

  it('a change on the standby warns, stays there and leaves the traffic path alone', async () => {
    const standby = await privileged(lab().standby!.port, 'ciscoasa/sec/stby')
    const entered = await standby.run('configure terminal', 'ciscoasa/sec/stby(config)# ')
    expect(entered).toContain('**** WARNING ****')
    expect(entered).toContain('Configuration Replication is NOT performed from Standby unit to Active unit.')
    await standby.run('policy-map global_policy', 'ciscoasa/sec/stby(config-pmap)# ')
    await standby.run('class inspection_default', 'ciscoasa/sec/stby(config-pmap-c)# ')
    await standby.run('no inspect esmtp', 'ciscoasa/sec/stby(config-pmap-c)# ')
    await standby.run('end', 'ciscoasa/sec/stby# ')
    expect((await smtpGreeting(lab().smtp.port, track)).ehlo.at(-1)).toBe('250 XXXXXXXA')
    expect(lab().device!.currentPolicy().kind).toBe('esmtp')
  })

  it('a change on the active unit is replicated to the standby and opens the path', async () => {
    const active = await privileged(lab().management!.port, 'ciscoasa/pri/act')
    const entered = await active.run('configure terminal', 'ciscoasa/pri/act(config)# ')
    expect(entered).not.toContain('WARNING')
    await active.run('policy-map global_policy', 'ciscoasa/pri/act(config-pmap)# ')
    await active.run('class inspection_default', 'ciscoasa/pri/act(config-pmap-c)# ')
    await active.run('no inspect esmtp', 'ciscoasa/pri/act(config-pmap-c)# ')
    await active.run('end', 'ciscoasa/pri/act# ')
    expect((await smtpGreeting(lab().smtp.port, track)).ehlo.at(-1)).toBe('250 STARTTLS')
    const standby = await privileged(lab().standby!.port, 'ciscoasa/sec/stby')
    const replicated = await standby.run('show running-config policy-map', 'ciscoasa/sec/stby# ')
    expect(replicated).toContain('policy-map global_policy')
    expect(replicated).not.toContain('inspect esmtp')
  })
})
