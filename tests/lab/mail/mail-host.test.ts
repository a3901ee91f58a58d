import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOrCreateCertificate } from '../../../src/lab/mail/certificate'
import { type MailHost, startMailHost } from '../../../src/lab/mail/mail-host'
import { LineClient } from '../helpers/line-client'
import { DEBIAN_POSTFIX_EHLO } from '../helpers/postfix-ehlo'

const stateDir = mkdtempSync(join(tmpdir(), 'unmask-lab-mail-'))
const hosts: MailHost[] = []
const clients: LineClient[] = []

async function open(host: MailHost): Promise<LineClient> {
  const c = await LineClient.open(host.port)
  clients.push(c)
  return c
}

let esa: MailHost
let postfix: MailHost
let exchange: MailHost
let postfixNoTls: MailHost

beforeAll(async () => {
  esa = await startMailHost({ persona: 'esa', hostname: 'esa.lab.test', domain: 'lab.test', stateDir })
  postfix = await startMailHost({ persona: 'postfix', hostname: 'mail.lab.test', domain: 'lab.test', stateDir })
  exchange = await startMailHost({ persona: 'exchange', hostname: 'ex.lab.test', domain: 'lab.test', stateDir })
  postfixNoTls = await startMailHost({
    persona: 'postfix-notls',
    hostname: 'nt.lab.test',
    domain: 'lab.test',
    stateDir,
  })
  hosts.push(esa, postfix, exchange, postfixNoTls)
})

afterAll(async () => {
  for (const c of clients) c.close()
  await Promise.all(hosts.map((h) => h.close()))
  rmSync(stateDir, { recursive: true, force: true })
})

describe('mail host personas', () => {
  it('ESA: Cisco greeting, STARTTLS last in EHLO, #5.5.1 for unknown commands', async () => {
    const c = await open(esa)
    expect((await c.reply()).text).toBe('220 esa.lab.test ESMTP')
    const ehlo = await c.command('EHLO client.example')
    expect(ehlo.lines).toEqual(['250-esa.lab.test', '250-8BITMIME', '250-SIZE 14680064', '250 STARTTLS'])
    const bad = await c.command('XXXXXXXX')
    expect(bad.text).toBe('500 #5.5.1 command not recognized')
    expect((await c.command('NOOP')).code).toBe(250)
    expect((await c.command('HELP')).lines).toEqual([
      '214-The following commands are recognized',
      '214- auth data ehlo helo',
      '214- help mail noop quit',
      '214 rcpt rset vrfy',
    ])
  })

  it('ESA: the fifth bad command ends the session with 421', async () => {
    const c = await open(esa)
    await c.reply()
    for (let i = 0; i < 4; i++) expect((await c.command('XXXX')).text).toBe('500 #5.5.1 command not recognized')
    expect((await c.command('XXXX')).text).toBe('421 Exceeded bad SMTP command limit, disconnecting.')
    await c.closedByPeer()
    expect(c.closed).toBe(true)
  })

  it('Postfix (Debian order, 500 per §7.4) and Exchange word the same refusal their own way', async () => {
    const p = await open(postfix)
    expect((await p.reply()).text).toBe('220 mail.lab.test ESMTP Postfix (Debian/GNU)')
    const pe = await p.command('EHLO client.example')
    expect(pe.lines[0]).toBe('250-mail.lab.test')
    // Debian Postfix's order, VRFY before STARTTLS (tests/lab/postfix shows the real one), and its 500 (§7.4).
    expect(pe.lines.slice(1)).toEqual(DEBIAN_POSTFIX_EHLO)
    expect((await p.command('XXXXXXXX')).text).toBe('500 5.5.2 Error: command not recognized')
    for (let i = 0; i < 6; i++) expect((await p.command('BOGUS')).code).toBe(500)

    const x = await open(exchange)
    expect((await x.reply()).text).toMatch(/^220 ex\.lab\.test Microsoft ESMTP MAIL Service ready at \w{3}, /)
    const xe = await x.command('EHLO client.example')
    expect(xe.lines[0]).toBe('250-ex.lab.test Hello [127.0.0.1]')
    expect((await x.command('XXXXXXXX')).text).toBe("500 5.3.3 Unrecognized command 'XXXXXXXX'")
  })
})

describe('Postfix persona without TLS (smtpd_tls_security_level = none)', () => {
  it('offers SMTPUTF8 and CHUNKING but no STARTTLS, and refuses STARTTLS the way that Postfix does', async () => {
    const c = await open(postfixNoTls)
    await c.reply()
    const ehlo = await c.command('EHLO client.example')
    expect(ehlo.lines).toContain('250-SMTPUTF8')
    expect(ehlo.lines.at(-1)).toBe('250 CHUNKING')
    expect(ehlo.text).not.toContain('STARTTLS')
    expect((await c.command('STARTTLS')).text).toBe('502 5.5.1 Error: command not implemented')
    // Counter-example: the TLS persona still upgrades.
    const t = await open(postfix)
    await t.reply()
    await t.command('EHLO client.example')
    expect((await t.command('STARTTLS')).code).toBe(220)
  })
})

describe('mail host STARTTLS and delivery', () => {
  it('upgrades to TLS with the cached certificate and keeps mail for the test domain', async () => {
    const c = await open(postfix)
    await c.reply()
    await c.command('EHLO client.example')
    expect((await c.command('STARTTLS')).code).toBe(220)
    const tls = await c.startTls(postfix.certificate.cert, 'mail.lab.test')
    expect(tls.authorized).toBe(true)
    const ehlo = await c.command('EHLO client.example')
    expect(ehlo.lines).not.toContain('250-STARTTLS')
    expect((await c.command('MAIL FROM:<a@example.org>')).code).toBe(250)
    expect((await c.command('RCPT TO:<someone@elsewhere.example>')).code).toBe(550)
    expect((await c.command('RCPT TO:<user@lab.test>')).code).toBe(250)
    expect((await c.command('DATA')).code).toBe(354)
    const before = postfix.messages.length
    const done = await c.command('Subject: hi\r\n\r\nbody line\r\n.')
    expect(done.code).toBe(250)
    expect(postfix.messages.length).toBe(before + 1)
    const stored = postfix.messages.at(-1)!
    expect(stored.tls).toBe(true)
    expect(stored.to).toEqual(['user@lab.test'])
    expect(stored.data.toString()).toContain('body line')
    expect(readdirSync(join(stateDir, 'mailbox', 'lab.test')).length).toBeGreaterThan(0)
  })

  it('reuses the certificate from the state folder on the next start', async () => {
    const again = await loadOrCreateCertificate(stateDir, 'mail.lab.test')
    expect(again.fingerprint256).toBe(postfix.certificate.fingerprint256)
    const other = await loadOrCreateCertificate(stateDir, 'other.lab.test')
    expect(other.fingerprint256).not.toBe(postfix.certificate.fingerprint256)
  })
})
