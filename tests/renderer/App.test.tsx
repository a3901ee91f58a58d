import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import type { UnmaskBridge } from '../../src/shared/api'

function fakeBridge(cases: Array<{ id: string; customer: string; site?: string; created: string }>): UnmaskBridge {
  return {
    invoke: (async (method: string) => {
      if (method === 'app.info') return { name: 'Unmask', version: '9.9.9', platform: 'test', secretsStorable: false }
      if (method === 'profiles.list') return { devices: [], mailTargets: [] }
      if (method === 'cases.list') return cases
      throw new Error(`unexpected ${method}`)
    }) as UnmaskBridge['invoke'],
    on: () => () => {},
  }
}

describe('App frame', () => {
  it('shows the case bar and the two empty panes without a bridge', () => {
    render(<App />)
    expect(screen.getByRole('region', { name: 'Terminal' })).toHaveTextContent('No device session')
    expect(screen.getByRole('region', { name: 'Diagnosis' })).toHaveTextContent('No findings yet')
    expect(screen.getByTestId('case-current')).toHaveTextContent('No case open')
  })

  it('shows the current case and version from main', async () => {
    render(
      <App
        bridge={fakeBridge([{ id: '20261128-000000-acme-abcdef', customer: 'Acme', site: 'Seoul', created: 'now' }])}
      />,
    )
    await waitFor(() => expect(screen.getByTestId('case-current')).toHaveTextContent('Acme · Seoul'))
    expect(screen.getByText('v9.9.9')).toBeInTheDocument()
  })

  it('switches to Korean at run time', async () => {
    render(<App />)
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'ko')
    expect(screen.getByRole('region', { name: '터미널' })).toHaveTextContent('장비 세션이 없습니다')
    expect(screen.getByTestId('case-current')).toHaveTextContent('열린 케이스 없음')
  })
})
