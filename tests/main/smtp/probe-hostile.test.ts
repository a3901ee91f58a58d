/**
 * The probe against servers that misbehave: each must end in a structured result naming the phase and the
 * reason, within the limits given, and must never throw. Counter-examples check that odd-but-valid servers
 * (bare LF, a byte per write) are read correctly and not reported as faults.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { probe } from '../../../src/main/smtp/probe'
import type { ProbeOptions, ProbeResult } from '../../../src/shared/probe/types'
import {
  type Behaviour,
  hostile,
  makeCertificate,
  scriptedSmtp,
  startServer,
  type TestCertificate,
  type TestServer,
} from '../../support/hostile-smtp'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

let cert: TestCertificate
beforeAll(async () => {
  cert = await makeCertificate({ commonName: 'scripted.example' })
})

/** Generous for servers that answer (a loaded CI box must not turn them into timeouts), short for those that must not. */
const fast: ProbeOptions = { timeouts: { replyMs: 5_000, connectMs: 5_000, tlsMs: 5_000, totalMs: 20_000 } }
const impatient: ProbeOptions = { timeouts: { replyMs: 400, totalMs: 10_000 } }

async function probeOf(behaviour: Behaviour, options: ProbeOptions = fast): Promise<ProbeResult> {
  const server = await startServer(behaviour)
  servers.push(server)
  return probe({ host: server.host, port: server.port }, options)
}

const sent = (r: ProbeResult) => r.transcript.filter((l) => l.direction === 'client').map((l) => l.text)

