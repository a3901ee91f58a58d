/** The one button that moves the fix on, in the dialog's sticky footer. */
import { useI18n } from '../i18n'
import type { FixAction, FixPhase, FixState } from './fix-state'

export interface PrimaryProps {
  phase: FixPhase
  state: FixState
  form: { profileId: string; confirmedBy: string }
  saveWanted: boolean
  dispatch: (action: FixAction) => void
}

/** The one button that moves the fix on; busy keeps it focusable (aria-busy) rather than disabling it. */
export function PrimaryAction({ phase, state, form, saveWanted, dispatch }: PrimaryProps) {
  const { t } = useI18n()
  const hostname = 'start' in phase ? phase.start.device.hostname : ''
  const button = (label: string, onClick: (() => void) | 'submit', enabled: boolean, form?: string) => (
    <button
      type={onClick === 'submit' ? 'submit' : 'button'}
      form={form}
      className="primary"
      aria-busy={phase.busy}
      aria-disabled={!enabled || phase.busy}
      disabled={!enabled && !phase.busy}
      onClick={(e) => {
        if (!enabled || phase.busy) e.preventDefault()
        else if (onClick !== 'submit') onClick()
      }}
    >
      {label}
    </button>
  )
  switch (phase.step) {
    case 'read':
      return button(
        phase.busy ? t('ui.fix.reading') : t('ui.fix.read'),
        'submit',
        form.profileId !== '' && form.confirmedBy.trim() !== '',
        'fix-read',
      )
    case 'review':
      return button(t('ui.fix.next'), () => dispatch({ type: 'next' }), phase.preview.token !== null)
    case 'confirm':
      return button(
        phase.preview.plan.kind === 'undo' ? t('ui.fix.applyUndo') : t('ui.fix.apply'),
        'submit',
        state.typed.trim() === hostname,
        'fix-confirm',
      )
    case 'send':
      return button(t('ui.fix.sending'), () => {}, false)
    case 'verify':
      return button(phase.busy ? t('ui.fix.verifying') : t('ui.fix.verify'), () => dispatch({ type: 'verify' }), true)
    case 'save':
      return phase.saved ? null : button(t('ui.fix.save'), () => dispatch({ type: 'save' }), saveWanted)
  }
}
