/**
 * The fleet view against the real main-process side: the bridge dispatches to the app's own handlers (contract
 * validation included) with a real AuditService (worker threads over worker.ts) and a real case store, over a
 * generated fleet on disk. Audit a folder, sort and filter, open a device's evidence, add the table to the case.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../src/main/api-handlers'
import { AuditService } from '../../../src/main/audit/audit-service'
import { createServices } from '../../../src/main/services'
import { FleetAudit } from '../../../src/renderer/src/audit/FleetAudit'
import { filterRows, sortRows } from '../../../src/renderer/src/audit/fleet-table'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { I18nContext, translatorFor } from '../../../src/renderer/src/i18n'
import type { UnmaskBridge } from '../../../src/shared/api'
import { auditText } from '../../../src/shared/audit/row'
import { JOURNAL, readEvent } from '../../../src/shared/journal'
import { device, type Kind } from '../../main/audit/fleet'

const WORKER = join(__dirname, '..', '..', '..', 'src', 'main', 'audit', 'worker.ts')
const KINDS: Kind[] = ['asa9-active', 'asa8-allow-tls', 'asa9-off', 'pix6-mailguard', 'ftd-active', 'pix7-active-bug']

let root: string
let fleetDir: string
const texts = new Map<string, string>()
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'unmask-fleet-view-'))
  fleetDir = join(root, 'backups')
  KINDS.forEach((kind, i) => {
    const file = join(fleetDir, `site${i}`, kind)
    mkdirSync(join(file, '..'), { recursive: true })
    const { text } = device(kind, `fw-${i}-${kind}`)
    writeFileSync(file, text)
    texts.set(file, text)
  })
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function setup(lang: 'en' | 'ko' = 'en', withCase = true) {
  const services = createServices({ home: join(root, `home-${Math.random()}`), emit: () => {}, encryptor: null })
  // The OS folder dialog is Electron's; here the "user" picks the fleet folder, or cancels when asked to.
  const picks: Array<string | null> = [fleetDir]
  const chooseFolder = async () => picks.shift() ?? null
  const handlers = createHandlers({
    ...services,
    audit: new AuditService({ workerFile: WORKER, jobs: 2, chooseFolder }),
  })
  const calls: Array<{ method: string; input: unknown }> = []
  const bridge: UnmaskBridge = {
    invoke: (async (method: string, input: unknown) => {
      calls.push({ method, input })
      const r = await dispatch(handlers, method, input)
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }) as UnmaskBridge['invoke'],
    on: () => () => {},
  }
  let caseId: string | undefined
  if (withCase) {
    const handle = services.cases.create({ customer: 'ACME' })
    handle.close()
    caseId = handle.id
  }
  const evidence: Array<{ source: string; text: string }> = []
  const i18n = { t: translatorFor(lang), language: lang, setLanguage: () => {} }
  render(
    <BridgeContext.Provider value={bridge}>
      <I18nContext.Provider value={i18n}>
        <FleetAudit caseId={caseId} onEvidence={(e) => evidence.push(e)} />
      </I18nContext.Provider>
    </BridgeContext.Provider>,
  )
  return { services, caseId, calls, evidence, picks, user: userEvent.setup() }
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1)
const hostnames = () => bodyRows().map((r) => within(r).getAllByRole('cell')[0]!.textContent)

async function audit(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Folder of configuration backups'), fleetDir)
  await user.click(screen.getByRole('button', { name: 'Audit' }))
  // Real worker threads: the first run also compiles worker.ts under tsx.
  await screen.findByTestId('fleet-summary', {}, { timeout: 20_000 })
}

describe('FleetAudit', { timeout: 60_000 }, () => {
  it('audits a folder and shows one row per device, most urgent state first', async () => {
    const { calls, user } = setup()
    await audit(user)
    expect(calls[0]).toEqual({ method: 'audit.run', input: { paths: [fleetDir] } })
    expect(screen.getByTestId('fleet-summary')).toHaveTextContent('6 files, 6 devices, 4 affected; 0 files skipped')
    expect(bodyRows()).toHaveLength(6)
    const states = bodyRows().map((r) => within(r).getAllByRole('cell')[3]!.textContent)
    expect(states.slice(0, 4).every((s) => s?.startsWith('active'))).toBe(true)
    expect(states.slice(4)).toEqual(['allow-tls', 'off'])
  })

  it('"Open folder…" audits the folder picked in the dialog; a cancelled dialog changes nothing', async () => {
    const { calls, picks, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Open folder…' }))
    await screen.findByTestId('fleet-summary', {}, { timeout: 20_000 })
    expect(screen.getByLabelText('Folder of configuration backups')).toHaveValue(fleetDir)
    expect(calls.map((c) => c.method)).toEqual(['audit.chooseFolder', 'audit.run'])
    picks.push(null)
    await user.click(screen.getByRole('button', { name: 'Open folder…' }))
    await waitFor(() => expect(calls).toHaveLength(3))
    expect(calls.map((c) => c.method)).toEqual(['audit.chooseFolder', 'audit.run', 'audit.chooseFolder'])
    expect(bodyRows()).toHaveLength(6)
  })

  it('sorts by a column both ways and filters by text, state and "affected"', async () => {
    const { user } = setup()
    await audit(user)
    await user.click(screen.getByRole('button', { name: 'HOSTNAME' }))
    const up = hostnames()
    expect(up).toEqual([...up].sort())
    expect(screen.getByRole('columnheader', { name: 'HOSTNAME' })).toHaveAttribute('aria-sort', 'ascending')
    await user.click(screen.getByRole('button', { name: 'HOSTNAME' }))
    expect(hostnames()).toEqual([...up].reverse())
    await user.selectOptions(screen.getByRole('combobox', { name: 'ESMTP' }), 'off')
    expect(hostnames()).toEqual(['fw-2-asa9-off'])
    await user.selectOptions(screen.getByRole('combobox', { name: 'ESMTP' }), 'all')
    await user.click(screen.getByRole('checkbox', { name: 'Only affected devices' }))
    expect(bodyRows()).toHaveLength(4)
    await user.type(screen.getByLabelText('Filter'), 'pix')
    expect(hostnames().sort()).toEqual(['fw-3-pix6-mailguard', 'fw-5-pix7-active-bug'])
    expect(screen.getByText('2 of 6 devices shown')).toBeInTheDocument()
  })

  it('opens a device file in the diagnosis panel and adds the table as filtered to the case', async () => {
    const { services, caseId, evidence, user } = setup()
    await audit(user)
    const mailguard = bodyRows().find((r) => r.textContent?.includes('fw-3-pix6-mailguard'))!
    await user.click(within(mailguard).getByRole('button', { name: 'Show evidence' }))
    await waitFor(() => expect(evidence).toHaveLength(1))
    const file = join(fleetDir, 'site3', 'pix6-mailguard')
    expect(evidence[0]).toEqual({ source: file, text: texts.get(file) })
    await user.click(screen.getByRole('checkbox', { name: 'Only affected devices' }))
    await user.click(screen.getByRole('button', { name: 'Add to case' }))
    await screen.findByText('Added 4 devices to the case as fleet findings.')
    // In the case journal, as the report will read it.
    const entry = services.cases.read(caseId!).entries.find((e) => e.type === JOURNAL.fleetFindings)!
    const data = readEvent(entry, JOURNAL.fleetFindings)!
    expect(data.rows).toHaveLength(4)
    expect(data.rows.every((r) => r.affected)).toBe(true)
    expect(data.summary.devices).toBe(6)
  })

  it('asks for a case before exporting, and speaks Korean', async () => {
    const { calls, user } = setup('ko', false)
    await user.type(screen.getByLabelText('설정 백업 폴더'), fleetDir)
    await user.click(screen.getByRole('button', { name: '감사' }))
    await screen.findByTestId('fleet-summary', {}, { timeout: 20_000 })
    await user.click(screen.getByRole('button', { name: '케이스에 추가' }))
    expect(await screen.findByRole('status')).toHaveTextContent('먼저 케이스를 열거나 만든 뒤')
    expect(calls.some((c) => c.method === 'audit.export')).toBe(false)
  })
})

describe('fleet-table', () => {
  it('versions sort as numbers, ties fall back to the file; text filter matches places too', () => {
    const rows = [...texts].flatMap(([file, text]) => {
      const outcome = auditText(file, text)
      return outcome.kind === 'row' ? [outcome.row] : []
    })
    const asa = rows.find((r) => r.platform === 'asa')!
    const versions = ['9.10(1)', '9.8(4)10', '9.8(4)', '9.8(4)2'].map((version, i) => ({
      ...asa,
      version,
      file: `f${i}`,
    }))
    expect(sortRows(versions, 'version', 'ascending').map((r) => r.version)).toEqual([
      '9.8(4)',
      '9.8(4)2',
      '9.8(4)10',
      '9.10(1)',
    ])
    const same = sortRows(
      [
        { ...asa, file: 'b' },
        { ...asa, file: 'a' },
      ],
      'version',
      'descending',
    )
    expect(same.map((r) => r.file)).toEqual(['a', 'b'])
    expect(filterRows(rows, { text: 'GLOBAL_POLICY', state: 'all', onlyAffected: false }).length).toBe(3)
    expect(filterRows(rows, { text: 'nothing-like-this', state: 'all', onlyAffected: false })).toEqual([])
  })
})
