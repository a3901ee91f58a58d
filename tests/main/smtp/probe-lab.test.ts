/**
 * The probe against the lab's scenarios: straight to the mail host and through the simulated firewall's
 * inspecting path, compared, and through the rules. The lab shares no parsing code with the probe, so an
 * agreement here is not the probe agreeing with itself.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { probe } from '../../../src/main/smtp/probe'
import { compareProbes } from '../../../src/shared/probe/compare'
import { probeAnalysis, probeFindings } from '../../../src/shared/probe/findings'
import type { ProbeResult } from '../../../src/shared/probe/types'
import { probeVerdict } from '../../../src/shared/probe/verdict'

const stateDir = mkdtempSync(join(tmpdir(), 'unmask-probe-lab-'))
const labs: Lab[] = []

afterAll(async () => {
  for (const lab of labs) await lab.stop()
  rmSync(stateDir, { recursive: true, force: true })
})

async function lab(scenario: string): Promise<Lab> {
  const started = await startLab({ scenario, stateDir })
  labs.push(started)
  return started
}

/** Both views of a scenario: through the firewall (`outside`) and straight to the mail host (`inside`). */
async function bothSides(l: Lab, options = {}): Promise<{ outside: ProbeResult; inside: ProbeResult }> {
  const host = l.mailHost.hostname
  const tls = { servername: host, ca: [l.mailHost.certificate.cert] }
  const [outside, inside] = await Promise.all([
    probe({ host: '127.0.0.1', port: l.smtp.port, vantage: 'outside' }, { tls, ...options }),
    probe({ host: '127.0.0.1', port: l.direct.port, vantage: 'inside' }, { tls, ...options }),
  ])
  return { outside, inside }
}

const ids = (r: ProbeResult) => probeFindings([r]).map((f) => f.id)

describe('asa9-default: ESMTP inspection with the default map', () => {
  it('sees STARTTLS masked and refused through the firewall, TLS straight to the ESA, and the paths differ', async () => {
    const { outside, inside } = await bothSides(await lab('asa9-default'))

    expect(outside.outcome).toBe('completed')
    const mask = outside.greeting?.extensions.find((e) => e.masked)
    expect(mask?.keyword).toMatch(/^X+[A-Z]?$/)
    expect(mask?.masked?.keyword).toBe('STARTTLS')
    expect(outside.starttls).toMatchObject({ advertised: false, masked: true, sent: true })
    expect(outside.starttls?.reply?.code).toBe(500)
    expect(outside.tls).toBeUndefined()
    expect(ids(outside)).toEqual(expect.arrayContaining(['smtp.starttls-masked', 'smtp.starttls-rejected']))
    expect(probeVerdict(outside, probeFindings([outside])).id).toBe('starttls-masked')

    expect(inside.outcome).toBe('completed')
    expect(inside.starttls).toMatchObject({ advertised: true, masked: false })
    expect(inside.tls?.verification).toMatchObject({ trusted: true, hostnameMatches: true })
    expect(ids(inside)).toEqual(['smtp.tls-ok'])
    expect(probeVerdict(inside, probeFindings([inside])).id).toBe('tls-ok')

    const comparison = compareProbes(inside, outside)
    expect(comparison.differences.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['starttls-advertised', 'extension-masked', 'starttls-reply', 'tls-outcome']),
    )
    const differs = probeFindings([inside, outside]).filter((f) => f.id === 'smtp.path-differs')
    expect(differs).toHaveLength(1)
  })
})

describe('asa9-allow-tls: inspection that lets TLS through', () => {
  it('gets TLS through the firewall; STARTTLS and TLS do not differ between the sides', async () => {
    const { outside, inside } = await bothSides(await lab('asa9-allow-tls'))
    expect(outside.tls?.established).toBe(true)
    expect(outside.greetingAfterTls?.reply.code).toBe(250)
    expect(ids(outside)).not.toContain('smtp.starttls-masked')
    const kinds = compareProbes(inside, outside).differences.map((d) => d.kind)
    expect(kinds).not.toContain('starttls-advertised')
    expect(kinds).not.toContain('tls-outcome')
  })
})

describe('clean-path: no firewall (the counter-example)', () => {
  it('sees the same conversation on both sides and finds nothing wrong', async () => {
    const { outside, inside } = await bothSides(await lab('clean-path'))
    expect(outside.tls?.established).toBe(true)
    expect(compareProbes(inside, outside).differences).toEqual([])
    const findings = probeFindings([inside, outside])
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([])
  })
})

describe('pix6-mailguard: PIX 6.3 fixup protocol smtp', () => {
  it('sees the asterisked banner and the server’s bare OK to EHLO-turned-NOOP, and still tries STARTTLS once (§7.4)', async () => {
    const { outside } = await bothSides(await lab('pix6-mailguard'))
    expect(outside.outcome).toBe('completed')
    expect(outside.banner?.lines[0]?.raw).toMatch(/^220[ *0-2]+$/)
    // MailGuard originates no reply: EHLO reached Exchange as NOOP, and Exchange's `250 2.0.0 OK` came back.
    expect(outside.greeting?.command).toBe('EHLO')
    expect(outside.greeting?.reply.lines.map((l) => l.raw)).toEqual(['250 2.0.0 OK'])
    expect(outside.greeting?.extensions).toEqual([])
    expect(outside.starttls?.sent).toBe(true)
    // STARTTLS became a NOOP too: the same bare OK, not 220.
    expect(outside.starttls?.reply?.lines[0]?.raw).toBe('250 2.0.0 OK')
    expect(outside.tls).toBeUndefined()
    expect(ids(outside)).toEqual(expect.arrayContaining(['smtp.banner-masked', 'smtp.ehlo-rejected']))
    expect(probeVerdict(outside, probeFindings([outside])).id).toMatch(/^(esmtp-blocked|starttls-masked)$/)
  })
})

describe('remote-side: the partner’s ASA in front of their Exchange', () => {
  it('shows the masking from outside with Exchange’s own refusal of the X-ed command', async () => {
    const { outside } = await bothSides(await lab('remote-side'))
    expect(outside.starttls).toMatchObject({ advertised: false, masked: true, sent: true })
    expect(outside.starttls?.reply?.code).toBeGreaterThanOrEqual(500)
    expect(outside.starttls?.reply?.lines[0]?.raw).not.toContain('#5.5.1')
    expect(ids(outside)).toContain('smtp.starttls-masked')
    expect(probeAnalysis([outside]).causes[0]?.id).toMatch(/inspection$/)
  })
})

describe('pix7-old: the pre-7.2(3) duplicate-header bug', () => {
  it('delivers the plain test message and loses the one carrying DKIM-Signature', async () => {
    const l = await lab('pix7-old')
    const message = { from: 'probe@example.org', to: `postmaster@${l.mailHost.domain}` }
    const plain = await probe({ host: '127.0.0.1', port: l.smtp.port }, { message })
    expect(plain.message?.outcome).toBe('accepted')
    const signed = await probe(
      { host: '127.0.0.1', port: l.smtp.port },
      { message: { ...message, dkimSignature: true } },
    )
    expect(signed.message?.outcome).toBe('dropped')
    expect(probeVerdict(signed, probeFindings([signed])).id).toBe('message-dropped')
    // Straight to the mail host the signed message is accepted: the path, not the server, drops it.
    const direct = await probe(
      { host: '127.0.0.1', port: l.direct.port },
      { message: { ...message, dkimSignature: true } },
    )
    expect(direct.message?.outcome).toBe('accepted')
  })
})
