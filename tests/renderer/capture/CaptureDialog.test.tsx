/**
 * The capture dialog against the real main-process handlers (createServices + dispatch, in-process: only the IPC
 * hop is replaced) and the lab ASA over SSH: the form, the plan straight from the lab's running-config for its mail
 * host (real address inside, NAT-mapped outside, which the lab's capture packets carry too), the exact lines shown
 * before anything is typed (the lab holds no capture then), the run's steps, the rewrite finding and the removal
 * confirmed (the lab holds no capture after); the plan's question for a host the configuration does not know.
 */
import { join } from 'node:path'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { CaptureDialog } from '../../../src/renderer/src/capture/CaptureDialog'
import { CapturePanel } from '../../../src/renderer/src/capture/CapturePanel'
import { cutRun } from '../../main/capture/cut-run'
import { type LabServices, labServices } from '../../main/capture/lab-services'
import { makeTempDir } from '../../support/temp-dir'

const tmp = makeTempDir('unmask-capture-dialog-')
let lab: Lab
beforeAll(async () => {
  lab = await startLab({ scenario: 'asa9-default', stateDir: join(tmp.path, 'lab') })
}, 60_000)
afterAll(async () => {
  await lab?.stop()
  tmp.remove()
})

/** Opens the dialog on the lab profile, fills the form as the engineer would, and asks for the proposal. */
function openAndPropose(
  { bridge, profile, caseId }: Pick<LabServices, 'bridge' | 'profile' | 'caseId'>,
  mailHost = '192.168.10.25',
) {
  render(
    <BridgeContext.Provider value={bridge}>
      <CaptureDialog caseId={caseId} profileId={profile.id} engineer="Kim" onClose={() => {}} />
    </BridgeContext.Provider>,
  )
  const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
  type('Mail host address', mailHost)
  type('Probe through the firewall to', '127.0.0.1')
  type('Port', String(lab.smtp.port))
  type('Password (empty: the remembered one)', lab.credentials!.password)
  type('Enable secret', lab.credentials!.enable)
  fireEvent.click(screen.getByRole('button', { name: 'Connect and propose' }))
}

describe('capture dialog', () => {
  it('plans from the running-config, shows the exact lines before typing, runs, and shows the finding and the removal', {
    timeout: 60_000,
  }, async () => {
    const { services, bridge, profile, caseId } = labServices(join(tmp.path, 'home'), lab, 'Capture dialog')
    openAndPropose({ bridge, profile, caseId })

    // The config's NAT names both interfaces: no question, the lines at once.
    const lines = await screen.findByTestId('capture-lines', undefined, { timeout: 20_000 })
    expect(screen.queryByTestId('capture-clientInterface')).toBeNull()
    expect(lines.textContent).toBe(
      [
        'capture UNMASK_SRV interface inside buffer 1048576 match tcp any host 192.168.10.25 eq 25',
        'capture UNMASK_CLI interface outside buffer 1048576 match tcp any host 198.51.100.25 eq 25',
      ].join('\n'),
    )
    expect(screen.getByTestId('capture-removal-lines').textContent).toBe('no capture UNMASK_SRV\nno capture UNMASK_CLI')
    // Shown, not typed.
    expect(lab.device!.captures.list()).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Type these lines' }))
    const result = await screen.findByTestId('capture-result', undefined, { timeout: 30_000 })
    expect(result.textContent).toContain('Capture run completed.')
    expect(screen.getByTestId('capture-findings').textContent).toContain(
      'The firewall changed "250 STARTTLS" into "250 XXXXXXXA"',
    )
    expect(screen.getByTestId('capture-removal').textContent).toContain(
      'UNMASK_SRV: removed (no longer listed by show capture)',
    )
    await waitFor(() => expect(lab.device!.captures.list()).toEqual([]))
    await services.capture?.closeAll()
  })

  it('offers the removal of what a cut run left on the device before proposing anything new', {
    timeout: 60_000,
  }, async () => {
    const { services, bridge, profile, caseId } = labServices(join(tmp.path, 'home2'), lab, 'Capture leftovers')
    const handle = services.cases.open(caseId)
    try {
      await cutRun(lab, handle, tmp.path)
    } finally {
      handle.close()
    }
    expect(lab.device!.captures.list().map((c) => c.name)).toEqual(['UNMASK_SRV', 'UNMASK_CLI'])
    openAndPropose({ bridge, profile, caseId })
    const lines = await screen.findByTestId('capture-cleanup-lines', undefined, { timeout: 20_000 })
    expect(lines.textContent).toBe('no capture UNMASK_SRV\nno capture UNMASK_CLI')
    // Shown, not yet typed.
    expect(lab.device!.captures.list()).toHaveLength(2)
    fireEvent.click(screen.getByRole('button', { name: 'Remove them' }))
    // Then the new proposal goes on, shown and not typed.
    await screen.findByTestId('capture-lines', undefined, { timeout: 20_000 })
    expect(lab.device!.captures.list()).toEqual([])
    await services.capture?.closeAll()
  })

  it('counter-example: a mail host the configuration does not know makes the plan ask for both interfaces', {
    timeout: 60_000,
  }, async () => {
    const { services, bridge, profile, caseId } = labServices(join(tmp.path, 'home3'), lab, 'Capture unknown host')
    openAndPropose({ bridge, profile, caseId }, '10.9.9.9')
    await screen.findByTestId('capture-clientInterface', undefined, { timeout: 20_000 })
    expect(screen.getByTestId('capture-serverInterface')).toBeInTheDocument()
    expect(screen.queryByTestId('capture-lines')).toBeNull()
    expect(lab.device!.captures.list()).toEqual([])
    await services.capture?.closeAll()
  })

  it('the device pane button needs a case and a device profile, and opens the dialog', () => {
    const { rerender } = render(<CapturePanel profileId="0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e0a" />)
    const button = screen.getByRole('button', { name: 'Packet capture…' })
    expect(button).toBeDisabled()
    rerender(<CapturePanel caseId="20261205-120000-acme-abcdef" />)
    expect(screen.getByRole('button', { name: 'Packet capture…' })).toBeDisabled()
    rerender(<CapturePanel caseId="20261205-120000-acme-abcdef" profileId="0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e0a" />)
    fireEvent.click(screen.getByRole('button', { name: 'Packet capture…' }))
    expect(screen.getByRole('dialog', { name: 'Packet capture on the firewall' })).toBeInTheDocument()
    // Nothing can be proposed before the mail host, the probe target and who confirms are filled in.
    expect(screen.getByRole('button', { name: 'Connect and propose' })).toBeDisabled()
  })
})
