import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { SavedTargets } from '../../../src/renderer/src/diagnosis/SavedTargets'
import type { UnmaskBridge } from '../../../src/shared/api'
import type { MailTarget } from '../../../src/shared/profiles'

function store(initial: MailTarget[] = []) {
  let mailTargets = initial
  const saved: unknown[] = []
  const bridge: UnmaskBridge = {
    invoke: (async (method: string, input: unknown) => {
      if (method === 'profiles.list') return { devices: [], mailTargets }
      if (method === 'profiles.saveMailTarget') {
        saved.push(input)
        const t = input as MailTarget
        mailTargets = [...mailTargets.filter((x) => x.id !== t.id), t]
        return { devices: [], mailTargets }
      }
      throw new Error(method)
    }) as UnmaskBridge['invoke'],
    on: () => () => {},
  }
  return { bridge, saved }
}

describe('SavedTargets', () => {
  it('saves the typed targets with their vantage, skipping what is not a host', async () => {
    const s = store()
    render(
      <BridgeContext.Provider value={s.bridge}>
        <SavedTargets
          current={[
            { input: '10.0.0.25:2525', vantage: 'direct' },
            { input: 'not a host!', vantage: 'firewall' },
          ]}
          onPick={() => {}}
        />
      </BridgeContext.Provider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Save these targets' }))
    await waitFor(() => expect(s.saved).toHaveLength(1))
    expect(s.saved[0]).toMatchObject({ host: '10.0.0.25', port: 2525, vantage: 'direct' })
  })

  it('fills the form from a saved target', async () => {
    const target: MailTarget = {
      id: '3b1c1f2e-1111-4222-8333-444455556666',
      name: 'firewall mx',
      host: 'mx.example.com',
      port: 25,
      vantage: 'firewall',
    }
    const s = store([target])
    const picked: MailTarget[] = []
    render(
      <BridgeContext.Provider value={s.bridge}>
        <SavedTargets current={[{ input: '', vantage: 'direct' }]} onPick={(t) => picked.push(t)} />
      </BridgeContext.Provider>,
    )
    await userEvent.selectOptions(await screen.findByLabelText(/Saved targets/), target.id)
    expect(picked).toEqual([target])
    expect(screen.getByRole('button', { name: 'Save these targets' })).toBeDisabled()
  })
})
