/**
 * A real lab case for the report tests: the lab's ESA persona behind the lab's inspecting proxy (ASA default ESMTP map),
 * probed with the real probe from an outside and an inside vantage point, diagnosed with the real rules engine, then
 * "fixed" (the proxy's policy switched off, as `no inspect esmtp` does) and probed again. Everything goes through the
 * real CaseStore. The remediation entries are written in the shapes documented in src/shared/report/model.ts.
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
import { CaseStore } from '../../../../src/main/cases/case-store'
import { probe } from '../../../../src/main/smtp/probe'
import { parseEvidence } from '../../../../src/shared/evidence'
import type { Finding } from '../../../../src/shared/findings'
import type { ProbeResult } from '../../../../src/shared/probe/types'
import { runRules } from '../../../../src/shared/rules'

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
    c.append('device.identified', {
      device: 'asa1',
      hostname: 'ciscoasa',
      platform: 'ASA',
      model: 'ASA5505',
      version: '7.2(3)',
      address: '172.10.20.1',
    })
    c.append('device.output', { device: 'asa1', command: 'show running-config', output: SECRET_CONFIG })
    c.append('evidence.added', { source: 'syslog.txt', text: SYSLOG, kind: 'log' })
    c.append('evidence.added', {
      source: 'engineer-notes.txt',
      text: `${MARK}: mail gateway esa.lab.test\nSNMP poller still uses N0c-C0mmunity\n`,
    })
    c.append('redaction.mark', { text: MARK })

    const outsideBefore = await run('outside', proxy.port)
    const insideBefore = await run('inside', esa.port)
    c.append('probe.result', outsideBefore)
    c.append('probe.result', insideBefore)
    c.append('diagnosis.result', { findings: diagnose([outsideBefore, insideBefore]) })
    c.append('lab.note', { text: 'an entry type the report does not know; snmp community N0c-C0mmunity' })

    if (stage === 'after') {
      const lines = ['policy-map global_policy', ' class inspection_default', '  no inspect esmtp']
      c.append('fix.applied', {
        device: 'asa1',
        remedyId: 'asa.no-inspect-esmtp',
        lines,
        undoLines: ['policy-map global_policy', ' class inspection_default', '  inspect esmtp'],
        confirmedBy: 'Kim Minsu 김민수',
        confirmedAt: new Date().toISOString(),
        backupSha256: createHash('sha256').update(SECRET_CONFIG).digest('hex'),
        outcome: 'applied',
      })
      firewall.policy = { kind: 'off' }
      const outsideAfter = await run('outside', proxy.port)
      c.append('probe.result', outsideAfter)
      c.append('fix.verified', {
        device: 'asa1',
        passed: outsideAfter.tls?.established === true,
        checks: [
          { text: 'show running-config policy-map global_policy: no "inspect esmtp"', passed: true },
          { text: 'outside probe: STARTTLS offered, TLS established', passed: outsideAfter.tls?.established === true },
        ],
      })
      c.append('fix.saved', { device: 'asa1', saved: true, command: 'write memory' })
    }
    c.close()
    return { home, dir: c.dir, id: c.id, close: () => rmSync(home, { recursive: true, force: true }) }
  } finally {
    await proxy?.close()
    await esa?.close()
  }
}

/** The engine's findings for the probes plus the device configuration and syslog, as a diagnosis would record them. */
function diagnose(probes: readonly ProbeResult[]): Finding[] {
  const evidence = [
    ...parseEvidence({ source: 'asa1 show running-config', text: SECRET_CONFIG }).evidence,
    ...parseEvidence({ source: 'syslog.txt', text: SYSLOG }).evidence,
    ...probes.map((p) => ({
      kind: 'smtp-transcript' as const,
      shape: 'probe' as const,
      source: `probe:${p.target.vantage}`,
      lines: p.transcript.map(({ direction, text, line }) => ({ direction, text, line })),
    })),
  ]
  return runRules(evidence)
}
