/**
 * The probe against smtp-server (a real SMTP implementation) on loopback: STARTTLS and implicit TLS,
 * certificate verdicts (self-signed, CA-signed, expired, wrong name), plain mode, STARTTLS hidden, IPv6,
 * and the opt-in test message.
 */
import { createServer as createNetServer } from 'node:net'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { probe } from '../../../src/main/smtp/probe'
import { buildSmtpSession } from '../../../src/shared/evidence/smtp-session'
import { probeTranscript } from '../../../src/shared/probe/transcript'
import type { ProbeResult } from '../../../src/shared/probe/types'
import { makeCertificate, type TestCertificate } from '../../support/hostile-smtp'

const open: SMTPServer[] = []

async function startSmtp(options: SMTPServerOptions, host = '127.0.0.1'): Promise<number> {
  const server = new SMTPServer({ authOptional: true, logger: false, name: 'mx.lab.test', ...options })
  server.on('error', () => {})
  open.push(server)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return (server.server.address() as { port: number }).port
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))))
})

let selfSigned: TestCertificate
let ca: TestCertificate
let caSigned: TestCertificate
let expired: TestCertificate
let rsa: TestCertificate

beforeAll(async () => {
  ;[selfSigned, ca, expired, rsa] = await Promise.all([
    makeCertificate({ commonName: 'mx.lab.test', names: ['mx.lab.test', 'localhost'] }),
    makeCertificate({ commonName: 'Unmask Test Root', isCa: true }),
    makeCertificate({
      commonName: 'old.lab.test',
      notBefore: new Date(Date.now() - 3 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    }),
    makeCertificate({ commonName: 'rsa.lab.test', keyType: 'rsa' }),
  ])
  caSigned = await makeCertificate({ commonName: 'mx.lab.test', names: ['mx.lab.test'], issuer: ca })
})

const phasesOf = (r: ProbeResult) => r.phases.map((p) => p.phase)
const sent = (r: ProbeResult) => r.transcript.filter((l) => l.direction === 'client').map((l) => l.text)

describe('probe against smtp-server with STARTTLS', () => {
  it('records every phase, the transcript and the TLS session', async () => {
    const port = await startSmtp({ key: selfSigned.key, cert: selfSigned.cert })
    const r = await probe({ host: '127.0.0.1', port, vantage: 'inside', ehloName: 'probe.lab.test' })

    expect(r.outcome).toBe('completed')
    expect(r.error).toBeUndefined()
    expect(phasesOf(r)).toEqual(['connect', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo2', 'quit'])
    expect(r.phases.every((p) => p.outcome === 'ok' && p.durationMs >= 0)).toBe(true)
    expect(sent(r)).toEqual(['EHLO probe.lab.test', 'STARTTLS', 'EHLO probe.lab.test', 'QUIT'])
    expect(r.banner?.code).toBe(220)
    expect(r.greeting?.extensions.map((e) => e.keyword)).toContain('STARTTLS')
    expect(r.greeting?.extensions.some((e) => e.masked)).toBe(false)
    expect(r.starttls).toMatchObject({ advertised: true, masked: false, sent: true })
    expect(r.starttls?.reply?.code).toBe(220)
    expect(r.greetingAfterTls?.extensions.map((e) => e.keyword)).not.toContain('STARTTLS')
    expect(r.quit?.code).toBe(221)
    expect(r.target.vantage).toBe('inside')
    expect(r.address).toBe('127.0.0.1')
    expect(r.family).toBe(4)

    // Transcript: numbered in order, timestamps never go backwards, directions as sent/received.
    expect(r.transcript.map((l) => l.line)).toEqual(r.transcript.map((_, i) => i + 1))
    const times = r.transcript.map((l) => l.atMs)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(r.transcript.find((l) => l.direction === 'server')?.text).toMatch(/^220 mx\.lab\.test/)
    expect(r.transcript.find((l) => l.text === 'STARTTLS')?.phase).toBe('starttls')

    const tls = r.tls!
    expect(tls.established).toBe(true)
    expect(tls.protocol).toMatch(/^TLSv1\.[23]$/)
    expect(tls.cipher).toBeTruthy()
    expect(tls.chain).toHaveLength(1)
    const leaf = tls.chain[0]!
    expect(leaf.subject).toBe('CN=mx.lab.test')
    expect(leaf.san).toEqual(expect.arrayContaining(['DNS:mx.lab.test', 'IP Address:127.0.0.1']))
    expect(leaf.keyType).toBe('ec')
    expect(leaf.curve).toBe('prime256v1')
    expect(leaf.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(leaf.selfSigned).toBe(true)
    expect(leaf.expired).toBe(false)
    expect(tls.verification).toMatchObject({
      trusted: false,
      trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      hostname: '127.0.0.1',
      hostnameMatches: true,
    })
  })

  it('trusts a chain to an extra root, and checks the name separately', async () => {
    const port = await startSmtp({ key: caSigned.key, cert: caSigned.cert })
    const good = await probe({ host: '127.0.0.1', port }, { tls: { ca: [ca.cert], servername: 'mx.lab.test' } })
    expect(good.tls?.verification).toMatchObject({ trusted: true, hostname: 'mx.lab.test', hostnameMatches: true })
    expect(good.tls?.verification?.trustError).toBeUndefined()
    expect(good.tls?.chain[0]?.issuer).toBe('CN=Unmask Test Root')
    expect(good.tls?.chain[0]?.selfSigned).toBe(false)

    const wrongName = await probe({ host: '127.0.0.1', port }, { tls: { ca: [ca.cert], servername: 'other.lab.test' } })
    expect(wrongName.tls?.verification?.trusted).toBe(true)
    expect(wrongName.tls?.verification?.hostnameMatches).toBe(false)
    expect(wrongName.tls?.verification?.hostnameError).toMatch(/other\.lab\.test/)

    const untrusted = await probe({ host: '127.0.0.1', port }, { tls: { servername: 'mx.lab.test' } })
    expect(untrusted.tls?.verification?.trusted).toBe(false)
    expect(untrusted.tls?.verification?.trustError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
  })

  it('reports an expired certificate without stopping the probe', async () => {
    const port = await startSmtp({ key: expired.key, cert: expired.cert })
    const r = await probe({ host: '127.0.0.1', port }, { tls: { ca: [expired.cert] } })
    expect(r.outcome).toBe('completed')
    expect(r.tls?.chain[0]?.expired).toBe(true)
    expect(r.tls?.verification).toMatchObject({ trusted: false, trustError: 'CERT_HAS_EXPIRED' })
  })

  it('describes an RSA key with its size', async () => {
    const port = await startSmtp({ key: rsa.key, cert: rsa.cert })
    const r = await probe({ host: '127.0.0.1', port })
    expect(r.tls?.chain[0]).toMatchObject({ keyType: 'rsa', keyBits: 2048 })
    expect(r.tls?.chain[0]?.curve).toBeUndefined()
  })

  it('speaks implicit TLS (port 465 style): TLS before the banner, no STARTTLS', async () => {
    const port = await startSmtp({ secure: true, key: selfSigned.key, cert: selfSigned.cert })
    const r = await probe({ host: '127.0.0.1', port, mode: 'implicit-tls' })
    expect(r.outcome).toBe('completed')
    expect(phasesOf(r)).toEqual(['connect', 'tls', 'banner', 'ehlo', 'quit'])
    expect(sent(r)).not.toContain('STARTTLS')
    expect(r.tls?.established).toBe(true)
    expect(r.starttls).toBeUndefined()
  })

  it('in plain mode never sends STARTTLS, even when it is offered', async () => {
    const port = await startSmtp({ key: selfSigned.key, cert: selfSigned.cert })
    const r = await probe({ host: '127.0.0.1', port, mode: 'plain' })
    expect(r.outcome).toBe('completed')
    expect(sent(r)).toEqual(['EHLO unmask.invalid', 'QUIT'])
    expect(r.tls).toBeUndefined()
  })

  it('sends STARTTLS once when it is not advertised, unless told not to', async () => {
    const port = await startSmtp({ hideSTARTTLS: true, key: selfSigned.key, cert: selfSigned.cert })
    const r = await probe({ host: '127.0.0.1', port })
    expect(r.starttls).toMatchObject({ advertised: false, masked: false, sent: true })
    expect(sent(r).filter((c) => c === 'STARTTLS')).toHaveLength(1)

    const quiet = await probe({ host: '127.0.0.1', port }, { starttlsAlways: false })
    expect(quiet.starttls).toMatchObject({ advertised: false, sent: false })
    expect(sent(quiet)).not.toContain('STARTTLS')
  })

  it('probes over IPv6 loopback', async () => {
    const port = await startSmtp({ key: selfSigned.key, cert: selfSigned.cert }, '::1')
    const r = await probe({ host: '::1', port })
    expect(r.outcome).toBe('completed')
    expect(r.family).toBe(6)
    expect(r.transcript[0]).toMatchObject({
      direction: 'note',
      text: `connected to [::1]:${port}`,
      note: { key: 'connected', params: { address: `[::1]:${port}` } },
    })
    expect(r.tls?.verification?.hostnameMatches).toBe(true)
  })

  it('resolves a host name through the system resolver (localhost)', async () => {
    const port = await startSmtp({ key: selfSigned.key, cert: selfSigned.cert })
    const r = await probe({ host: 'localhost', port }, { tls: { ca: [selfSigned.cert] } })
    // localhost may resolve to ::1 first, where nothing listens: then the connect fails, not DNS.
    expect(r.phases[0]?.phase).toBe('dns')
    expect(r.phases[0]?.outcome).toBe('ok')
    if (r.address === '127.0.0.1') expect(r.tls?.verification?.trusted).toBe(true)
    else expect(r.error?.phase).toBe('connect')
  })

  it('sends the opt-in test message, with and without a DKIM-Signature header', async () => {
    const bodies: string[] = []
    const port = await startSmtp({
      key: selfSigned.key,
      cert: selfSigned.cert,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          bodies.push(Buffer.concat(chunks).toString('utf8'))
          callback()
        })
      },
    })
    const message = { from: 'probe@lab.test', to: 'postmaster@lab.test' }
    const plain = await probe({ host: '127.0.0.1', port }, { message })
    expect(plain.message).toMatchObject({ outcome: 'accepted', dkimSignature: false })
    expect(plain.phases.map((p) => p.phase)).toContain('message')
    const signed = await probe({ host: '127.0.0.1', port }, { message: { ...message, dkimSignature: true } })
    expect(signed.message).toMatchObject({ outcome: 'accepted', dkimSignature: true })
    expect(bodies).toHaveLength(2)
    expect(bodies[0]).not.toMatch(/^DKIM-Signature:/m)
    expect(bodies[1]).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/m)
    expect(signed.message?.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^DKIM-Signature: /)]))
    // The transcript keeps commands and replies paired: the content is one note, the `.` gets the 250.
    expect(sent(signed)).toEqual([
      'EHLO unmask.invalid',
      'STARTTLS',
      'EHLO unmask.invalid',
      'MAIL FROM:<probe@lab.test>',
      'RCPT TO:<postmaster@lab.test>',
      'DATA',
      '.',
      'QUIT',
    ])
    const session = buildSmtpSession(probeTranscript(signed))
    expect(session.exchanges.map((x) => `${x.verb} ${x.reply?.code}`)).toEqual([
      'EHLO 250',
      'STARTTLS 220',
      'EHLO 250',
      'MAIL 250',
      'RCPT 250',
      'DATA 354',
      '. 250',
      'QUIT 221',
    ])
    // The message went inside the TLS session: after the second EHLO.
    const mailLine = signed.transcript.find((l) => l.text.startsWith('MAIL FROM:'))!
    expect(mailLine.phase).toBe('message')
    expect(mailLine.line).toBeGreaterThan(signed.transcript.find((l) => l.phase === 'ehlo2')!.line)
  })

  it('sends no mail unless asked', async () => {
    let mails = 0
    const port = await startSmtp({
      key: selfSigned.key,
      cert: selfSigned.cert,
      onMailFrom(_a, _s, cb) {
        mails++
        cb()
      },
    })
    const r = await probe({ host: '127.0.0.1', port })
    expect(r.outcome).toBe('completed')
    expect(mails).toBe(0)
    expect(sent(r).some((c) => /^(MAIL|RCPT|DATA)/.test(c))).toBe(false)
  })

  it('reports a refused connection on a closed port', async () => {
    const server = createNetServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const r = await probe({ host: '127.0.0.1', port })
    expect(r.outcome).toBe('failed')
    expect(r.error).toMatchObject({ phase: 'connect', code: 'connect-refused' })
    expect(r.phases).toEqual([expect.objectContaining({ phase: 'connect', outcome: 'failed' })])
  })
})
