/**
 * The fleet view: audit a folder, sort and filter the table, open a device's evidence, add the table to the case.
 * The bridge answers with rows the real engine made from the generated fleet (auditText), as main's AuditService
 * would; main's side is tested in tests/main/audit.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { FleetAudit } from '../../../src/renderer/src/audit/FleetAudit'
import { filterRows, sortRows } from '../../../src/renderer/src/audit/fleet-table'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { I18nContext, translatorFor } from '../../../src/renderer/src/i18n'
import type { UnmaskBridge } from '../../../src/shared/api'
import { auditText } from '../../../src/shared/audit/row'
import { createSummary } from '../../../src/shared/audit/summary'
import type { AuditRow } from '../../../src/shared/audit/types'
import { device, type Kind } from '../../main/audit/fleet'

const KINDS: Kind[] = ['asa9-active', 'asa8-allow-tls', 'asa9-off', 'pix6-mailguard', 'ftd-active', 'pix7-active-bug']

function engineFleet() {
  const summary = createSummary()
  const rows: AuditRow[] = []
  const texts = new Map<string, string>()
  KINDS.forEach((kind, i) => {
    const file = `/backups/site${i}/${kind}`
    const { text } = device(kind, `fw-${i}-${kind}`)
    texts.set(file, text)
    const outcome = auditText(file, text)
    if (outcome.kind === 'row') rows.push(summary.addRow(outcome.row))
  })
  return { rows, summary: summary.result(), texts }
}

function bridgeFor(fleet: ReturnType<typeof engineFleet>, calls: Array<{ method: string; input: unknown }>) {
  return {
    invoke: (async (method: string, input: unknown) => {
      calls.push({ method, input })
      if (method === 'audit.run') return { roots: ['/backups'], rows: fleet.rows, summary: fleet.summary, unlisted: 0 }
      if (method === 'audit.read') {
        const file = (input as { file: string }).file
        return { source: file, text: fleet.texts.get(file)! }
      }
      if (method === 'audit.export') return { rows: (input as { rows: unknown[] }).rows.length, omitted: 0 }
      throw new Error(`unexpected ${method}`)
    }) as UnmaskBridge['invoke'],
    on: () => () => {},
  }
}

/** `caseId` null: no case is open. */
function setup(lang: 'en' | 'ko' = 'en', caseId: string | null = '20261205-120000-acme-abcdef') {
  const fleet = engineFleet()
  const calls: Array<{ method: string; input: unknown }> = []
  const evidence: Array<{ source: string; text: string }> = []
  const i18n = { t: translatorFor(lang), language: lang, setLanguage: () => {} }
  render(
    <BridgeContext.Provider value={bridgeFor(fleet, calls)}>
      <I18nContext.Provider value={i18n}>
        <FleetAudit caseId={caseId ?? undefined} onEvidence={(e) => evidence.push(e)} />
      </I18nContext.Provider>
    </BridgeContext.Provider>,
  )
  return { fleet, calls, evidence, user: userEvent.setup() }
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1)
const hostnames = () => bodyRows().map((r) => within(r).getAllByRole('cell')[0]!.textContent)

async function audit(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Folder of configuration backups'), '/backups')
  await user.click(screen.getByRole('button', { name: 'Audit' }))
  await screen.findByTestId('fleet-summary')
}

describe('FleetAudit', () => {
  it('audits a folder and shows one row per device, most urgent state first', async () => {
    const { calls, user } = setup()
    await audit(user)
    expect(calls[0]).toEqual({ method: 'audit.run', input: { paths: ['/backups'] } })
    expect(screen.getByTestId('fleet-summary')).toHaveTextContent('6 files, 6 devices, 4 affected; 0 files skipped')
    expect(bodyRows()).toHaveLength(6)
    const states = bodyRows().map((r) => within(r).getAllByRole('cell')[3]!.textContent)
    expect(states.slice(0, 4).every((s) => s?.startsWith('active'))).toBe(true)
    expect(states.slice(4)).toEqual(['allow-tls', 'off'])
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
    const { calls, evidence, fleet, user } = setup()
    await audit(user)
    const mailguard = bodyRows().find((r) => r.textContent?.includes('fw-3-pix6-mailguard'))!
    await user.click(within(mailguard).getByRole('button', { name: 'Show evidence' }))
    await waitFor(() => expect(evidence).toHaveLength(1))
    expect(evidence[0]).toEqual({
      source: '/backups/site3/pix6-mailguard',
      text: fleet.texts.get('/backups/site3/pix6-mailguard'),
    })
    await user.click(screen.getByRole('checkbox', { name: 'Only affected devices' }))
    await user.click(screen.getByRole('button', { name: 'Add to case' }))
    await screen.findByText('Added 4 devices to the case as fleet findings.')
    const exported = calls.find((c) => c.method === 'audit.export')!.input as { caseId: string; rows: AuditRow[] }
    expect(exported.caseId).toBe('20261205-120000-acme-abcdef')
    expect(exported.rows.every((r) => r.affected)).toBe(true)
  })

  it('asks for a case before exporting, and speaks Korean', async () => {
    const { calls, user } = setup('ko', null)
    await user.type(screen.getByLabelText('설정 백업 폴더'), '/backups')
    await user.click(screen.getByRole('button', { name: '감사' }))
    await screen.findByTestId('fleet-summary')
    await user.click(screen.getByRole('button', { name: '케이스에 추가' }))
    expect(await screen.findByRole('status')).toHaveTextContent('먼저 케이스를 열거나 만든 뒤')
    expect(calls.some((c) => c.method === 'audit.export')).toBe(false)
  })
})

describe('fleet-table', () => {
  it('versions sort as numbers, ties fall back to the file; text filter matches places too', () => {
    const { rows } = engineFleet()
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
