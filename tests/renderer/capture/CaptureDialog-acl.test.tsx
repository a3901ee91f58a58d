/**
 * The capture dialog on a PIX/ASA 7.0 (no `capture … match`, issue 21), against the real main-process handlers and
 * the lab's pix7-old over SSH relabelled 7.0(8) (the lab refuses `match` by release): the first run ends with the
 * device's refusal, nothing left and the offer of the access-list form; its proposal shows the ACL lines and says it
 * changes the running configuration, nothing typed before the click; the run then catches the rewrite and leaves
 * neither captures nor ACLs on the device.
 */
import { join } from 'node:path'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { CaptureDialog } from '../../../src/renderer/src/capture/CaptureDialog'
import { labServices } from '../../main/capture/lab-services'
import { makeTempDir } from '../../support/temp-dir'

const tmp = makeTempDir('unmask-capture-dialog-acl-')
let lab: Lab
beforeAll(async () => {
  lab = await startLab({ scenario: 'pix7-old', stateDir: join(tmp.path, 'lab') })
  lab.device!.spec.version = '7.0(8)'
}, 60_000)
afterAll(async () => {
  await lab?.stop()
  tmp.remove()
})

const ours = () => lab.device!.running.map((n) => n.line).filter((l) => l.includes('UNMASK'))

describe('capture dialog on a PIX 7.0', () => {
  it('offers the access-list form after the refused match line, shows it as a configuration change, runs it', {
    timeout: 90_000,
  }, async () => {
    const { services, bridge, profile, caseId } = labServices(join(tmp.path, 'home'), lab, 'Capture dialog 7.0')
    render(
      <BridgeContext.Provider value={bridge}>
        <CaptureDialog caseId={caseId} profileId={profile.id} engineer="Kim" onClose={() => {}} />
      </BridgeContext.Provider>,
    )
    const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
    type('Mail host address', '192.168.10.25')
    type('Probe through the firewall to', '127.0.0.1')
    type('Port', String(lab.smtp.port))
    type('Password (empty: the remembered one)', lab.credentials!.password)
    type('Enable secret', lab.credentials!.enable)
    fireEvent.click(screen.getByRole('button', { name: 'Connect and propose' }))

    const first = await screen.findByTestId('capture-lines', undefined, { timeout: 20_000 })
    expect(first.textContent).toContain('match tcp any host 192.168.10.25 eq 25')
    expect(screen.queryByTestId('capture-changes-config')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Type these lines' }))
    await screen.findByTestId('capture-needs-acl', undefined, { timeout: 30_000 })
    expect(screen.getByTestId('capture-result').textContent).toContain('Invalid input detected')
    expect(lab.device!.captures.list()).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Propose with access-lists' }))
    const lines = await screen.findByTestId('capture-lines', undefined, { timeout: 20_000 })
    expect(lines.textContent).toContain('access-list UNMASK_SRV_ACL extended permit tcp host 192.168.10.25 eq 25 any')
    expect(lines.textContent).toContain(
      'capture UNMASK_CLI access-list UNMASK_CLI_ACL buffer 1048576 interface outside',
    )
    expect(screen.getByTestId('capture-changes-config').textContent).toContain(
      'CHANGES THE RUNNING CONFIGURATION: it adds the access-lists UNMASK_SRV_ACL, UNMASK_CLI_ACL',
    )
    expect(screen.getByTestId('capture-removal-lines').textContent).toContain(
      'clear configure access-list UNMASK_CLI_ACL',
    )
    // Shown, not typed.
    expect(ours()).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Type these lines' }))
    const result = await screen.findByTestId('capture-result', undefined, { timeout: 30_000 })
    expect(result.textContent).toContain('Capture run completed.')
    expect(screen.queryByTestId('capture-needs-acl')).toBeNull()
    expect(screen.getByTestId('capture-findings').textContent).toContain('250-STARTTLS')
    expect(screen.getByTestId('capture-removal').textContent).toContain('UNMASK_CLI_ACL: removed')
    await waitFor(() => expect(lab.device!.captures.list()).toEqual([]))
    expect(ours()).toEqual([])
    await services.capture?.closeAll()
  })
})
