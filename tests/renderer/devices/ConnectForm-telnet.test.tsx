/**
 * Issue 14: telnet carries the password in clear text, so main never remembers one for a telnet profile nor sends a
 * stored one (tests/security/stored-secrets.test.ts). The connect form says so instead of offering "remember".
 */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ConnectForm } from '../../../src/renderer/src/devices/ConnectForm'
import type { DeviceProfile } from '../../../src/shared/profiles'

const telnet: DeviceProfile = {
  id: '00000000-0000-4000-8000-000000000009',
  name: 'pix',
  transport: 'telnet',
  host: '127.0.0.1',
  port: 23,
  backspace: 'ctrl-h',
}
const ssh: DeviceProfile = { ...telnet, transport: 'ssh', port: 22, username: 'admin', legacy: false, backspace: 'del' }

describe('connect form and remembered passwords', () => {
  it('offers no "remember" for telnet, says why, and never asks main to remember', async () => {
    const onConnect = vi.fn()
    render(<ConnectForm profile={telnet} canRemember onConnect={onConnect} onCancel={() => {}} />)
    expect(screen.queryByRole('checkbox')).toBeNull()
    expect(screen.getByText(/clear text/)).toBeInTheDocument()
    await userEvent.setup().type(screen.getByLabelText('Password'), 'pw{Enter}')
    expect(onConnect).toHaveBeenCalledWith(expect.objectContaining({ password: 'pw', remember: false }))
  })

  it('still offers it for SSH when the system can encrypt', () => {
    render(<ConnectForm profile={ssh} canRemember onConnect={() => {}} onCancel={() => {}} />)
    expect(screen.getByRole('checkbox')).toBeInTheDocument()
  })
})
