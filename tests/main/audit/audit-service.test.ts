/**
 * The app's fleet audit service against real files and a real case store: the table, reading back an audited file
 * (and refusing any other), and the export into the case journal that the report reads.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../src/main/api-handlers'
import { AuditService } from '../../../src/main/audit/audit-service'
import { CaseStore } from '../../../src/main/cases/case-store'
import { createServices } from '../../../src/main/services'
import { JOURNAL, readEvent } from '../../../src/shared/journal'
import { type FleetFile, writeMixedFleet } from './fleet'

const WORKER = join(__dirname, '..', '..', '..', 'src', 'main', 'audit', 'worker.ts')

let root: string
let fleet: FleetFile[]
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'unmask-audit-svc-'))
  fleet = writeMixedFleet(join(root, 'fleet'))
  writeFileSync(join(root, 'outside.txt'), 'not part of the fleet\n')
  symlinkSync(join(root, 'outside.txt'), join(root, 'fleet', 'plain', 'link-out'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('AuditService', () => {
  it('runs over a folder and keeps the rows for the table', async () => {
    const service = new AuditService({ workerFile: WORKER, jobs: 2 })
    const result = await service.run([join(root, 'fleet')])
    expect(result.rows).toHaveLength(9)
    expect(result.unlisted).toBe(0)
    expect(result.summary).toMatchObject({ devices: 9, affected: 5 })
    expect(result.roots).toEqual([join(root, 'fleet')])
  })

  it('tells the window how far it is (audit.progress), ending at the total', async () => {
    const events: Array<{ event: string; payload: { done: number; total: number | null } }> = []
    const emit = ((event: string, payload: { done: number; total: number | null }) =>
      events.push({ event, payload })) as never
    const service = new AuditService({ workerFile: WORKER, jobs: 2, emit })
    const result = await service.run([join(root, 'fleet')])
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((e) => e.event === 'audit.progress')).toBe(true)
    expect(events.at(-1)!.payload).toEqual({ done: result.summary.files, total: result.summary.files })
  })

  it('chooseFolder: the injected dialog, or null where there is none', async () => {
    expect(await new AuditService().chooseFolder()).toBeNull()
    expect(await new AuditService({ chooseFolder: async () => '/srv/rancid' }).chooseFolder()).toBe('/srv/rancid')
  })

  it('without a built worker script it says so instead of failing obscurely', async () => {
    // Under vitest the electron-vite `?modulePath` import gives nothing: the situation of an unbuilt checkout.
    await expect(new AuditService().run([join(root, 'fleet')])).rejects.toThrow(/audit worker is not built/)
  })

  it('reads back an audited file, and nothing outside the audited folders', async () => {
    const service = new AuditService({ workerFile: WORKER, jobs: 1 })
    await expect(service.read(fleet[0]!.path)).rejects.toThrow(/not a file of the audited folders/)
    await service.run([join(root, 'fleet')])
    const back = await service.read(fleet[0]!.path)
    expect(back.source).toBe(fleet[0]!.path)
    expect(back.text).toContain('!RANCID-CONTENT-TYPE: cisco')
    await expect(service.read(join(root, 'outside.txt'))).rejects.toThrow(/not a file of the audited folders/)
    // A link inside the folder that points outside it is refused too (the real path decides).
    await expect(service.read(join(root, 'fleet', 'plain', 'link-out'))).rejects.toThrow(/audited folders/)
    await expect(service.read(join(root, 'fleet', '..', 'outside.txt'))).rejects.toThrow(/audited folders/)
  })

  it('exports the table into the case as fleet.findings', async () => {
    const service = new AuditService({ workerFile: WORKER, jobs: 2 })
    const result = await service.run([join(root, 'fleet')])
    const cases = new CaseStore(join(root, 'home'))
    const handle = cases.create({ customer: 'ACME' })
    handle.close()
    const affected = result.rows.filter((r) => r.affected)
    expect(service.export(cases, handle.id, { ...result, rows: affected })).toEqual({ rows: 5, omitted: 0 })
    const entry = cases.read(handle.id).entries.find((e) => e.type === JOURNAL.fleetFindings)!
    const data = readEvent(entry, JOURNAL.fleetFindings)
    expect(data?.rows.map((r) => r.hostname).sort()).toEqual(affected.map((r) => r.hostname).sort())
    expect(data?.summary.devices).toBe(9)
    expect(data?.roots).toEqual([join(root, 'fleet')])
  })
})

describe('audit.* through the contract (dispatch validates every input)', () => {
  it('run, read, export; bad input refused with a structured error, never a throw', async () => {
    const services = createServices({ home: join(root, 'home2'), emit: () => {}, encryptor: null })
    const handlers = createHandlers({ ...services, audit: new AuditService({ workerFile: WORKER, jobs: 1 }) })
    const run = await dispatch(handlers, 'audit.run', { paths: [join(root, 'fleet')] })
    expect(run.ok && (run.value as { summary: { devices: number } }).summary.devices).toBe(9)
    const read = await dispatch(handlers, 'audit.read', { file: join(root, 'outside.txt') })
    expect(read).toEqual({ ok: false, error: { code: 'failed', message: 'not a file of the audited folders' } })
    expect(await dispatch(handlers, 'audit.run', { paths: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    const bad = await dispatch(handlers, 'audit.export', { caseId: '../../etc', roots: [], summary: {}, rows: [] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const handle = services.cases.create({ customer: 'Beta' })
    handle.close()
    const { rows, summary, roots } = (run as { value: { rows: unknown[]; summary: unknown; roots: string[] } }).value
    const exported = await dispatch(handlers, 'audit.export', { caseId: handle.id, roots, summary, rows })
    expect(exported).toEqual({ ok: true, value: { rows: 9, omitted: 0 } })
  })
})
