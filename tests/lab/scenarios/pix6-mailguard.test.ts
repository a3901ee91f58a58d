import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { LineClient } from '../helpers/line-client'
import { TelnetClient } from '../helpers/telnet-client'

const stateDir = mkdtempSync(join(tmpdir(), 'unmask-lab-pix6-'))
const clients: Array<LineClient | TelnetClient> = []
let lab: Lab

beforeAll(async () => {
  lab = await startLab({ scenario: 'pix6-mailguard', stateDir })
})
afterEach(() => {
  for (const c of clients.splice(0)) c.close()
})
afterAll(async () => {
  await lab.stop()
  rmSync(stateDir, { recursive: true, force: true })
})

async function smtp(): Promise<{ banner: string; ehlo: string }> {
  const c = await LineClient.open(lab.smtp.port)
  clients.push(c)
  const banner = (await c.reply()).text
  const ehlo = (await c.command('EHLO probe.example')).text
  return { banner, ehlo }
}

async function telnetPrivileged(): Promise<TelnetClient> {
  const t = await TelnetClient.open(lab.management!.port)
  clients.push(t)
  const login = await t.waitFor('Password: ')
  expect(login).toContain('User Access Verification')
  t.send('lab-admin\r\0')
  const banner = await t.waitFor('pixfirewall> ')
  expect(banner).toContain("Type help or '?' for a list of available commands.")
  expect(banner).not.toContain('lab-admin')
  t.send('enable\r\0')
  await t.waitFor('Password: ')
  t.send('lab-enable\r\0')
  expect(await t.waitFor('pixfirewall# ')).toContain('**********')
  return t
}

describe('pix6-mailguard scenario', () => {
  it('offers telnet management, no SSH', () => {
    expect(lab.management?.protocol).toBe('telnet')
    expect(lab.credentials?.password).toBe('lab-admin')
  })

  it('MailGuard asterisks the Exchange banner except 2, 0 and spaces; EHLO becomes NOOP and Exchange answers it (§7.4)', async () => {
    const { banner, ehlo } = await smtp()
    expect(banner).toMatch(/^220 [* 20]+$/)
    expect(banner).toContain(String(new Date().getUTCFullYear()).replace(/[^20]/g, '*')) // 2s and 0s of the year survive
    // No reply of the firewall's own (cisco-nsp 2004, T4733): the bare OK is the server's answer to the NOOP.
    expect(ehlo).toBe('250 2.0.0 OK')
  })

  it('asks for the telnet password and negotiates echo, then refuses a wrong one three times', async () => {
    const t = await TelnetClient.open(lab.management!.port)
    clients.push(t)
    await t.waitFor('Password: ')
    expect(t.negotiations).toContainEqual([251, 1])
    for (let i = 0; i < 2; i++) await t.run('wrong', 'Password: ')
    t.send('wrong\r\0')
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (t.closed) {
          clearInterval(poll)
          resolve()
        }
      }, 20)
    })
    expect(t.closed).toBe(true)
  })

  it('show fixup, show version, and `no fixup protocol smtp 25` opening the path for the next connection', async () => {
    const t = await telnetPrivileged()
    await t.run('no pager', 'pixfirewall# ')
    const version = await t.run('show version', 'pixfirewall# ')
    expect(version).toContain('Cisco PIX Firewall Version 6.3(5)')
    const running = await t.run('show running-config', 'pixfirewall# ')
    expect(running).toMatch(/: Saved\r\n:\r\nPIX Version 6\.3\(5\)\r\n/)
    expect(running).toMatch(/Cryptochecksum:[0-9a-f]{32}\r\n: end\r\n/)
    const fixups = await t.run('show fixup', 'pixfirewall# ')
    expect(fixups).toContain('fixup protocol smtp 25\r\n')
    expect(await t.run('frobnicate', 'pixfirewall# ')).toContain("Type help or '?' for a list of available commands.")
    await t.run('configure terminal', 'pixfirewall(config)# ')
    await t.run('no fixup protocol smtp 25', 'pixfirewall(config)# ')
    await t.run('exit', 'pixfirewall# ')
    expect(await t.run('show fixup protocol smtp', 'pixfirewall# ')).toContain('no fixup protocol smtp 25')

    const open = await smtp()
    expect(open.banner).toMatch(/^220 mail\.lab\.test Microsoft ESMTP MAIL Service ready at /)
    expect(open.ehlo).toMatch(/^250-mail\.lab\.test Hello \[127\.0\.0\.1\]\n[\s\S]*250-STARTTLS/)

    const saved = await t.run('write memory', 'pixfirewall# ')
    expect(saved).toMatch(
      /Building configuration\.\.\.\r\nCryptochecksum: [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} \r\n\[OK\]/,
    )

    // Without a port the PIX puts the default smtp fixup (port 25) back.
    await t.run('configure terminal', 'pixfirewall(config)# ')
    await t.run('no fixup protocol smtp', 'pixfirewall(config)# ')
    await t.run('end', 'pixfirewall# ')
    expect((await smtp()).ehlo).toBe('250 2.0.0 OK')
  })
})
