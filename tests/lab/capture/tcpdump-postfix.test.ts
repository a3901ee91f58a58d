/**
 * Real captures: Debian's tcpdump records a real Postfix conversation on 127.0.0.1 through the lab's inspection
 * path, once on the client's side of the proxy ("outside") and once on Postfix's side ("inside"). Reading both
 * pcap files back (src/shared/capture) must show what the lab's ASA engine did to the bytes: `250-STARTTLS` from
 * Postfix became `250-XXXXXXXB` for the client, and the client's STARTTLS reached Postfix as `XXXXXXXX`. A path
 * without inspection gives identical captures and no finding (the counter-example, also from real traffic).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type InspectionProxy, startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { type InspectingFirewall, type InspectionPolicy, newCounters } from '../../../src/lab/proxy/policy'
import { captureEvidence } from '../../../src/shared/capture/evidence'
import { readCapture } from '../../../src/shared/capture/read'
import type { CaptureReading } from '../../../src/shared/capture/types'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { makeCertificate } from '../../support/hostile-smtp'
import { hasPostfix, type PostfixInstance, startPostfix } from '../../support/postfix'
import { LineClient } from '../helpers/line-client'
import { hasTcpdump, recordLoopback } from './tcpdump'

const defaultMap: InspectionPolicy = {
  kind: 'esmtp',
  map: '_default_esmtp_map',
  maskBanner: true,
  allowTls: false,
  duplicateHeaderBug: false,
}

function firewallWith(policy: InspectionPolicy): InspectingFirewall {
  return { counters: newCounters(), currentPolicy: () => policy, log() {} }
}

/**
 * One mail through the path. STARTTLS is always tried (as a client with TLS forced would, even when it is not
 * offered); when Postfix accepts it the rest of the mail goes inside TLS.
 */
async function conversation(port: number, ca: string): Promise<void> {
  const c = await LineClient.open(port)
  let step = 'greeting'
  try {
    await c.reply()
    await c.command('EHLO client.example')
    step = 'STARTTLS'
    if ((await c.command('STARTTLS')).code === 220) {
      await c.startTls(ca, 'mx.postfix.test')
      await c.command('EHLO client.example')
    }
    for (step of ['MAIL FROM:<sender@client.example>', 'RCPT TO:<probe@postfix.test>', 'DATA']) await c.command(step)
    step = 'message'
    c.send('Subject: capture test\r\n\r\nHello through the firewall.\r\n.\r\n')
    await c.reply()
    step = 'QUIT'
    c.send('QUIT\r\n')
    await c.closedByPeer()
  } catch (e) {
    throw new Error(`${step}: ${(e as Error).message}`)
  } finally {
    c.close()
  }
}

interface Captured {
  outside: CaptureReading
  inside: CaptureReading
  files: { outside: string; inside: string }
}

async function capture(
  dir: string,
  name: string,
  postfix: PostfixInstance,
  policy: InspectionPolicy,
  ca: string,
): Promise<Captured> {
  const proxy: InspectionProxy = await startInspectionProxy({ upstream: postfix, firewall: firewallWith(policy) })
  const files = { outside: join(dir, `${name}-outside.pcap`), inside: join(dir, `${name}-inside.pcap`) }
  const outside = await recordLoopback(files.outside, [proxy.port])
  const inside = await recordLoopback(files.inside, [postfix.port])
  try {
    await conversation(proxy.port, ca)
    // Both legs' closes in the files before stopping (tcpdump may lag on a loaded machine).
    await Promise.all([outside.untilClosed(), inside.untilClosed()])
  } finally {
    await outside.stop()
    await inside.stop()
    await proxy.close()
  }
  const read = (f: string) => {
    const r = readCapture(readFileSync(f))
    if (!r) throw new Error(`${f} is not a capture`)
    return r
  }
  return { outside: read(files.outside), inside: read(files.inside), files }
}

