import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { LineClient } from '../helpers/line-client'
import { ShellClient } from '../helpers/ssh-shell'

const stateDir = mkdtempSync(join(tmpdir(), 'unmask-lab-asa9-'))
const clients: Array<LineClient | ShellClient> = []
let lab: Lab

beforeAll(async () => {
  lab = await startLab({ scenario: 'asa9-default', stateDir })
})
afterEach(() => {
  for (const c of clients.splice(0)) c.close()
})
afterAll(async () => {
  await lab.stop()
  rmSync(stateDir, { recursive: true, force: true })
})

async function smtp(port: number): Promise<{ banner: string; ehlo: string[]; starttls: string; client: LineClient }> {
  const client = await LineClient.open(port)
  clients.push(client)
  const banner = (await client.reply()).text
  const ehlo = (await client.command('EHLO probe.example')).lines
  const starttls = (await client.command('STARTTLS')).text
  return { banner, ehlo, starttls, client }
}

async function login(): Promise<ShellClient> {
  const { shell } = await ShellClient.open(lab.management!.port, 'admin', 'lab-admin')
  clients.push(shell)
  await shell.waitFor('ciscoasa> ')
  return shell
}

async function enable(shell: ShellClient): Promise<void> {
  shell.send('enable\r')
  await shell.waitFor('Password: ')
  shell.send('lab-enable\r')
  await shell.waitFor('ciscoasa# ')
}

