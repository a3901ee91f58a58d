/**
 * runAudit over real worker threads (worker.ts under tsx) on a generated fleet: every state and the summary, the same
 * rows in the same order whatever the number of threads, and every kind of bad input reported, never thrown.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAudit } from '../../../src/main/audit/pool'
import type { AuditRow, AuditSummary, SkippedFile } from '../../../src/shared/audit/types'
import { device, type FleetFile, writeMixedFleet } from './fleet'

const WORKER = join(__dirname, '..', '..', '..', 'src', 'main', 'audit', 'worker.ts')

async function audit(paths: string[], jobs: number, maxBytes?: number) {
  const rows: AuditRow[] = []
  const skips: SkippedFile[] = []
  const progress: [number, number | null][] = []
  const summary: AuditSummary = await runAudit({
    paths,
    workerFile: WORKER,
    jobs,
    ...(maxBytes ? { maxBytes } : {}),
    onRow: (r) => rows.push(r),
    onSkip: (s) => skips.push(s),
    onProgress: (done, total) => progress.push([done, total]),
  })
  return { rows, skips, summary, progress }
}

let root: string
let fleet: FleetFile[]
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'unmask-audit-'))
  fleet = writeMixedFleet(join(root, 'fleet'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('runAudit on a mixed fleet', () => {
  it('gives each device its state and the summary counts them', async () => {
    const { rows, skips, summary, progress } = await audit([join(root, 'fleet')], 2)
    for (const f of fleet) {
      if (f.expected === null) {
        expect(skips).toContainEqual({ file: f.path, reason: 'not-firewall' })
        continue
      }
      const row = rows.find((r) => r.file === f.path)
      expect(row, f.path).toMatchObject({
        hostname: f.expected.hostname,
        platform: f.expected.platform,
        version: f.expected.version,
        state: f.expected.state,
        mailguard: f.expected.mailguard,
        ftd: f.expected.ftd,
        remedy: f.expected.remedy,
      })
    }
    expect(rows.map((r) => r.layout).sort()).toEqual(
      ['oxidized', 'oxidized', 'plain', 'plain', 'plain', 'plain', 'plain', 'rancid', 'rancid'].sort(),
    )
    expect(summary.byState).toEqual({ active: 5, 'allow-tls': 1, off: 2, unknown: 1 })
    expect(summary).toMatchObject({ files: 15, devices: 9, affected: 5, mailguard: 1, ftd: 1 })
    expect(summary.bugs).toEqual({ 'pix.duplicate-header-bug': 2 })
    expect(summary.byVersion).toMatchObject({ 'pix 6.3(5)': 1, 'ftd 7.0.1': 1, 'fwsm 3.2(4)': 1 })
    expect(summary.skipped).toMatchObject({ binary: 1, empty: 1, 'not-config': 2, 'not-firewall': 1, 'vcs-folder': 1 })
    // The .git folder is reported once, never entered.
    expect(skips.filter((s) => s.file.includes('.git'))).toEqual([
      { file: join(root, 'fleet', 'rancid', 'configs', '.git'), reason: 'vcs-folder' },
    ])
    // Progress knows the total from the start and ends at it.
    expect(progress.at(-1)).toEqual([15, 15])
    expect(progress.every(([, total]) => total === 15)).toBe(true)
  })

  it('one thread and two give the same rows in the same (walk) order', async () => {
    const one = await audit([join(root, 'fleet')], 1)
    const two = await audit([join(root, 'fleet')], 2)
    expect(two.rows).toEqual(one.rows)
    expect(two.skips).toEqual(one.skips)
    const files = one.rows.map((r) => r.file)
    expect(files).toEqual([...files].sort())
  })

  it('audits files given one by one as well as folders', async () => {
    const some = fleet.filter((f) => f.expected?.state === 'active').map((f) => f.path)
    const { rows, summary } = await audit(some, 2)
    expect(rows.map((r) => r.file)).toEqual(some)
    expect(summary.byState.active).toBe(some.length)
  })
})

describe('bad input is reported in the summary, never thrown', () => {
  let bad: string
  beforeAll(() => {
    bad = join(root, 'bad')
    mkdirSync(join(bad, 'sub'), { recursive: true })
    const { text } = device('asa9-active', 'dup-fw')
    writeFileSync(join(bad, 'a-first.cfg'), text)
    writeFileSync(join(bad, 'b-second.cfg'), text.replace('hostname dup-fw', 'hostname DUP-FW'))
    writeFileSync(join(bad, 'huge.cfg'), `${text}\n${'! padding\n'.repeat(3000)}`)
    // Not UTF-8 text: Latin-1 bytes everywhere, no NUL.
    writeFileSync(join(bad, 'latin1.bin'), Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + (i % 120))))
    symlinkSync('..', join(bad, 'sub', 'loop'))
    symlinkSync('self', join(bad, 'self'))
    symlinkSync('missing-target', join(bad, 'dangling'))
    execFileSync('mkfifo', [join(bad, 'pipe')])
  })

  it('duplicates, size limit, binary, symlink loops, dangling links and FIFOs', async () => {
    const { rows, skips, summary } = await audit([bad], 2, 30_000)
    expect(rows.map((r) => [r.file, r.hostname, r.duplicateOf])).toEqual([
      [join(bad, 'a-first.cfg'), 'dup-fw', null],
      [join(bad, 'b-second.cfg'), 'DUP-FW', join(bad, 'a-first.cfg')],
    ])
    expect(summary.duplicates).toEqual([
      { hostname: 'dup-fw', files: [join(bad, 'a-first.cfg'), join(bad, 'b-second.cfg')] },
    ])
    const reasons = Object.fromEntries(skips.map((s) => [s.file.slice(bad.length + 1), s.reason]))
    expect(reasons).toEqual({
      dangling: 'unreadable',
      'huge.cfg': 'too-large',
      'latin1.bin': 'binary',
      pipe: 'not-regular',
      self: 'symlink-loop',
      'sub/loop': 'symlink-loop',
    })
    expect(skips.find((s) => s.reason === 'unreadable')?.detail).toBe('ENOENT')
    expect(summary.skipped).toMatchObject({
      unreadable: 1,
      'too-large': 1,
      binary: 1,
      'not-regular': 1,
      'symlink-loop': 2,
    })
  })

  it('counts every row in the summary even with no row listener', async () => {
    const summary = await runAudit({ paths: [join(root, 'fleet')], workerFile: WORKER, jobs: 1 })
    expect(summary).toMatchObject({ files: 15, devices: 9, affected: 5 })
  })

  it('a worker that dies mid-run fails the run with a message instead of leaving it waiting', async () => {
    const dying = join(root, 'dying-worker.js')
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3))\n")
    await expect(runAudit({ paths: [join(root, 'fleet')], workerFile: dying, jobs: 1 })).rejects.toThrow(
      'audit worker stopped (exit code 3)',
    )
  })

  it('stops early when aborted and still returns a summary', async () => {
    const controller = new AbortController()
    controller.abort()
    const summary = await runAudit({
      paths: [join(root, 'fleet')],
      workerFile: WORKER,
      jobs: 1,
      signal: controller.signal,
    })
    expect(summary.files).toBe(0)
  })
})
