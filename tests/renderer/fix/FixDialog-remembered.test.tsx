/**
 * Issue 18 point 4: the fix dialog does not ask for a password the keychain already holds, also when it was
 * remembered in an earlier run of the app (main answers `secrets.remembered`), and asks when it does not.
 */
import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { FixDialog } from '../../../src/renderer/src/fix/FixDialog'
import type { UnmaskBridge } from '../../../src/shared/api'

const ID = '0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e0a'

function bridgeRemembering(ids: string[]): UnmaskBridge {
  return {
    invoke: (async (method: string) => {
      if (method === 'profiles.list')
        return {
          devices: [{ id: ID, name: 'fw-a', transport: 'ssh', host: '127.0.0.1', port: 2222, username: 'admin' }],
          mailTargets: [],
        }
      if (method === 'secrets.remembered') return ids
      return undefined
    }) as UnmaskBridge['invoke'],
    on: (() => () => {}) as UnmaskBridge['on'],
  }
}

function renderDialog(bridge: UnmaskBridge) {
  return render(
    <BridgeContext.Provider value={bridge}>
      <FixDialog
        caseId="20261205-120000-acme-abcdef"
        remedyId="asa.no-inspect-esmtp"
        profileId={ID}
        engineer="Kim"
        onClose={() => {}}
      />
    </BridgeContext.Provider>,
  )
}

describe('fix dialog and the keychain', () => {
  it('does not ask for a password main says is remembered from an earlier run', async () => {
    renderDialog(bridgeRemembering([ID]))
    await waitFor(() => expect(screen.getByTestId('fix-remembered')).toBeInTheDocument())
    expect(screen.queryByLabelText('Password', { exact: true })).toBeNull()
  })

  it('asks when the keychain holds nothing for the device', async () => {
    renderDialog(bridgeRemembering([]))
    await waitFor(() => expect(screen.getByLabelText('Password', { exact: true })).toBeInTheDocument())
    expect(screen.queryByTestId('fix-remembered')).toBeNull()
  })
})
