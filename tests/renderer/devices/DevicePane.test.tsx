import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { DevicePane } from '../../../src/renderer/src/devices/DevicePane'
import type { EventName, EventPayload, UnmaskBridge } from '../../../src/shared/api'
import type { DeviceProfile } from '../../../src/shared/profiles'

/** A contract-shaped stand-in for main: records calls, lets the test push events. */
function contractDouble(options: { openFails?: string } = {}) {
  const calls: Array<{ method: string; input: unknown }> = []
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  let devices: DeviceProfile[] = []
  const bridge: UnmaskBridge = {
    invoke: (async (method: string, input: unknown) => {
      calls.push({ method, input })
      if (method === 'profiles.list') return { devices, mailTargets: [] }
      if (method === 'profiles.saveDevice') {
        devices = [...devices, input as DeviceProfile]
        return { devices, mailTargets: [] }
      }
      if (method === 'session.open') {
        if (options.openFails) throw new Error(`failed: ${options.openFails}`)
        return { sessionId: '11111111-1111-4111-8111-111111111111' }
      }
      return undefined
    }) as UnmaskBridge['invoke'],
    on: ((event: string, listener: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    }) as UnmaskBridge['on'],
  }
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners.get(event) ?? []) l(payload)
  }
  return { bridge, calls, emit }
}

function renderPane(double: ReturnType<typeof contractDouble>, canRemember = false) {
  return render(
    <BridgeContext.Provider value={double.bridge}>
      <DevicePane canRememberSecrets={canRemember} />
    </BridgeContext.Provider>,
  )
}

async function addProfile(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'New device' }))
  await user.type(screen.getByLabelText('Name'), 'asa-lab')
  await user.type(screen.getByLabelText('Host or address'), '127.0.0.1')
  await user.type(screen.getByLabelText('Port'), '2222')
  await user.type(screen.getByLabelText('User name'), 'admin')
  await user.click(screen.getByRole('button', { name: 'Save' }))
}

describe('DevicePane', () => {
  it('creates a profile, connects with a password that is not kept, and opens a terminal tab', async () => {
    const user = userEvent.setup()
    const double = contractDouble()
    renderPane(double)
    await addProfile(user)
    const saved = double.calls.find((c) => c.method === 'profiles.saveDevice')?.input
    expect(saved).toMatchObject({ name: 'asa-lab', transport: 'ssh', host: '127.0.0.1', port: 2222, username: 'admin' })
    expect(saved).not.toHaveProperty('password')

    await user.click(screen.getByRole('button', { name: 'Connect' }))
    expect(screen.getByText(/passwords are not stored/)).toBeInTheDocument()
    await user.type(screen.getByLabelText('Password'), 'Cisco123')
    await user.click(screen.getByRole('dialog').querySelector('button[type="submit"]') as HTMLElement)
    await waitFor(() => expect(screen.getByRole('tab', { name: 'asa-lab' })).toBeInTheDocument())
    expect(double.calls.find((c) => c.method === 'session.open')?.input).toEqual({
      profileId: (saved as DeviceProfile).id,
      password: 'Cisco123',
      secret: undefined,
      remember: false,
    })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('shows a failed connection in the dialog and keeps it open', async () => {
    const user = userEvent.setup()
    const double = contractDouble({ openFails: 'authentication failed for admin' })
    renderPane(double)
    await addProfile(user)
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await user.click(screen.getByRole('dialog').querySelector('button[type="submit"]') as HTMLElement)
    expect(await screen.findByRole('alert')).toHaveTextContent('authentication failed for admin')
    expect(screen.queryByRole('tab')).not.toBeInTheDocument()
  })

  it("asks about an unknown host key and sends exactly the user's answer", async () => {
    const user = userEvent.setup()
    const double = contractDouble()
    renderPane(double)
    act(() =>
      double.emit('session.hostKey', {
        requestId: '22222222-2222-4222-8222-222222222222',
        sessionId: '11111111-1111-4111-8111-111111111111',
        host: '127.0.0.1',
        port: 2222,
        keyType: 'ssh-ed25519',
        fingerprint: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU',
      }),
    )
    expect(await screen.findByTestId('host-key-fingerprint')).toHaveTextContent('SHA256:47DEQpj8HBSa')
    await user.keyboard('{Escape}')
    expect(double.calls.filter((c) => c.method === 'session.hostKeyDecision').map((c) => c.input)).toEqual([
      { requestId: '22222222-2222-4222-8222-222222222222', accept: false },
    ])
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('offers to remember secrets only when the keychain can encrypt', async () => {
    const user = userEvent.setup()
    const double = contractDouble()
    renderPane(double, true)
    await addProfile(user)
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    expect(screen.getByLabelText('Remember in the system keychain')).toBeInTheDocument()
  })
})
