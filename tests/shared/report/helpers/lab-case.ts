/**
 * A real lab case for the report tests: the lab's ESA persona behind the lab's inspecting proxy (ASA default ESMTP map),
 * probed with the real probe from an outside and an inside vantage point, diagnosed with the real rules engine, then
 * "fixed" (the proxy's policy switched off, as `no inspect esmtp` does) and probed again. Everything goes through the
 * real CaseStore, the device session through the real SessionLog, the analysis as the investigation service records
 * it. The remediation entries are written in the shapes src/main/fix writes (see src/shared/report/model.ts).
 *
 * The device configuration carries a dozen made-up secrets (SECRETS) so that tests can prove none reaches the report.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type MailHost, startMailHost } from '../../../../src/lab/mail/mail-host'
import { type InspectionProxy, startInspectionProxy } from '../../../../src/lab/proxy/inspection-proxy'
import { type InspectingFirewall, type InspectionPolicy, newCounters } from '../../../../src/lab/proxy/policy'
import { type CaseHandle, CaseStore } from '../../../../src/main/cases/case-store'
import { SessionLog } from '../../../../src/main/device/session-log'
import { probe } from '../../../../src/main/smtp/probe'
import { analyzeEvidence } from '../../../../src/shared/diagnosis'
import { parseEvidence } from '../../../../src/shared/evidence'
import { probeTranscript } from '../../../../src/shared/probe/transcript'
import type { ProbeResult } from '../../../../src/shared/probe/types'

const fixtures = join(import.meta.dirname, '../../../fixtures')
export const SECRET_CONFIG = readFileSync(join(fixtures, 'redaction/asa_7.2-3_secrets_galore.txt'), 'utf8')
export const SYSLOG = readFileSync(join(fixtures, 'report/asa_syslog_esmtp_inspection_drop_blog.txt'), 'utf8')

/** Every secret value in SECRET_CONFIG, the mark, and the key line of the pasted private key. */
export const SECRETS = [
  'shlxHOGhGlncPVRr',
  'Zq9vXk2LmP0aBcDe',
  'hx5rVt7rPNoS4wqbXKX7m0',
  'R4d1usK3y!2026',
  'CommonPw#77',
  'LdapB1ndPw',
  'N0c-C0mmunity',
  'AuthPassw0rd99',
  'PrivPassw0rd77',
  'Psk-Tunnel-S3cret',
  'F41l0verK3y',
  'NtpMd5K3y',
  'Project Bluebird',
  'AdminLoginPw1',
]
export const MARK = 'Project Bluebird'

export interface LabCase {
  home: string
  dir: string
  id: string
  close(): void
}

export type LabStage = 'before' | 'after'

const defaultMap: InspectionPolicy = {
  kind: 'esmtp',
  map: '_default_esmtp_map',
  maskBanner: true,
  allowTls: false,
  duplicateHeaderBug: false,
}

