/**
 * The inspection proxy in front of Debian's Postfix (started privately by the test): the masking works on a real
 * MTA's replies, Postfix's own CHUNKING/BDAT is X-ed by the ASA engine but passes a transparent path, and
 * pipelined commands keep their order.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type InspectionProxy, startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { type InspectingFirewall, type InspectionPolicy, newCounters } from '../../../src/lab/proxy/policy'
import { makeCertificate } from '../../support/hostile-smtp'
import { hasPostfix, type PostfixInstance, startPostfix } from '../../support/postfix'
import { LineClient } from '../helpers/line-client'
import { DEBIAN_POSTFIX_EHLO } from '../helpers/postfix-ehlo'

const firewall: InspectingFirewall & { policy: InspectionPolicy } = {
  policy: { kind: 'off' },
  counters: newCounters(),
  currentPolicy() {
    return this.policy
  },
  log() {},
}
const defaultMap: InspectionPolicy = {
  kind: 'esmtp',
  map: '_default_esmtp_map',
  maskBanner: true,
  allowTls: false,
  duplicateHeaderBug: false,
}

describe.skipIf(!hasPostfix)('inspection proxy in front of Postfix', () => {
  let postfix: PostfixInstance
  let proxy: InspectionProxy
  const clients: LineClient[] = []

  beforeAll(async () => {
    const cert = await makeCertificate({ commonName: 'mx.postfix.test', names: ['mx.postfix.test'] })
    postfix = await startPostfix({ cert })
    proxy = await startInspectionProxy({ upstream: postfix, firewall })
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.close()
  })
  afterAll(async () => {
    await proxy?.close()
    await postfix?.stop()
  })

  async function open(): Promise<LineClient> {
    const c = await LineClient.open(proxy.port)
    clients.push(c)
    return c
  }

  it('masks the Postfix banner and every keyword the default map does not pass, with a running letter (§7.2)', async () => {
    firewall.policy = { kind: 'off' }
    const direct = await open()
    await direct.reply()
    const real = (await direct.command('EHLO client.example')).lines
    // Debian's Postfix lists VRFY before STARTTLS, so behind the ASA STARTTLS is the second mask: XXXXXXXB.
    expect(real).toEqual(['250-mx.postfix.test', ...DEBIAN_POSTFIX_EHLO])
    firewall.policy = defaultMap
    const c = await open()
    expect((await c.reply()).text).toBe(`220 ${'*'.repeat('mx.postfix.test ESMTP Postfix'.length)}`)
    const ehlo = await c.command('EHLO client.example')
    // Exchange 2003 capture behind an ASA (code index id 45364974905): SIZE, ETRN, PIPELINING, DSN,
    // ENHANCEDSTATUSCODES, 8BITMIME pass; VRFY and CHUNKING are masked; masks keep the length.
    expect(ehlo.lines).toEqual([
      '250-mx.postfix.test',
      '250-PIPELINING',
      '250-SIZE 10240000',
      '250-XXXA',
      '250-ETRN',
      '250-XXXXXXXB',
      '250-ENHANCEDSTATUSCODES',
      '250-8BITMIME',
      '250-DSN',
      '250-XXXXXXXC',
      '250 XXXXXXXD',
    ])
    // Debian's Postfix answers the X-ed command with 500, not 502 (§7.4).
    expect((await c.command('STARTTLS')).text).toBe('500 5.5.2 Error: command not recognized')
  })

  it('X-es BDAT through the ASA engine, while a transparent path lets Postfix take the chunk', async () => {
    firewall.policy = defaultMap
    const inspected = await open()
    await inspected.reply()
    // Postfix offers CHUNKING; the ASA masks the keyword (§7.2) and X-es the BDAT command a client sends anyway.
    expect((await inspected.command('EHLO client.example')).lines).toContain('250 XXXXXXXD')
    await inspected.command(`MAIL FROM:<a@example.org>`)
    await inspected.command(`RCPT TO:<probe@${postfix.domain}>`)
    expect((await inspected.command('BDAT 12 LAST')).text).toMatch(/^50[02] 5\.5\.2 Error: command not recognized$/)

    firewall.policy = { kind: 'off' }
    const plain = await open()
    await plain.reply()
    await plain.command('EHLO client.example')
    await plain.command('MAIL FROM:<a@example.org>')
    await plain.command(`RCPT TO:<probe@${postfix.domain}>`)
    plain.send('BDAT 12 LAST\r\nSubject: x\r\n\r\n')
    expect((await plain.reply()).text).toMatch(/^250 2\.0\.0 Ok: \d+ bytes queued as /)
  })

  it('keeps pipelined replies in order with one command X-ed in the middle', async () => {
    firewall.policy = defaultMap
    const c = await open()
    await c.reply()
    await c.command('EHLO client.example')
    c.send(`MAIL FROM:<a@example.org>\r\nXVERB something\r\nRCPT TO:<probe@${postfix.domain}>\r\nRSET\r\n`)
    expect((await c.reply()).code).toBe(250)
    expect((await c.reply()).text).toMatch(/^50[02] 5\.5\.2 Error: command not recognized$/)
    expect((await c.reply()).code).toBe(250)
    expect((await c.reply()).code).toBe(250)
  })
})
