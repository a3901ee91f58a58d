import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type MailHost, startMailHost } from '../../../src/lab/mail/mail-host'
import { type InspectionProxy, startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { type InspectingFirewall, type InspectionPolicy, newCounters } from '../../../src/lab/proxy/policy'
import { LineClient } from '../helpers/line-client'

const stateDir = mkdtempSync(join(tmpdir(), 'unmask-lab-proxy-'))
const clients: LineClient[] = []
let esa: MailHost
let postfix: MailHost
let esaProxy: InspectionProxy
let postfixProxy: InspectionProxy

/** A firewall whose policy the test sets directly (the device simulators derive it from their config). */
const firewall: InspectingFirewall & { policy: InspectionPolicy; logs: string[] } = {
  policy: { kind: 'off' },
  counters: newCounters(),
  logs: [],
  currentPolicy() {
    return this.policy
  },
  log(m) {
    this.logs.push(m)
  },
}
const defaultMap: InspectionPolicy = {
  kind: 'esmtp',
  map: '_default_esmtp_map',
  maskBanner: true,
  allowTls: false,
  duplicateHeaderBug: false,
}

async function open(port: number): Promise<LineClient> {
  const c = await LineClient.open(port)
  clients.push(c)
  return c
}

beforeAll(async () => {
  esa = await startMailHost({ persona: 'esa', hostname: 'esa.lab.test', domain: 'lab.test', stateDir })
  postfix = await startMailHost({ persona: 'postfix', hostname: 'mail.lab.test', domain: 'lab.test', stateDir })
  esaProxy = await startInspectionProxy({ upstream: esa, firewall })
  postfixProxy = await startInspectionProxy({ upstream: postfix, firewall })
})

afterEach(() => {
  for (const c of clients.splice(0)) c.close()
})

afterAll(async () => {
  await esaProxy.close()
  await postfixProxy.close()
  await esa.close()
  await postfix.close()
  rmSync(stateDir, { recursive: true, force: true })
})

async function sendMessage(c: LineClient, body: string): Promise<number> {
  expect((await c.command('MAIL FROM:<sender@example.org>')).code).toBe(250)
  expect((await c.command('RCPT TO:<user@lab.test>')).code).toBe(250)
  expect((await c.command('DATA')).code).toBe(354)
  c.send(`${body}\r\n.\r\n`)
  return (await c.reply(15_000)).code
}

describe('ASA inspect esmtp with the default map', () => {
  it('asterisks the banner, masks STARTTLS as XXXXXXXA and X-es the STARTTLS command', async () => {
    firewall.policy = defaultMap
    const before = { ...firewall.counters }
    const c = await open(esaProxy.port)
    const banner = await c.reply()
    expect(banner.text).toBe(`220 ${'*'.repeat('esa.lab.test ESMTP'.length)}`)
    const ehlo = await c.command('EHLO client.example')
    expect(ehlo.lines).toEqual(['250-esa.lab.test', '250-8BITMIME', '250-SIZE 14680064', '250 XXXXXXXA'])
    expect((await c.command('STARTTLS')).text).toBe('500 #5.5.1 command not recognized')
    expect(firewall.counters.maskBanner).toBe(before.maskBanner + 1)
    expect(firewall.counters.ehloMask).toBe(before.ehloMask + 1)
    expect(firewall.counters.commandsMasked).toBe(before.commandsMasked + 1)
    expect(firewall.counters.packet).toBeGreaterThan(before.packet)
    // Plain mail still flows through the inspection.
    expect(await sendMessage(c, 'Subject: through the ASA\r\n\r\nhello')).toBe(250)
    expect(esa.messages.at(-1)!.tls).toBe(false)
  })

  it('lets the 15 allowed verbs through untouched (VRFY reaches the server)', async () => {
    firewall.policy = defaultMap
    const c = await open(postfixProxy.port)
    await c.reply()
    await c.command('EHLO client.example')
    // smtp-server answers VRFY with 252; an X-ed verb would get Postfix's 500 instead.
    const vrfy = await c.command('VRFY user')
    expect(vrfy.code).toBe(252)
    expect((await c.command('NOOP')).code).toBe(250)
  })

  it('X-es BDAT (CHUNKING is not allowed) and keeps the session usable', async () => {
    firewall.policy = defaultMap
    const c = await open(esaProxy.port)
    await c.reply()
    await c.command('EHLO client.example')
    expect((await c.command('BDAT 4 LAST')).text).toBe('500 #5.5.1 command not recognized')
    expect((await c.command('RSET')).code).toBe(250)
  })

  it('reassembles a command split across TCP segments', async () => {
    firewall.policy = defaultMap
    const c = await open(postfixProxy.port)
    await c.reply()
    await c.command('EHLO client.example')
    c.send('MAIL FR')
    await sleep(60)
    c.send('OM:<sender@example.org>\r\n')
    expect((await c.reply()).code).toBe(250)
  })

  it('X-es keystrokes of a character-mode client, as TechNote 113423 describes', async () => {
    firewall.policy = defaultMap
    const c = await open(esaProxy.port)
    await c.reply()
    for (const ch of ['H', 'E', 'L', 'O', ' ', 'x']) {
      c.send(ch)
      await sleep(40)
    }
    c.send('\r\n')
    expect((await c.reply()).text).toBe('500 #5.5.1 command not recognized')
  })

  it('keeps replies in order for pipelined commands', async () => {
    firewall.policy = defaultMap
    const c = await open(postfixProxy.port)
    await c.reply()
    await c.command('EHLO client.example')
    c.send('MAIL FROM:<sender@example.org>\r\nSTARTTLS\r\nRCPT TO:<user@lab.test>\r\nNOOP\r\n')
    expect((await c.reply()).code).toBe(250)
    expect((await c.reply()).code).toBe(500)
    expect((await c.reply()).code).toBe(250)
    expect((await c.reply()).code).toBe(250)
  })

  it('passes a 6 MB message intact', async () => {
    firewall.policy = defaultMap
    const c = await open(postfixProxy.port)
    await c.reply()
    await c.command('EHLO client.example')
    const line = `${'a'.repeat(76)}\r\n`
    const body = `Subject: big\r\n\r\n${line.repeat(Math.ceil((6 * 1024 * 1024) / line.length))}`
    expect(await sendMessage(c, body.slice(0, -2))).toBe(250)
    expect(postfix.messages.at(-1)!.data.length).toBeGreaterThan(6 * 1024 * 1024)
  })

  it('drops the connection for a command line longer than 512 bytes', async () => {
    firewall.policy = defaultMap
    const before = firewall.counters.drop
    const c = await open(esaProxy.port)
    await c.reply()
    c.send(`HELO ${'a'.repeat(600)}\r\n`)
    await c.closedByPeer()
    expect(firewall.counters.drop).toBe(before + 1)
  })
})

describe('allow-tls and no inspection', () => {
  it('with allow-tls relays STARTTLS and the TLS session untouched', async () => {
    firewall.policy = { ...defaultMap, map: 'TLS_OK', maskBanner: false, allowTls: true, logTls: true }
    const c = await open(esaProxy.port)
    expect((await c.reply()).text).toBe('220 esa.lab.test ESMTP')
    expect((await c.command('EHLO client.example')).lines.at(-1)).toBe('250 STARTTLS')
    expect((await c.command('STARTTLS')).code).toBe(220)
    const tls = await c.startTls(esa.certificate.cert, 'esa.lab.test')
    expect(tls.authorized).toBe(true)
    expect((await c.command('EHLO client.example')).code).toBe(250)
    expect(await sendMessage(c, 'Subject: tls\r\n\r\nsecret')).toBe(250)
    expect(esa.messages.at(-1)!.tls).toBe(true)
    expect(firewall.logs.at(-1)).toMatch(
      /^%ASA-6-108007: TLS started on ESMTP session between client outside:127\.0\.0\.1\/\d+ and server inside:127\.0\.0\.1\/\d+$/,
    )
  })

  it('is transparent when inspection is off, and reads the policy for each new connection', async () => {
    firewall.policy = { kind: 'off' }
    const c1 = await open(esaProxy.port)
    expect((await c1.reply()).text).toBe('220 esa.lab.test ESMTP')
    firewall.policy = defaultMap
    // The open session keeps the policy it started with.
    expect((await c1.command('EHLO client.example')).lines.at(-1)).toBe('250 STARTTLS')
    const c2 = await open(esaProxy.port)
    expect((await c2.reply()).text).toMatch(/^220 \*+$/)
  })
})

describe('PIX MailGuard', () => {
  it('asterisks the banner except 2, 0 and spaces and turns EHLO and other verbs into NOOP the server answers (§7.4)', async () => {
    firewall.policy = { kind: 'mailguard', duplicateHeaderBug: true }
    const c = await open(postfixProxy.port)
    const banner = await c.reply()
    expect(banner.text).toBe('220 ************* ***** ******* ************')
    // MailGuard never writes a reply itself: EHLO reached the server as NOOP, and this is the server's NOOP reply.
    expect((await c.command('EHLO client.example')).lines).toEqual(['250 2.0.0 OK'])
    expect((await c.command('HELO client.example')).code).toBe(250)
    // STARTTLS became a NOOP of the same length: the server answers 250, no TLS.
    expect((await c.command('STARTTLS')).text).toMatch(/^250 /)
    expect(await sendMessage(c, 'Subject: via pix\r\n\r\nplain')).toBe(250)
  })
})

describe('pre-7.2(3) duplicate-header bug', () => {
  const signed =
    'DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=s1; h=From:To:Subject; b=abc\r\nSubject: signed\r\n\r\nbody'

  it('resets the connection when the headers carry a DKIM-Signature', async () => {
    firewall.policy = { ...defaultMap, duplicateHeaderBug: true }
    const before = esa.messages.length
    const c = await open(esaProxy.port)
    await c.reply()
    await c.command('HELO client.example')
    await c.command('MAIL FROM:<sender@example.org>')
    await c.command('RCPT TO:<user@lab.test>')
    expect((await c.command('DATA')).code).toBe(354)
    c.send(`${signed}\r\n.\r\n`)
    await c.closedByPeer()
    expect(c.reset).toBe(true)
    await sleep(100)
    expect(esa.messages.length).toBe(before)
  })

  it('resets on DomainKey-Signature too, but not on an unsigned message or with the bug off', async () => {
    firewall.policy = { ...defaultMap, duplicateHeaderBug: true }
    const dk = await open(esaProxy.port)
    await dk.reply()
    await dk.command('HELO client.example')
    await dk.command('MAIL FROM:<sender@example.org>')
    await dk.command('RCPT TO:<user@lab.test>')
    await dk.command('DATA')
    dk.send('DomainKey-Signature: a=rsa-sha1; d=example.org\r\n\r\nx\r\n.\r\n')
    await dk.closedByPeer()
    expect(dk.reset).toBe(true)

    const plain = await open(esaProxy.port)
    await plain.reply()
    await plain.command('HELO client.example')
    expect(
      await sendMessage(plain, 'Subject: mentions DKIM-Signature: in the body only\r\n\r\nDKIM-Signature: x'),
    ).toBe(250)

    firewall.policy = defaultMap
    const fixed = await open(esaProxy.port)
    await fixed.reply()
    await fixed.command('HELO client.example')
    expect(await sendMessage(fixed, signed)).toBe(250)
  })
})
