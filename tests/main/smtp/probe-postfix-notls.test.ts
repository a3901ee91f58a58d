/**
 * Issue 13 point 3, reproduced with a real Debian Postfix that offers no TLS (`smtpd_tls_security_level = none`)
 * behind the lab's ASA default-map inspection. Postfix lists VRFY, SMTPUTF8 and CHUNKING; the ASA masks all three
 * with a running letter (XXXA, XXXXXXXB, XXXXXXXC, pix-asa-smtp-inspection.md §7.2). The 8-letter masks are not
 * STARTTLS: the comparison must name them SMTPUTF8 and CHUNKING, count them as differences, and the server must
 * show as offering no STARTTLS — its own reply to STARTTLS says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type InspectionProxy, startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { type InspectingFirewall, newCounters } from '../../../src/lab/proxy/policy'
import { probe } from '../../../src/main/smtp/probe'
import { runProbeRequest } from '../../../src/main/smtp/run'
import { compareProbes } from '../../../src/shared/probe/compare'
import { probeAnalysis } from '../../../src/shared/probe/findings'
import { starttlsProof } from '../../../src/shared/probe/starttls-proof'
import type { ProbeResult } from '../../../src/shared/probe/types'
import { comparisonVerdict } from '../../../src/shared/probe/verdict'
import { NO_TLS_POSTFIX_BEHIND_ASA } from '../../lab/helpers/postfix-ehlo'
import { hasPostfix, type PostfixInstance } from '../../support/postfix'
import { startPostfixWithoutTls } from './support/postfix-no-tls'

const asaDefaultMap: InspectingFirewall = {
  counters: newCounters(),
  currentPolicy: () => ({
    kind: 'esmtp',
    map: '_default_esmtp_map',
    maskBanner: true,
    allowTls: false,
    duplicateHeaderBug: false,
  }),
  log: () => {},
}

describe.skipIf(!hasPostfix)('a Postfix without TLS behind ASA inspection (issue 13.3)', () => {
  let postfix: PostfixInstance
  let proxy: InspectionProxy
  let direct: ProbeResult
  let through: ProbeResult

  beforeAll(async () => {
    postfix = await startPostfixWithoutTls()
    proxy = await startInspectionProxy({ upstream: postfix, firewall: asaDefaultMap })
    // Sending STARTTLS unadvertised is switched off: only the ambiguity may make the probe send it.
    ;[direct, through] = await Promise.all([
      probe({ host: postfix.host, port: postfix.port, vantage: 'direct' }, { starttlsAlways: false }),
      probe({ host: '127.0.0.1', port: proxy.port, vantage: 'through' }, { starttlsAlways: false }),
    ])
  })

  afterAll(async () => {
    await proxy?.close()
    await postfix?.stop()
  })

  it('the masks through the ASA are VRFY, SMTPUTF8 and CHUNKING with a running letter', () => {
    // The same lines the lab's postfix-notls persona gives behind its ASA (tests/lab/scenarios).
    expect(through.greeting?.reply.lines.map((l) => l.raw)).toEqual([
      '250-mx.postfix.test',
      ...NO_TLS_POSTFIX_BEHIND_ASA,
    ])
  })

  it('an ambiguous 8-letter mask makes the probe send STARTTLS anyway, and the X-ed command proves nothing about TLS', () => {
    expect(through.starttls).toMatchObject({ advertised: false, masked: true, sent: true, sentBecause: 'ambiguous' })
    expect(through.starttls?.ambiguousMasks).toEqual(['XXXXXXXB', 'XXXXXXXC'])
    expect(through.starttls?.reply?.lines[0]?.raw).toBe('500 5.5.2 Error: command not recognized')
    expect(starttlsProof(through.starttls!.reply!)).toBe('command-masked')
  })

  it('the server itself offers no STARTTLS: no keyword, no mask, and it refuses the command as not implemented', async () => {
    expect(direct.starttls).toMatchObject({ advertised: false, masked: false, sent: false })
    expect(direct.starttls?.sentBecause).toBeUndefined()
    // Counter-example to the ambiguity: sent unadvertised on purpose, Postfix's own answer proves no TLS.
    const asked = await probe({ host: postfix.host, port: postfix.port })
    expect(asked.starttls).toMatchObject({ sent: true, sentBecause: 'always' })
    expect(asked.starttls?.reply?.lines[0]?.raw).toBe('502 5.5.1 Error: command not implemented')
    expect(starttlsProof(asked.starttls!.reply!)).toBe('tls-not-offered')
  })

  it('the comparison names the masks SMTPUTF8 and CHUNKING, counts them, and does not say STARTTLS', () => {
    const c = compareProbes(direct, through)
    const rows = new Map(c.rows.filter((r) => r.aspect === 'extension').map((r) => [r.key, r]))
    expect(rows.get('SMTPUTF8')).toMatchObject({ left: { text: '250-SMTPUTF8' }, right: { text: '250-XXXXXXXB' } })
    expect(rows.get('CHUNKING')).toMatchObject({ left: { text: '250 CHUNKING' }, right: { text: '250 XXXXXXXC' } })
    expect(rows.get('VRFY')).toMatchObject({ left: { text: '250-VRFY' }, right: { text: '250-XXXA' } })
    expect(rows.has('STARTTLS')).toBe(false)
    expect(c.differences).toContainEqual({ kind: 'extension-masked', keys: ['VRFY', 'SMTPUTF8', 'CHUNKING'] })
    expect(c.differences.map((d) => d.kind)).not.toContain('starttls-advertised')
    expect(comparisonVerdict(c).id).toBe('paths-differ')
  })

  it('`probe THROUGH --compare DIRECT` no longer says “STARTTLS is masked”: the paths differ, the masks are named', async () => {
    const report = await runProbeRequest({
      target: { host: '127.0.0.1', port: proxy.port, explicitPort: true },
      compare: { host: postfix.host, port: postfix.port },
      vantage: 'through',
      compareVantage: 'direct',
      mode: 'starttls',
      options: {},
    })
    const [throughProbe] = report.probes
    expect(throughProbe?.verdict.id).toBe('keywords-masked')
    expect(throughProbe?.findings.map((f) => f.id)).not.toContain('smtp.starttls-masked')
    expect(report.comparison?.verdict.id).toBe('paths-differ')
    expect(report.comparison?.comparison.differences.map((d) => d.kind)).toContain('extension-masked')
    // Both views together: the rules read the masks from the direct view's keywords.
    const both = probeAnalysis(report.probes.map((p) => p.result))
    const masked = both.findings.find((f) => f.id === 'smtp.keyword-masked')
    expect(masked?.params).toMatchObject({ basis: 'direct' })
    expect(String(masked?.params?.keywords)).toContain('XXXXXXXB=SMTPUTF8')
    expect(String(masked?.params?.keywords)).toContain('XXXXXXXC=CHUNKING')
    expect(both.findings.map((f) => f.id)).not.toContain('smtp.starttls-masked')
  })
})
