/**
 * The outbound check through the IPC contract (`probe.egress`, what the app's diagnosis panel calls): input
 * parsed by `dispatch`, results and conclusion checked against the contract's output schema, probes journalled
 * into the case. Loopback providers of the lab only; an empty list (the built-in real providers) is never sent.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { createHandlers, dispatch } from '../../../src/main/api-handlers'
import { CaseStore } from '../../../src/main/cases/case-store'
import { createServices } from '../../../src/main/services'
import { requests } from '../../../src/shared/api'

const home = mkdtempSync(join(tmpdir(), 'unmask-egress-ipc-'))
let lab: Lab
const handlers = createHandlers(createServices({ home, encryptor: null, emit: () => {}, platform: 'linux' }))

beforeAll(async () => {
  lab = await startLab({ scenario: 'egress-providers', stateDir: join(home, 'lab') })
})

afterAll(async () => {
  await lab?.stop()
  rmSync(home, { recursive: true, force: true })
})

describe('probe.egress over the contract', () => {
  it('concludes that the local path masks STARTTLS and journals each probe into the case', async () => {
    const created = await dispatch(handlers, 'cases.create', { customer: 'Acme' })
    expect(created.ok).toBe(true)
    const caseId = (created as { value: { id: string } }).value.id
    const targets = lab.providers.map((p) => ({ host: p.smtp.host, port: p.smtp.port }))
    const r = await dispatch(handlers, 'probe.egress', { targets, caseId })
    expect(r.ok).toBe(true)
    const value = requests['probe.egress'].output.parse((r as { value: unknown }).value)
    expect(value.defaultList).toBe(false)
    expect(value.conclusion.id).toBe('local-path-masks')
    expect(value.results).toHaveLength(3)
    const entries = new CaseStore(home).read(caseId).entries.filter((e) => e.type === 'probe.result')
    expect(entries).toHaveLength(3)
  })

  it('rejects a malformed request before probing anything', async () => {
    const r = await dispatch(handlers, 'probe.egress', { targets: [{ host: 'bad host!', port: 25 }] })
    expect(r.ok).toBe(false)
    const tooMany = Array.from({ length: 33 }, () => ({ host: '127.0.0.1', port: 25 }))
    expect((await dispatch(handlers, 'probe.egress', { targets: tooMany })).ok).toBe(false)
  })
})