describe('hostile servers', () => {
  it('slow drip: the reply deadline is absolute, so a trickle of bytes cannot hold the probe', async () => {
    const r = await probeOf(hostile.slowDrip('220 slow.example ESMTP drip drip drip drip drip drip\r\n', 20), impatient)
    expect(r.outcome).toBe('failed')
    expect(r.error).toMatchObject({ phase: 'banner', code: 'reply-timeout' })
  })

  it('slow drip against the total timeout', async () => {
    const r = await probeOf(hostile.slowDrip(), { timeouts: { replyMs: 60_000, totalMs: 500 } })
    expect(r.error).toMatchObject({ phase: 'banner', code: 'total-timeout' })
  })

  it('endless line: stops at the line limit and shows the start of the line', async () => {
    const r = await probeOf(hostile.endlessLine(), { ...fast, limits: { maxLineBytes: 1000 } })
    expect(r.error).toMatchObject({ phase: 'banner', code: 'line-too-long' })
    const note = r.transcript.find((l) => l.direction === 'note' && l.text.startsWith('line longer than 1000'))
    expect(note?.text).toMatch(/: 220A{77}…$/)
  })

  it('binary noise: not SMTP, and the transcript holds no raw control bytes', async () => {
    const r = await probeOf(hostile.binaryNoise())
    expect(r.outcome).toBe('failed')
    expect(['not-smtp', 'line-too-long']).toContain(r.error?.code)
    expect(r.error?.phase).toBe('banner')
    for (const l of r.transcript) expect(l.text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/)
  })

  it('close after banner: the banner is kept, the EHLO phase fails as closed', async () => {
    const r = await probeOf(hostile.closeAfterBanner())
    expect(r.banner?.code).toBe(220)
    expect(r.error).toMatchObject({ phase: 'ehlo', code: 'closed' })
  })

  it('silence: the banner times out', async () => {
    const r = await probeOf(hostile.silent(), impatient)
    expect(r.error).toMatchObject({ phase: 'banner', code: 'reply-timeout' })
  })

  it('an endless multi-line reply stops at the lines-per-reply limit', async () => {
    const r = await probeOf(hostile.endlessReply(), { timeouts: { replyMs: 10_000 }, limits: { maxReplyLines: 50 } })
    expect(r.error).toMatchObject({ phase: 'banner', code: 'reply-too-long' })
    expect(r.transcript.filter((l) => l.direction === 'server')).toHaveLength(50)
  })

  it('stops when the server sends more than the byte budget', async () => {
    const r = await probeOf(hostile.endlessReply(), {
      timeouts: { replyMs: 10_000 },
      limits: { maxTotalBytes: 4096, maxReplyLines: 1e6 },
    })
    expect(r.error).toMatchObject({ phase: 'banner', code: 'too-many-bytes' })
  })

  it('a TLS handshake that breaks after 220 is reported in the tls phase', async () => {
    const r = await probeOf(scriptedSmtp({ afterStarttls: 'garbage' }))
    expect(r.starttls?.reply?.code).toBe(220)
    expect(r.error).toMatchObject({ phase: 'tls', code: 'tls-failed' })
    expect(r.tls).toMatchObject({ established: false })
    expect(r.tls?.error).toBeTruthy()
    expect(r.transcript.some((l) => l.direction === 'note' && l.text.startsWith('TLS handshake failed'))).toBe(true)
  })

  it('a server that closes instead of starting TLS', async () => {
    const r = await probeOf(scriptedSmtp({ afterStarttls: 'close' }))
    expect(r.error).toMatchObject({ phase: 'tls', code: 'tls-failed' })
  })

  it('drops bytes injected between the STARTTLS reply and the handshake', async () => {
    const r = await probeOf(scriptedSmtp({ afterStarttls: 'inject', tls: cert }))
    expect(r.outcome).toBe('completed')
    expect(r.tls?.established).toBe(true)
    expect(r.transcript.some((l) => l.text.includes('injected'))).toBe(false)
    expect(r.transcript.some((l) => /^discarded \d+ bytes/.test(l.text))).toBe(true)
  })

  it('an old server that speaks only TLS 1.1: the handshake fails, unless legacy TLS is allowed', async () => {
    const old = scriptedSmtp({ tls: { ...cert, maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' } })
    const modern = await probeOf(old)
    expect(modern.error).toMatchObject({ phase: 'tls', code: 'tls-failed' })
    expect(modern.tls?.error).toMatch(/protocol version/i)
    const legacy = await probeOf(old, { ...fast, tls: { legacy: true } })
    expect(legacy.outcome).toBe('completed')
    expect(legacy.tls).toMatchObject({ established: true, protocol: 'TLSv1.1' })
  })

  it('cancels on request', async () => {
    const controller = new AbortController()
    const server = await startServer(hostile.silent())
    servers.push(server)
    const running = probe({ host: server.host, port: server.port }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const r = await running
    expect(r.error).toMatchObject({ code: 'aborted' })
  })

  it('a cancelled probe closes its connection at once, even in the middle of a TLS handshake', async () => {
    let serverSideClosed!: Promise<void>
    const server = await startServer((socket) => {
      serverSideClosed = new Promise((resolve) => socket.on('close', () => resolve()))
      socket.resume() // read (and drop) the ClientHello, so that the client's FIN is seen
    })
    servers.push(server)
    const controller = new AbortController()
    const running = probe(
      { host: server.host, port: server.port, mode: 'implicit-tls' },
      { signal: controller.signal, timeouts: { tlsMs: 120_000, totalMs: 120_000 } },
    )
    setTimeout(() => controller.abort(), 50)
    const r = await running
    expect(r.error).toMatchObject({ phase: 'tls', code: 'aborted' })
    // Without the close the server would wait for the two-minute TLS deadline (and the test time out).
    await serverSideClosed
  })

  it('rejects a bad target without touching the network', async () => {
    const bad = await probe({ host: 'bad host!', port: 25 })
    expect(bad.error).toMatchObject({ phase: 'dns', code: 'bad-target' })
    const badEhlo = await probe({ host: '127.0.0.1', port: 25, ehloName: 'two words' })
    expect(badEhlo.error?.code).toBe('bad-target')
    const badPort = await probe({ host: '127.0.0.1', port: 70000 })
    expect(badPort.error?.code).toBe('bad-target')
    const badMail = await probe({ host: '127.0.0.1', port: 25 }, { message: { from: 'a@b.test', to: 'x\r\nRCPT' } })
    expect(badMail.error?.code).toBe('bad-target')
    expect(bad.phases).toHaveLength(0)
  })
})

describe('odd but valid servers are read correctly', () => {
  it('bare LF line endings', async () => {
    const r = await probeOf(scriptedSmtp({ lineEnding: '\n', tls: cert }))
    expect(r.outcome).toBe('completed')
    expect(r.greeting?.extensions.map((e) => e.keyword)).toEqual(['PIPELINING', 'STARTTLS'])
    expect(r.tls?.established).toBe(true)
  })

  it('one byte per write', async () => {
    const r = await probeOf(scriptedSmtp({ byteAtATime: true, tls: cert }), {
      timeouts: { replyMs: 10_000, totalMs: 30_000 },
    })
    expect(r.outcome).toBe('completed')
    expect(r.banner?.lines[0]?.text).toBe('scripted.example ESMTP')
    expect(r.greetingAfterTls?.reply.code).toBe(250)
  })
})

describe('paths that mask SMTP (scripted)', () => {
  it('an ESA behind ASA inspection (Cisco 118550 lines): XXXXXXXA flagged, STARTTLS answered 500 #5.5.1', async () => {
    const cisco = readFileSync(
      join(__dirname, '../../fixtures/smtp/esa_inbound_behind_asa_XXXXXXXA_transcript_cisco118550.txt'),
      'utf8',
    )
      .split('\n')
      .filter(Boolean)
    const r = await probeOf(
      scriptedSmtp({
        banner: ['220 ****************************************'],
        ehlo: ['250-esa.lab.test', ...cisco.slice(0, 3)],
        starttls: [cisco[3]!],
      }),
    )
    expect(r.outcome).toBe('completed')
    const masked = r.greeting?.extensions.find((e) => e.keyword === 'XXXXXXXA')
    expect(masked?.masked?.keyword).toBe('STARTTLS')
    expect(r.greeting?.extensions.find((e) => e.keyword === 'SIZE')?.masked).toBeNull()
    expect(r.starttls).toMatchObject({ advertised: false, masked: true, sent: true })
    expect(r.starttls?.reply).toMatchObject({ code: 500, enhanced: '5.5.1' })
    expect(r.tls).toBeUndefined()
    expect(sent(r)).toEqual(['EHLO unmask.invalid', 'STARTTLS', 'QUIT'])
  })

  it('PIX Mailguard: EHLO refused, HELO accepted, STARTTLS still tried once', async () => {
    const r = await probeOf(
      scriptedSmtp({
        banner: ['220 *********0****************2****0*2*******'],
        ehlo: null,
        helo: ['250 ****************'],
        starttls: ['250 OK'],
      }),
    )
    expect(r.outcome).toBe('completed')
    expect(r.greeting?.command).toBe('HELO')
    expect(r.greeting?.ehloRefused?.code).toBe(500)
    expect(r.greeting?.extensions).toEqual([])
    expect(r.starttls).toMatchObject({ advertised: false, masked: false, sent: true })
    expect(sent(r)).toEqual(['EHLO unmask.invalid', 'HELO unmask.invalid', 'STARTTLS', 'QUIT'])
  })

  it('an old PIX that drops a message carrying DKIM-Signature, and passes one without', async () => {
    const script = scriptedSmtp({ ehlo: ['250-pix.lab.test', '250 8BITMIME'], dataEnd: 'drop-if-dkim' })
    const message = { from: 'probe@lab.test', to: 'postmaster@lab.test' }
    const plain = await probeOf(script, { ...fast, message })
    expect(plain.message?.outcome).toBe('accepted')
    expect(plain.outcome).toBe('completed')
    const signed = await probeOf(script, { ...fast, message: { ...message, dkimSignature: true } })
    expect(signed.message?.outcome).toBe('dropped')
    expect(signed.error).toMatchObject({ phase: 'message', code: 'closed' })
  })
})
