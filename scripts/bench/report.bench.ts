/**
 * Time to make a 20-page customer report: model (journal → redacted model), HTML (with 12 MB of embedded fonts) and
 * PDF through headless Chromium, cold (browser start included) and warm. The case is synthetic but shaped like the
 * real entries: a long configuration with secrets, four probe results, a diagnosis, a fix, verification and save.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CaseStore } from '../../src/main/cases/case-store'
import { renderCaseReport } from '../../src/main/report/export-report'
import { findChromium } from '../../src/main/report/find-chromium'
import { createChromiumPrinter } from '../../src/main/report/pdf-chromium'

const CONFIG = readFileSync(join(__dirname, '../../tests/fixtures/redaction/asa_7.2-3_secrets_galore.txt'), 'utf8')

function probeResult(vantage: string, masked: boolean, startedAt: string) {
  const lines: Array<[string, string, string]> = [
    ['note', 'connect', 'connected to 192.0.2.25:25'],
    ['server', 'banner', masked ? '220 ******************' : '220 esa.example.com ESMTP'],
    ['client', 'ehlo', 'EHLO probe.unmask.test'],
    ['server', 'ehlo', '250-esa.example.com'],
    ['server', 'ehlo', '250-8BITMIME'],
    ['server', 'ehlo', '250-SIZE 14680064'],
    ['server', 'ehlo', masked ? '250 XXXXXXXA' : '250 STARTTLS'],
    ['client', 'starttls', 'STARTTLS'],
    ['server', 'starttls', masked ? '500 #5.5.1 command not recognized' : '220 Ready to start TLS'],
    ...(masked
      ? []
      : ([['note', 'tls', 'TLS established: TLSv1.3 TLS_AES_256_GCM_SHA384']] as Array<[string, string, string]>)),
    ['client', 'quit', 'QUIT'],
    ['server', 'quit', '221 Bye'],
  ]
  const transcript = lines.map(([direction, phase, text], i) => ({ direction, phase, text, line: i + 1, atMs: i * 7 }))
  const phases = ['connect', 'banner', 'ehlo', 'starttls', ...(masked ? [] : ['tls', 'ehlo2']), 'quit'].map(
    (phase, i) => ({
      phase,
      startMs: i * 10,
      durationMs: 5 + i * 3,
      outcome: masked && phase === 'starttls' ? 'failed' : 'ok',
    }),
  )
  const line7 = { line: 7, text: masked ? 'XXXXXXXA' : 'STARTTLS', raw: lines[6]![2] }
  return {
    version: 1,
    target: { host: 'esa.example.com', port: 25, mode: 'starttls', ehloName: 'probe.unmask.test', vantage },
    address: '192.0.2.25',
    startedAt,
    durationMs: 80,
    phases,
    transcript,
    banner: { code: 220, lines: [{ line: 2, text: lines[1]![2].slice(4) }], startLine: 2, endLine: 2 },
    greeting: {
      command: 'EHLO',
      reply: { code: 250, lines: [line7], startLine: 4, endLine: 7 },
      extensions: [{ keyword: line7.text, line: 7, masked: masked ? { keyword: 'STARTTLS' } : null }],
    },
    starttls: {
      advertised: !masked,
      masked,
      sent: true,
      reply: { code: masked ? 500 : 220, lines: [{ line: 9, text: lines[8]![2].slice(4) }], startLine: 9, endLine: 9 },
    },
    tls: masked ? undefined : { established: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
    outcome: 'completed',
  }
}

function makeCase(home: string, configCopies: number): string {
  const c = new CaseStore(home).create({
    customer: '한빛물류 Hanbit Logistics',
    site: 'Seoul DC',
    engineer: 'Kim Minsu',
  })
  c.append('device.identified', { device: 'asa1', hostname: 'ciscoasa', platform: 'ASA', version: '7.2(3)' })
  for (let i = 0; i < configCopies; i++)
    // Distinct texts: the report shows identical ones once.
    c.append('device.output', {
      device: `asa${i + 1}`,
      command: 'show running-config',
      output: CONFIG.replace('hostname ciscoasa', `hostname asa${i + 1}`),
    })
  const now = new Date().toISOString()
  c.appendUntyped('probe.result', probeResult('outside', true, now))
  c.appendUntyped('probe.result', probeResult('inside', false, now))
  c.append('diagnosis.result', {
    findings: [
      {
        id: 'smtp.starttls-masked',
        severity: 'critical',
        confidence: 0.9,
        titleKey: 'findings.smtp.starttls-masked.title',
        explanationKey: 'findings.smtp.starttls-masked.explanation',
        params: { masked: 'XXXXXXXA' },
        evidence: [{ source: 'probe:outside', startLine: 7, endLine: 7, excerpt: '250 XXXXXXXA' }],
      },
    ],
  })
  c.append('fix.applied', {
    device: 'asa1',
    lines: ['policy-map global_policy', ' class inspection_default', '  no inspect esmtp'],
    undoLines: ['policy-map global_policy', ' class inspection_default', '  inspect esmtp'],
    confirmedBy: 'Kim Minsu',
    backupSha256: 'b'.repeat(64),
    outcome: 'applied',
  })
  c.appendUntyped('probe.result', probeResult('outside', false, now))
  c.appendUntyped('probe.result', probeResult('inside', false, now))
  c.append('fix.verified', {
    device: 'asa1',
    passed: true,
    checks: [{ text: 'outside probe: TLS established', passed: true }],
  })
  c.append('fix.saved', { device: 'asa1', saved: true })
  c.close()
  return c.dir
}

function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length
}

export async function run(): Promise<void> {
  const browser = findChromium()
  if (!browser.ok) {
    console.log('report: skipped, no Chromium/Chrome/Edge found')
    return
  }
  const home = mkdtempSync(join(tmpdir(), 'unmask-bench-report-'))
  const printer = createChromiumPrinter({ executablePath: browser.path })
  try {
    const dir = makeCase(home, 3)
    for (const lang of ['ko', 'en'] as const) {
      let t = performance.now()
      const { html, model } = renderCaseReport({ home, caseRef: dir, lang })
      const renderMs = performance.now() - t
      t = performance.now()
      const first = await printer.print(html)
      const firstMs = performance.now() - t
      const warm: number[] = []
      for (let i = 0; i < 3; i++) {
        t = performance.now()
        await printer.print(html)
        warm.push(performance.now() - t)
      }
      const redacted = Object.values(model.redactions).reduce((a, b) => a + b, 0)
      const mean = warm.reduce((a, b) => a + b, 0) / warm.length
      console.log(
        `report ${lang}: ${pageCount(first)} pages, HTML ${(html.length / 1e6).toFixed(1)} MB, ${redacted} redactions; ` +
          `model+HTML ${renderMs.toFixed(0)} ms; PDF ${lang === 'ko' ? 'cold (browser start) ' : ''}${firstMs.toFixed(0)} ms, ` +
          `warm mean ${mean.toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}), PDF ${(first.byteLength / 1024).toFixed(0)} KB`,
      )
    }
  } finally {
    await printer.close()
    rmSync(home, { recursive: true, force: true })
  }
}
