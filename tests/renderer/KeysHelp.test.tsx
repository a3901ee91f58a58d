/**
 * The keyboard help (issue 18, point 5): F1, or `?` outside a text field, lists every shortcut; Escape closes it.
 * A `?` typed into a field is text (counter-example), and F1 opens nothing over another dialog.
 */
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { Dialog } from '../../src/renderer/src/Dialog'
import { KeysHelp } from '../../src/renderer/src/KeysHelp'
import { SHORTCUTS, useAccelerators } from '../../src/renderer/src/keys'

function Frame({ withDialog = false }: { withDialog?: boolean }) {
  useAccelerators()
  return (
    <>
      <input aria-label="Target" />
      <KeysHelp />
      {withDialog && (
        <Dialog title="Other" onCancel={() => {}}>
          <button type="button">Inside</button>
        </Dialog>
      )}
    </>
  )
}

describe('keyboard shortcuts help', () => {
  afterEach(() => document.body.focus())

  it('opens on F1 with every shortcut listed, and Escape closes it', async () => {
    render(<Frame />)
    fireEvent.keyDown(window, { key: 'F1' })
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    const rows = dialog.querySelectorAll('tbody tr')
    expect(rows).toHaveLength(SHORTCUTS.length)
    expect(dialog).toHaveTextContent('Ctrl+1Go to the terminal')
    expect(dialog).toHaveTextContent('Ctrl+2Go to the diagnosis')
    expect(dialog).toHaveTextContent('F6 or Ctrl+Shift+TabSwitch between terminal and diagnosis')
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens from its footer button and on ? outside a text field', async () => {
    render(<Frame />)
    await userEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts (F1)' }))
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument()
    await userEvent.keyboard('{Escape}')
    fireEvent.keyDown(window, { key: '?' })
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument()
  })

  it('leaves a ? typed into a field as text (counter-example)', async () => {
    render(<Frame />)
    const input = screen.getByLabelText('Target')
    await userEvent.type(input, 'what?')
    expect(input).toHaveValue('what?')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens nothing over another dialog (counter-example)', () => {
    render(<Frame withDialog />)
    fireEvent.keyDown(window, { key: 'F1' })
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull()
  })
})