export async function buildLabCase(stage: LabStage, customer = '한빛물류 Hanbit Logistics'): Promise<LabCase> {
  const home = mkdtempSync(join(tmpdir(), 'unmask-report-case-'))
  const stateDir = join(home, 'lab')
  const firewall: InspectingFirewall & { policy: InspectionPolicy } = {
    policy: defaultMap,
    counters: newCounters(),
    currentPolicy() {
      return this.policy
    },
    log() {},
  }
  let esa: MailHost | undefined
  let proxy: InspectionProxy | undefined
  try {
    esa = await startMailHost({ persona: 'esa', hostname: 'esa.lab.test', domain: 'lab.test', stateDir })
    proxy = await startInspectionProxy({ upstream: esa, firewall })
    const run = (vantage: string, port: number): Promise<ProbeResult> =>
      probe(
        { host: '127.0.0.1', port, vantage, ehloName: 'probe.unmask.test' },
        { starttlsAlways: true, tls: { ca: [esa!.certificate.cert], servername: 'esa.lab.test' } },
      )

    const store = new CaseStore(home)
    const c = store.create({ customer, site: 'Seoul DC 서울 데이터센터', engineer: 'Kim Minsu 김민수' })
    recordSession(c)
    c.append('evidence.added', {
      source: 'engineer-notes.txt',
      text: `${MARK}: mail gateway esa.lab.test\nSNMP poller still uses N0c-C0mmunity\n`,
    })
    c.append('redaction.mark', { text: MARK })

    const outsideBefore = await run('outside', proxy.port)
    const insideBefore = await run('inside', esa.port)
    c.append('probe.result', outsideBefore)
    c.append('probe.result', insideBefore)
    // As the investigation service does: the analysed texts are attached, the analysis recorded.
    c.attach('ciscoasa-running-config.txt', SECRET_CONFIG)
    c.attach('syslog.txt', SYSLOG)
    c.append('analysis.result', analysisEntry([outsideBefore, insideBefore]))
    c.appendUntyped('lab.note', { text: 'an entry type the report does not know; snmp community N0c-C0mmunity' })

    if (stage === 'after') {
      // The fix session reads `show service-policy inspect esmtp` before and after (9.x format, lab proxy counters).
      const k = firewall.counters
      const countersBefore = [
        'Global policy:',
        '  Service-policy: global_policy',
        '    Class-map: inspection_default',
        `      Inspect: esmtp _default_esmtp_map, packet ${k.packet}, lock fail 0, drop ${k.drop}, reset-drop ${k.resetDrop}, 5-min-pkt-rate 0 pkts/sec, v6-fail-close 0 sctp-drop-override 0`,
        `        mask-banner, count ${k.maskBanner}`,
        '        match ehlo-reply-parameter others',
        `          mask, packet ${k.ehloMask}`,
      ].join('\n')
      const countersAfter = [
        'Global policy:',
        '  Service-policy: global_policy',
        '    Class-map: inspection_default',
      ].join('\n')
      c.append('fix.applied', {
        device: 'ciscoasa',
        remedyId: 'asa.no-inspect-esmtp',
        lines: ['policy-map global_policy', ' class inspection_default', '  no inspect esmtp'],
        undoLines: ['policy-map global_policy', ' class inspection_default', '  inspect esmtp'],
        confirmedBy: 'Kim Minsu 김민수',
        confirmedAt: new Date().toISOString(),
        backupSha256: createHash('sha256').update(SECRET_CONFIG).digest('hex'),
        outcome: 'applied',
      })
      firewall.policy = { kind: 'off' }
      const outsideAfter = await run('outside', proxy.port)
      const probed = c.append('probe.result', outsideAfter)
      const tlsUp = outsideAfter.tls?.established === true
      c.append('fix.verified', {
        device: 'ciscoasa',
        passed: tlsUp,
        outcome: tlsUp ? 'fixed' : 'not-fixed',
        checks: [
          { text: 'show running-config policy-map global_policy: no "inspect esmtp"', passed: true },
          { text: 'outside probe: STARTTLS offered, TLS established', passed: tlsUp },
        ],
        probeSeqs: [probed.seq],
        countersBefore,
        countersAfter,
      })
      c.append('fix.saved', { device: 'ciscoasa', saved: true, command: 'write memory' })
    }
    c.close()
    return { home, dir: c.dir, id: c.id, close: () => rmSync(home, { recursive: true, force: true }) }
  } finally {
    await proxy?.close()
    await esa?.close()
  }
}

/** One real probe through the lab's inspecting proxy (ASA default map) in front of the ESA persona. */
export async function probeMaskedPath(vantage = 'outside'): Promise<ProbeResult> {
  const stateDir = mkdtempSync(join(tmpdir(), 'unmask-report-probe-'))
  const firewall: InspectingFirewall = { counters: newCounters(), currentPolicy: () => defaultMap, log() {} }
  const esa = await startMailHost({ persona: 'esa', hostname: 'esa.lab.test', domain: 'lab.test', stateDir })
  const proxy = await startInspectionProxy({ upstream: esa, firewall }).catch(async (error: unknown) => {
    await esa.close()
    throw error
  })
  try {
    return await probe({ host: '127.0.0.1', port: proxy.port, vantage }, { starttlsAlways: true })
  } finally {
    await proxy.close()
    await esa.close()
    rmSync(stateDir, { recursive: true, force: true })
  }
}

/**
 * A device session through the real SessionLog: raw traffic, the cleaned command output, both logs attached. The
 * session log masks `password`-style fields itself but not every secret (an aaa-server `key`, SNMPv3 keys): the report
 * must remove the rest.
 */
function recordSession(c: CaseHandle): void {
  const log = new SessionLog(c, { peer: 'ssh://admin@172.10.20.1', transport: 'ssh', secrets: ['AdminLoginPw1'] })
  const at = new Date()
  log.record({ direction: 'out', data: 'AdminLoginPw1\n', secret: true, at })
  log.record({ direction: 'in', data: 'ciscoasa# ', at })
  log.record({ direction: 'out', data: 'show running-config\n', secret: false, at })
  log.record({ direction: 'in', data: `${SECRET_CONFIG.replace(/\n/g, '\r\n')}\r\nciscoasa# `, at })
  log.step({
    stepId: 'running-config',
    command: 'show running-config',
    output: SECRET_CONFIG,
    mode: 'enable',
    failed: false,
    startedAt: at.toISOString(),
    elapsedMs: 420,
    prompt: 'ciscoasa#',
  })
  log.close('done')
}

/** What the investigation service records after an analysis (src/main/investigation): the engine's own output. */
function analysisEntry(probes: readonly ProbeResult[]) {
  const evidence = [
    ...parseEvidence({ source: 'ciscoasa show running-config', text: SECRET_CONFIG }).evidence,
    ...parseEvidence({ source: 'syslog.txt', text: SYSLOG }).evidence,
    ...probes.map((p) => probeTranscript(p)),
  ]
  const analysis = analyzeEvidence(evidence)
  return {
    sources: ['ciscoasa show running-config', 'syslog.txt'],
    facts: analysis.facts,
    findings: analysis.findings,
    causes: analysis.causes,
    remedies: analysis.remedies.map((r) => r.id),
  }
}
