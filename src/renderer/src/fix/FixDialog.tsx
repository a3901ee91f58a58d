/**
 * The fix, with consent, as a stepper (Read → Review → Confirm → Send → Verify → Save): the primary action sits in a
 * sticky footer, the lines going in have their own auto-scrolling panel, and the dialog cannot be closed while they
 * go in. The flow is fix-state.ts's reducer; the requests run in an effect, never in the render body. Main holds
 * the one-time tokens' meaning; this dialog only passes them back.
 */

import type { VerifyResult } from '@shared/fix/types'
import type { DeviceProfile } from '@shared/profiles'
import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { useBridge, useBridgeEvent } from '../bridge'
import { Dialog } from '../Dialog'
import { useI18n } from '../i18n'
import { FixResults } from './FixResults'
import { canClose, type FixLine, fixReducer, initialFixState, STEPS } from './fix-state'
import { PrimaryAction } from './PrimaryAction'
import { useFixRequests } from './use-fix-requests'

export interface FixDialogProps {
  caseId: string
  remedyId: string
  /** The remedy's title, translated, for the dialog title. */
  remedyTitle?: string
  /** The device of the terminal session in view: the dialog starts on it. */
  profileId?: string
  /** Profiles whose password the keychain holds: the dialog does not ask for it again. */
  remembered?: ReadonlySet<string>
  /** The engineer named in the case: then nobody is asked "confirmed by" again. */
  engineer?: string
  /** A change went in (or was taken back): the app treats evidence gathered before it as "before". */
  onChanged?: (kind: 'apply' | 'undo') => void
  /** Verification finished: the app re-runs the evidence script and the probes. */
  onVerified?: (outcome: VerifyResult['outcome']) => void
  onClose: () => void
}