describe('asa9-default scenario', () => {
  it('lists its endpoints and credentials', () => {
    expect(lab.endpoints.map((e) => `${e.name}/${e.protocol}`)).toEqual(['smtp/smtp', 'direct/smtp', 'management/ssh'])
    expect(lab.credentials).toEqual({ username: 'admin', password: 'lab-admin', enable: 'lab-enable' })
    expect(lab.management!.hostKeyFingerprint).toMatch(/^SHA256:/)
  })

  it('masks STARTTLS through the firewall but not on the direct path', async () => {
    const through = await smtp(lab.smtp.port)
    expect(through.banner).toMatch(/^220 \*+$/)
    expect(through.ehlo.at(-1)).toBe('250 XXXXXXXA')
    expect(through.starttls).toBe('500 #5.5.1 command not recognized')

    const direct = await smtp(lab.direct.port)
    expect(direct.banner).toBe('220 esa.lab.test ESMTP')
    expect(direct.ehlo.at(-1)).toBe('250 STARTTLS')
    expect(direct.starttls).toMatch(/^220 /)
  })

  it('shows the ASA login banner, refuses a wrong enable password and echoes * for the right one', async () => {
    const shell = await login()
    expect(shell.output).toContain('User admin logged in to ciscoasa')
    expect(shell.output).toContain("Type help or '?' for a list of available commands.")
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('wrong\r')
    expect(await shell.waitFor('ciscoasa> ')).toContain('Invalid password')
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('lab-enable\r')
    const echoed = await shell.waitFor('ciscoasa# ')
    expect(echoed).toContain('**********')
    expect(echoed).not.toContain('lab-enable')
  })

  it('pages long output with <--- More ---> until terminal pager 0', async () => {
    const shell = await login()
    await enable(shell)
    shell.send('show running-config\r')
    await shell.waitFor('<--- More --->')
    shell.send(' ')
    await shell.waitFor('<--- More --->')
    shell.send('q')
    await shell.waitFor('ciscoasa# ')
    await shell.run('terminal pager 0', 'ciscoasa# ')
    const config = await shell.run('show running-config', /: end\r\nciscoasa# /)
    expect(config).not.toContain('<--- More --->')
    expect(config).toContain('ASA Version 9.8(4)10')
    expect(config).toMatch(/policy-map global_policy\r\n class inspection_default\r\n[\s\S]* {2}inspect esmtp\r\n/)
    const version = await shell.run('show version', 'ciscoasa# ')
    expect(version).toContain('Cisco Adaptive Security Appliance Software Version 9.8(4)10')
    const curpriv = await shell.run('show curpriv', 'ciscoasa# ')
    expect(curpriv).toContain('Current privilege level : 15')
  })

  it('marks bad input with a caret and an ERROR line', async () => {
    const shell = await login()
    const out = await shell.run('show running-config', 'ciscoasa> ')
    // In user EXEC the ASA does not know running-config: the caret points at it.
    expect(out).toContain(`${' '.repeat('ciscoasa> show '.length)}^\r\nERROR: % Invalid input detected at '^' marker.`)
    shell.send('enable\r')
    await shell.waitFor('Password: ')
    shell.send('lab-enable\r')
    await shell.waitFor('ciscoasa# ')
    const section = await shell.run('show running-config polcy-map', 'ciscoasa# ')
    expect(section).toContain(`${' '.repeat('ciscoasa# show running-config '.length)}^\r\nERROR: % Invalid input`)
    const typo = await shell.run('shwo version', 'ciscoasa# ')
    expect(typo).toContain(`${' '.repeat('ciscoasa# '.length)}^\r\nERROR: % Invalid input detected at '^' marker.`)
  })

  it('counts the masking in show service-policy inspect esmtp', async () => {
    await smtp(lab.smtp.port)
    const shell = await login()
    await enable(shell)
    await shell.run('terminal pager 0', 'ciscoasa# ')
    const out = await shell.run('show service-policy inspect esmtp', 'ciscoasa# ')
    expect(out).toContain('Global policy: ')
    expect(out).toContain('  Service-policy: global_policy')
    expect(out).toContain('    Class-map: inspection_default')
    const packets = Number(/Inspect: esmtp _default_esmtp_map, packet (\d+), lock fail 0/.exec(out)?.[1])
    expect(packets).toBeGreaterThan(0)
    expect(Number(/mask-banner, count (\d+)/.exec(out)?.[1])).toBeGreaterThan(0)
    expect(Number(/match ehlo-reply-parameter others\r\n\s+mask, packet (\d+)/.exec(out)?.[1])).toBeGreaterThan(0)
  })

  it('`no inspect esmtp` over SSH changes the SMTP path for the next connection, and write memory saves it', async () => {
    const shell = await login()
    await enable(shell)
    await shell.run('configure terminal', 'ciscoasa(config)# ')
    await shell.run('policy-map global_policy', 'ciscoasa(config-pmap)# ')
    await shell.run('class inspection_default', 'ciscoasa(config-pmap-c)# ')
    const open = await smtp(lab.smtp.port) // opened before the change
    await shell.run('no inspect esmtp', 'ciscoasa(config-pmap-c)# ')
    await shell.run('end', 'ciscoasa# ')
    const after = await smtp(lab.smtp.port)
    expect(after.banner).toBe('220 esa.lab.test ESMTP')
    expect(after.ehlo.at(-1)).toBe('250 STARTTLS')
    expect(after.starttls).toMatch(/^220 /)
    expect(open.ehlo.at(-1)).toBe('250 XXXXXXXA')

    const saved = await shell.run('write memory', 'ciscoasa# ')
    expect(saved).toMatch(
      /Building configuration\.\.\.\r\nCryptochecksum: [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} \r\n\d+ bytes copied in [\d.]+ secs \(\d+ bytes\/sec\)\r\n\[OK\]/,
    )
    await shell.run('terminal pager 0', 'ciscoasa# ')
    const startup = await shell.run('show startup-config', 'ciscoasa# ')
    expect(startup).not.toMatch(/inspect esmtp/)

    // Put it back for the other tests, with allow-tls this time.
    await shell.run('configure terminal', 'ciscoasa(config)# ')
    await shell.run('policy-map type inspect esmtp TLS_OK', 'ciscoasa(config-pmap)# ')
    await shell.run('parameters', 'ciscoasa(config-pmap-p)# ')
    await shell.run('allow-tls action log', 'ciscoasa(config-pmap-p)# ')
    await shell.run('exit', 'ciscoasa(config-pmap)# ')
    await shell.run('exit', 'ciscoasa(config)# ')
    await shell.run('policy-map global_policy', 'ciscoasa(config-pmap)# ')
    await shell.run('class inspection_default', 'ciscoasa(config-pmap-c)# ')
    await shell.run('inspect esmtp TLS_OK', 'ciscoasa(config-pmap-c)# ')
    await shell.run('end', 'ciscoasa# ')
    const tlsOk = await smtp(lab.smtp.port)
    expect(tlsOk.ehlo.at(-1)).toBe('250 STARTTLS')
    expect(tlsOk.starttls).toMatch(/^220 /)
    const tls = await tlsOk.client.startTls(lab.mailHost.certificate.cert, 'esa.lab.test')
    expect(tls.authorized).toBe(true)
    const logging = await shell.run('show logging', 'ciscoasa# ')
    expect(logging).toContain('Buffer logging: level informational, 1 messages logged')
    expect(logging).toMatch(
      /%ASA-6-108007: TLS started on ESMTP session between client outside:127\.0\.0\.1\/\d+ and server inside:127\.0\.0\.1\/\d+/,
    )
    const section = await shell.run('show running-config policy-map', 'ciscoasa# ')
    expect(section).toContain('policy-map type inspect esmtp TLS_OK\r\n parameters\r\n  allow-tls action log')
    expect(section).toContain('  inspect esmtp TLS_OK')
    expect(section).not.toContain('hostname')
  })

  it('answers ? with what may come next and gives the typed line back', async () => {
    const shell = await login()
    await enable(shell)
    shell.send('show serv?')
    const completion = await shell.waitFor('ciscoasa# show serv')
    expect(completion).toContain('?\r\n\r\n  service-policy\r\n')
    shell.send('\x15') // clear the line
    shell.send('configure ?')
    expect(await shell.waitFor('ciscoasa# configure ')).toContain('  terminal\r\n')
    shell.send('\x15')
    const filtered = await shell.run('show running-config | include inspect esmtp', 'ciscoasa# ')
    // The echoed command line, then only the matching lines (the previous test left the TLS_OK map in place).
    expect(filtered.split('\r\n').slice(1, -1)).toEqual([
      'policy-map type inspect esmtp TLS_OK',
      '  inspect esmtp TLS_OK',
    ])
  })

  it('logs out on logout', async () => {
    const shell = await login()
    shell.send('logout\r')
    await shell.closedByPeer()
    expect(shell.closed).toBe(true)
  })
})
