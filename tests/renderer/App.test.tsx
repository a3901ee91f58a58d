import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import type { UnmaskBridge } from '../../src/shared/api'

type Case = { id: string; customer: string; site?: string; engineer?: string; created: string }

function fakeBridge(cases: Case[]): UnmaskBridge {
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

const ACME: Case = {
  id: '20261128-000000-acme-abcdef',
  customer: 'Acme',
  site: 'Seoul',
  created: '2026-11-28T09:30:00Z',
}
const OLDER: Case = { id: '20261120-000000-beta-abcdef', customer: 'Beta', created: '2026-11-20T09:30:00Z' }

describe('App frame', () => {
  it('starts on the start screen with the job steps, without reopening a case', async () => {
    render(<App bridge={fakeBridge([ACME, OLDER])} />)
    const start = await screen.findByTestId('start-screen')
    expect(start).toHaveTextContent('New job')
    await waitFor(() => expect(start).toHaveTextContent(/Continue Acme, 28 Nov 2026/))
    const steps = screen.getByRole('list', { name: 'The job, step by step' })
    expect(steps).toHaveTextContent(/Case.*Device.*Evidence.*Probe.*Fix.*Report/)
    // Nothing is open yet: no pane that could record into the last customer's case.
    expect(screen.queryByTestId('case-current')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Terminal' })).toBeNull()
  })

  it('continues the most recent case when asked, with the two panes', async () => {
    render(<App bridge={fakeBridge([ACME, OLDER])} />)
    await userEvent.click(await screen.findByRole('button', { name: /^Continue Acme/ }))
    expect(screen.getByTestId('case-current')).toHaveTextContent('Acme · Seoul')
    expect(screen.getByRole('region', { name: 'Terminal' })).toHaveTextContent('No device session')
    expect(screen.getByTestId('verdict')).toHaveTextContent('No answer yet')
    // The job's steps stay in view: the case is done, the device is next.
    const steps = screen.getByRole('list', { name: 'The job, step by step' })
    expect(steps.querySelector('[aria-current="step"]')).toHaveTextContent('Device')
    expect(steps.querySelector('li.done')).toHaveTextContent('✓ Case')
    expect(screen.getByText('v9.9.9')).toBeInTheDocument()
  })

  it('offers no "Continue" when there is no case (counter-example)', async () => {
    render(<App bridge={fakeBridge([])} />)
    await screen.findByTestId('start-screen')
    expect(screen.queryByRole('button', { name: /^Continue/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'New job' })).toBeInTheDocument()
  })

  it('switches to Korean at run time', async () => {
    render(<App bridge={fakeBridge([ACME])} />)
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'ko')
    expect(await screen.findByRole('button', { name: '새 작업' })).toBeInTheDocument()
    await userEvent.click(await screen.findByRole('button', { name: /^Acme 이어서 하기/ }))
    expect(screen.getByRole('region', { name: '터미널' })).toHaveTextContent('장비 세션이 없습니다')
    expect(document.documentElement.lang).toBe('ko')
  })
})
