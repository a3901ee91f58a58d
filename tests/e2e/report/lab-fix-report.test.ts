/**
 * The report of a real remediation: the lab's ASA 9.8 with default ESMTP inspection, probed through the inspecting path
 * and directly, fixed by the real fix session over SSH (allow-tls map, backup, verify, save), then printed in Korean.
 * Everything in the journal was written by the code that writes it in the product; the report only reads it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { analyzeSnapshot } from '../../../src/main/fix/analysis'
import type { Preview } from '../../../src/main/fix/types'
import { writeCaseReport } from '../../../src/main/report/export-report'
import { findChromium } from '../../../src/main/report/find-chromium'
import { createChromiumPrinter } from '../../../src/main/report/pdf-chromium'
import { probe } from '../../../src/main/smtp/probe'
import { REDACTION_MARKER } from '../../../src/shared/redaction'
import { labFixEnv, labProbes } from '../../main/fix/lab-session'

const chromium = findChromium()
const ready = chromium.ok && existsSync('/usr/bin/pdftotext')
const artifacts = join(import.meta.dirname, '../../../test-artifacts')

describe.skipIf(!ready)('report of a real remediation on the lab ASA', () => {
  const env = labFixEnv('asa9-default')
  const printer = createChromiumPrinter({ executablePath: chromium.ok ? chromium.path : '' })
  afterAll(() => printer.close())

  it('shows the change as sent, the backup hash, the verification with counters, the save; no credential', async () => {
    const lab = env.lab()
    const { fix, caseDir, journal, handle } = await env.open()
    const before = await Promise.all(labProbes(lab).map((t) => probe(t)))
    for (const r of before) handle.append('probe.result', r)
    const snapshot = await fix.read()
    const remedy = analyzeSnapshot(snapshot, before).remedies.find((r) => r.id === 'asa.allow-tls-map')!
    const preview = (await fix.preview(remedy)) as Preview
    await fix.apply({ token: preview.token!, typedHostname: 'ciscoasa', confirmedBy: 'Kim Minsu 김민수' })
    await fix.verify(
      remedy,
      labProbes(lab).map((target, i) => ({ target, before: before[i]! })),
    )
    const saveToken = fix.requestSave()
    if ('refused' in saveToken) throw new Error('no save token')
    await fix.save(saveToken.token, 'Kim Minsu 김민수')

    mkdirSync(artifacts, { recursive: true })
    // Kept for people to read next to the page-1 PNG (test-artifacts/ is not committed).
    const pdfPath = join(artifacts, 'report-lab-fix-ko.pdf')
    const htmlPath = join(env.home(), 'lab-fix-ko.html')
    // The fix session still holds the case open: the export is recorded through its writer.
    const { model } = await writeCaseReport({
      home: env.home(),
      caseRef: caseDir,
      lang: 'ko',
      pdfPath,
      htmlPath,
      printer,
      journal: handle,
    })
    handle.appendUntyped('lab.after-report', {})
    const seqs = journal().map((e) => e.seq)
    expect(new Set(seqs).size).toBe(seqs.length)
    expect(journal().filter((e) => e.type === 'report.exported')).toHaveLength(1)

    expect(model.summary.state).toBe('resolved')
    const backup = journal().find((e) => e.type === 'fix.backup')!.data as { sha256: string }
    expect(model.changes).toHaveLength(1)
    expect(model.changes[0]).toMatchObject({
      device: 'ciscoasa',
      confirmedBy: 'Kim Minsu 김민수',
      backupSha256: backup.sha256,
      outcome: 'applied',
      saved: true,
    })
    expect(model.changes[0]!.lines).toEqual(preview.plan.lines.map((l) => l.command))
    expect(model.changes[0]!.undoLines.length).toBeGreaterThan(0)
    const through = model.comparisons.find((c) => c.path.startsWith('through'))!
    expect(through.before?.starttls).toBe('masked')
    expect(through.after?.starttls).toBe('offered')
    expect(model.verifications[0]!.passed).toBe(true)
    expect(model.verifications[0]!.counters?.before?.join('\n')).toContain('_default_esmtp_map')
    expect(model.verifications[0]!.counters?.after?.join('\n')).toContain('UNMASK_ESMTP_TLS')
    expect(model.scope.devices.map((d) => d.name)).toContain('ciscoasa')
    // The plan preview and the per-line echo are part of the record, not of the document.
    expect(model.appendix.other.map((e) => e.type)).not.toContain('fix.preview')

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
    const html = readFileSync(htmlPath, 'utf8')
    expect(text).toContain('allow-tls action log')
    expect(text).toContain('해결됨')
    expect(text).toContain(backup.sha256)
    const creds = lab.credentials!
    for (const secret of [creds.password, creds.enable].filter((s): s is string => !!s && s.length >= 4)) {
      expect(text).not.toContain(secret)
      expect(html).not.toContain(secret)
    }
    expect(text).toContain(REDACTION_MARKER)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfPath,
      join(artifacts, 'report-lab-fix-ko-page1'),
    ])
  })
})