describe.skipIf(!hasPostfix || !hasTcpdump)('tcpdump captures of Postfix through the lab inspection path', () => {
  let postfix: PostfixInstance
  let dir: string
  let masked: Captured
  let clear: Captured

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unmask-capture-'))
    const cert = await makeCertificate({ commonName: 'mx.postfix.test', names: ['mx.postfix.test'] })
    postfix = await startPostfix({ cert })
    masked = await capture(dir, 'esmtp', postfix, defaultMap, cert.cert)
    clear = await capture(dir, 'off', postfix, { kind: 'off' }, cert.cert)
  }, 60_000)
  afterAll(async () => {
    await postfix?.stop()
    if (dir && !process.env.UNMASK_KEEP_CAPTURES) rmSync(dir, { recursive: true, force: true })
  })

  it('reads each pcap as one SMTP connection with both directions and the body summarised', () => {
    for (const r of [masked.outside, masked.inside]) {
      expect(r.format).toBe('pcap')
      expect(r.problems).toEqual([])
      expect(r.transcripts).toHaveLength(1)
      const t = r.transcripts[0]!
      expect(t.connection.sawSyn).toBe(true)
      const texts = t.lines.map((l) => `${l.direction[0]} ${l.text}`)
      expect(texts).toContain('c EHLO client.example')
      expect(texts).toContain('n [message: 3 lines, 54 bytes]')
      expect(texts.filter((l) => l.startsWith('c ')).at(-1)).toBe('c QUIT')
      expect(texts).toContain('s 354 End data with <CR><LF>.<CR><LF>')
      // Times come from the capture and only go forward.
      const ts = t.lines.map((l) => l.ts)
      expect(ts).toEqual([...ts].sort((a, b) => a - b))
      expect(ts[0]).toBeGreaterThan(Date.UTC(2024, 0, 1) * 1000)
    }
    expect(masked.inside.transcripts[0]!.connection.server.port).toBe(postfix.port)
  })

  it('shows Postfix’s STARTTLS inside and the mask outside, and the client’s STARTTLS masked inside', () => {
    const server = (r: CaptureReading) =>
      r.transcripts[0]!.lines.filter((l) => l.direction === 'server').map((l) => l.text)
    const client = (r: CaptureReading) =>
      r.transcripts[0]!.lines.filter((l) => l.direction === 'client').map((l) => l.text)
    expect(server(masked.inside)).toContain('250-STARTTLS')
    expect(server(masked.outside)).not.toContain('250-STARTTLS')
    expect(server(masked.outside)).toContain('250-XXXXXXXB')
    expect(client(masked.outside)).toContain('STARTTLS')
    expect(client(masked.inside)).toContain('XXXXXXXX')
    expect(server(masked.inside)[0]).toBe('220 mx.postfix.test ESMTP Postfix')
    expect(server(masked.outside)[0]).toBe(`220 ${'*'.repeat('mx.postfix.test ESMTP Postfix'.length)}`)
  })

  it('the rule names the rewrite with the line of each capture', () => {
    const ev = captureEvidence([
      { name: 'inside.pcap', reading: masked.inside },
      { name: 'outside.pcap', reading: masked.outside },
    ])
    const finding = analyzeTexts([], ev).findings.find((f) => f.id === 'capture.firewall-rewrote')
    expect(finding?.params).toMatchObject({
      original: '250-STARTTLS',
      changed: '250-XXXXXXXB',
      originalCapture: 'inside.pcap',
      changedCapture: 'outside.pcap',
    })
    const lineOf = (name: string, n: number) => ev.texts.find((t) => t.name === name)!.text.split('\n')[n - 1]
    expect(lineOf('inside.pcap', Number(finding!.params!.originalLine))).toMatch(/ S: 250-STARTTLS$/)
    expect(lineOf('outside.pcap', Number(finding!.params!.changedLine))).toMatch(/ S: 250-XXXXXXXB$/)
    // Banner, masked keywords and the client's STARTTLS: every change is cited on both sides.
    expect(Number(finding!.params!.changes)).toBeGreaterThanOrEqual(5)
  })

  it('after STARTTLS and 220 the rest is counted as encrypted, not read as lines', () => {
    for (const r of [clear.inside, clear.outside]) {
      const t = r.transcripts[0]!
      expect(t.encryptedAfter).toBe(true)
      expect(t.lines.at(-2)).toMatchObject({ direction: 'server', text: '220 2.0.0 Ready to start TLS' })
      expect(t.lines.at(-1)?.text).toMatch(/^TLS started: \d+ further bytes, encrypted$/)
      expect(t.lines.map((l) => l.text)).not.toContain('MAIL FROM:<sender@client.example>')
    }
  })

  it('a path without inspection gives identical captures and no finding', () => {
    const ev = captureEvidence([
      { name: 'inside.pcap', reading: clear.inside },
      { name: 'outside.pcap', reading: clear.outside },
    ])
    // The TLS byte counts of the closing notes depend on when each capture stopped; the SMTP lines must be equal.
    const text = (r: CaptureReading) =>
      r.transcripts[0]!.lines.filter((l) => l.direction !== 'note').map((l) => `${l.direction} ${l.text}`)
    expect(text(clear.inside)).toEqual(text(clear.outside))
    expect(analyzeTexts([], ev).findings.map((f) => f.id)).not.toContain('capture.firewall-rewrote')
  })

  it('only one side of the firewall proves nothing by itself', () => {
    const ev = captureEvidence([{ name: 'outside.pcap', reading: masked.outside }])
    const ids = analyzeTexts([], ev).findings.map((f) => f.id)
    expect(ids).not.toContain('capture.firewall-rewrote')
    // The masked EHLO reply is still read as a transcript by the SMTP rules.
    expect(ids).toContain('smtp.starttls-masked')
  })
})