export function FixDialog(props: FixDialogProps) {
  const { caseId, remedyId, remedyTitle, engineer, profileId, remembered, onChanged, onVerified, onClose } = props
  const bridge = useBridge()
  const { t } = useI18n()
  const [state, dispatch] = useReducer(fixReducer, initialFixState)
  const [profiles, setProfiles] = useState<DeviceProfile[]>([])
  const [form, setForm] = useState({
    profileId: profileId ?? '',
    password: '',
    secret: '',
    confirmedBy: engineer ?? '',
  })
  const [saveWanted, setSaveWanted] = useState(false)
  const [typeCredentials, setTypeCredentials] = useState(false)
  // What the keychain holds, asked of main: a password remembered in an earlier run of the app counts too.
  const [stored, setStored] = useState<ReadonlySet<string>>(new Set())
  const { phase } = state

  useEffect(() => {
    bridge?.invoke('profiles.list', undefined).then(
      (file) => {
        setProfiles(file.devices)
        setForm((f) => ({ ...f, profileId: f.profileId || file.devices[0]?.id || '' }))
      },
      () => {},
    )
    bridge?.invoke('secrets.remembered', undefined).then(
      (ids) => setStored(new Set(ids)),
      () => {},
    )
  }, [bridge])

  useBridgeEvent(
    'fix.line',
    useCallback((line: FixLine) => dispatch({ type: 'line', line }), []),
  )

  useFixRequests({ phase, dispatch, form, typed: state.typed, caseId, remedyId, onChanged, onVerified })

  // The progress panel follows the newest line.
  const progressRef = useRef<HTMLOListElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever a line arrives
  useEffect(() => {
    progressRef.current?.lastElementChild?.scrollIntoView({ block: 'nearest' })
  }, [state.lines.length])

  const close = () => {
    if (!canClose(phase)) return
    if (bridge && 'start' in phase) {
      const fixId = phase.start.fixId
      if (phase.step === 'save' && !phase.saved)
        void bridge.invoke('fix.declineSave', { fixId, confirmedBy: form.confirmedBy || '-' }).catch(() => {})
      void bridge.invoke('fix.close', { fixId }).catch(() => {})
    }
    onClose()
  }

  const hostname = 'start' in phase ? phase.start.device.hostname : ''
  const current = STEPS.indexOf(phase.step)
  const title = remedyTitle ? t('ui.fix.titleFor', { remedy: remedyTitle }) : t('ui.fix.title')

  return (
    <Dialog title={title} onCancel={close} className="fix-dialog-frame">
      <ol className="stepper" aria-label={t('ui.fix.steps.label')}>
        {STEPS.map((name, i) => (
          <li
            key={name}
            className={i < current ? 'done' : i === current ? 'current' : 'todo'}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="n">{i + 1}</span> {t(`ui.fix.steps.${name}`)}
          </li>
        ))}
      </ol>
      <div className="fix-dialog dialog-body">
        {'start' in phase && (
          <p className="device-line" data-testid="fix-device">
            {t('ui.fix.device', {
              hostname,
              platform: phase.start.device.platform,
              version: phase.start.device.version ?? '?',
            })}
          </p>
        )}
        {phase.step === 'read' && (
          <form
            id="fix-read"
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault()
              dispatch({ type: 'read' })
            }}
          >
            <p>{t('ui.fix.connectIntro')}</p>
            <label>
              {t('ui.device.profile')}
              <select value={form.profileId} onChange={(e) => setForm({ ...form, profileId: e.target.value })}>
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            {(remembered?.has(form.profileId) || stored.has(form.profileId)) && !typeCredentials ? (
              <p className="hint" data-testid="fix-remembered">
                {t('ui.fix.rememberedCredentials')}{' '}
                <button type="button" className="link" onClick={() => setTypeCredentials(true)}>
                  {t('ui.fix.typeCredentials')}
                </button>
              </p>
            ) : (
              <>
                <label>
                  {t('ui.device.password')}
                  <input
                    type="password"
                    autoComplete="off"
                    value={form.password}
                    onChange={(e) => setForm({ ...form, password: e.target.value })}
                  />
                </label>
                <label>
                  {t('ui.device.enableSecret')}
                  <input
                    type="password"
                    autoComplete="off"
                    value={form.secret}
                    onChange={(e) => setForm({ ...form, secret: e.target.value })}
                  />
                </label>
              </>
            )}
            {engineer ? (
              <p className="hint" data-testid="fix-confirmer">
                {t('ui.fix.confirmedByCase', { name: engineer })}
              </p>
            ) : (
              <label>
                {t('ui.fix.confirmedBy')}
                <input
                  required
                  value={form.confirmedBy}
                  onChange={(e) => setForm({ ...form, confirmedBy: e.target.value })}
                />
              </label>
            )}
          </form>
        )}
        {(phase.step === 'review' || phase.step === 'confirm') && (
          <FixResults preview={phase.preview} compact={phase.step === 'confirm'} />
        )}
        {phase.step === 'review' && !phase.preview.token && <p className="error">{t('ui.fix.refusedByChecks')}</p>}
        {phase.step === 'confirm' && (
          <form
            id="fix-confirm"
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault()
              dispatch({ type: 'apply' })
            }}
          >
            <label>
              {t('ui.fix.typeHostname', { hostname })}
              <input
                autoFocus
                value={state.typed}
                autoComplete="off"
                onChange={(e) => dispatch({ type: 'typed', text: e.target.value })}
              />
            </label>
          </form>
        )}
        {(phase.step === 'send' || (phase.step === 'confirm' && state.lines.length > 0)) && (
          <section className="progress-panel" aria-label={t('ui.fix.progress')}>
            <h3>{t('ui.fix.progress')}</h3>
            <ol className="sent-lines" data-testid="fix-progress" aria-live="polite" ref={progressRef}>
              {state.lines.map((line) => (
                <li key={line.index} className={`line-${line.status}`}>
                  <code>{line.command}</code> — {t(`ui.fix.lineStatus.${line.status}`)}
                </li>
              ))}
              {phase.step === 'send' && <li className="line-waiting">{t('ui.fix.sending')}</li>}
            </ol>
          </section>
        )}
        {(phase.step === 'verify' || phase.step === 'save') && (
          <FixResults
            applied={phase.applied}
            verified={phase.step === 'save' ? phase.verified : undefined}
            saved={phase.step === 'save' ? phase.saved : undefined}
          />
        )}
        {phase.step === 'save' && !phase.saved && phase.applied.kind === 'apply' && (
          <section className="undo-box" aria-label={t('ui.fix.undoTitle')}>
            <p>{t('ui.fix.undoIntro')}</p>
            <button type="button" disabled={phase.busy} onClick={() => dispatch({ type: 'undo' })}>
              {t('ui.fix.undo')}
            </button>
          </section>
        )}
        {phase.step === 'save' && !phase.saved && (
          <label className="checkbox">
            <input type="checkbox" checked={saveWanted} onChange={(e) => setSaveWanted(e.target.checked)} />
            {t('ui.fix.saveConfirm', { hostname })}
          </label>
        )}
        {state.error && (
          <p className="error" role="alert">
            {state.error}
          </p>
        )}
      </div>
      <footer className="dialog-footer">
        {canClose(phase) ? (
          <button type="button" onClick={close}>
            {phase.step === 'save' || phase.step === 'verify' ? t('ui.fix.close') : t('ui.cancel')}
          </button>
        ) : (
          <p className="hint" role="status" data-testid="fix-no-cancel">
            {t('ui.fix.cannotCancel')}
          </p>
        )}
        {phase.step === 'confirm' && (
          <button type="button" disabled={phase.busy} onClick={() => dispatch({ type: 'back' })}>
            {t('ui.fix.back')}
          </button>
        )}
        <span className="spacer" />
        <PrimaryAction phase={phase} state={state} form={form} saveWanted={saveWanted} dispatch={dispatch} />
      </footer>
    </Dialog>
  )
}
