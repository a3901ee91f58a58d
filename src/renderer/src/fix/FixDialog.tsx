/**
 * The fix, with consent: read the device, preview the exact lines (with modes, undo, impact, pre-checks),
 * confirm by typing the hostname, apply, verify, then save as a second, separate step — or undo.
 * Main holds the one-time tokens' meaning; this dialog only passes them back.
 */

import type { EventPayload, FixStart } from '@shared/api'
import type { ApplyResult, Preview, Refusal, SaveResult, VerifyResult } from '@shared/fix/types'
import type { DeviceProfile } from '@shared/profiles'
import { useCallback, useState } from 'react'
import { useBridge, useBridgeEvent } from '../bridge'
import { Dialog } from '../Dialog'
import { describeError } from '../errors'
import { useI18n } from '../i18n'
import { FixResults } from './FixResults'

export interface FixDialogProps {
  caseId: string
  remedyId: string
  engineer?: string
  onClose: () => void
}

type Step = 'connect' | 'preview' | 'applied' | 'verified' | 'saved'

const isRefusal = (value: unknown): value is Refusal => (value as Refusal | null)?.refused === true

export function FixDialog({ caseId, remedyId, engineer, onClose }: FixDialogProps) {
  const bridge = useBridge()
  const { t, language } = useI18n()
  const [profiles, setProfiles] = useState<DeviceProfile[] | null>(null)
  const [profileId, setProfileId] = useState('')
  const [password, setPassword] = useState('')
  const [secret, setSecret] = useState('')
  const [confirmedBy, setConfirmedBy] = useState(engineer ?? '')
  const [start, setStart] = useState<FixStart>()
  const [preview, setPreview] = useState<Preview>()
  const [typed, setTyped] = useState('')
  const [applied, setApplied] = useState<ApplyResult>()
  const [verified, setVerified] = useState<VerifyResult>()
  const [saveWanted, setSaveWanted] = useState(false)
  const [saved, setSaved] = useState<SaveResult>()
  const [step, setStep] = useState<Step>('connect')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [progress, setProgress] = useState<Array<EventPayload<'fix.line'>>>([])
  useBridgeEvent(
    'fix.line',
    useCallback((line: EventPayload<'fix.line'>) => setProgress((all) => [...all, line]), []),
  )

  if (bridge && profiles === null) {
    void bridge.invoke('profiles.list', undefined).then((file) => {
      setProfiles(file.devices)
      setProfileId((id) => id || file.devices[0]?.id || '')
    })
  }

  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true)
    setError(undefined)
    try {
      const result = await work()
      if (isRefusal(result)) {
        setError(t(`fix.refusals.${result.code}`, result.params))
        return undefined
      }
      return result
    } catch (e) {
      setError(describeError(e, t))
      return undefined
    } finally {
      setBusy(false)
    }
  }

  const read = async () => {
    if (!bridge) return
    const started = await run(() =>
      bridge.invoke('fix.start', {
        profileId,
        caseId,
        password: password || undefined,
        secret: secret || undefined,
        lang: language,
      }),
    )
    if (!started) return
    setStart(started)
    const p = await run(async () => (await bridge.invoke('fix.preview', { fixId: started.fixId, remedyId })) as Preview)
    if (p) {
      setPreview(p)
      setStep('preview')
    }
  }

  const apply = async () => {
    if (!bridge || !start || !preview?.token) return
    const token = preview.token
    setProgress([])
    const result = await run(
      async () =>
        (await bridge.invoke('fix.apply', { fixId: start.fixId, token, typedHostname: typed, confirmedBy })) as
          | ApplyResult
          | Refusal,
    )
    if (result) {
      setApplied(result as ApplyResult)
      setVerified(undefined)
      setStep('applied')
    }
  }

  const verify = async () => {
    if (!bridge || !start) return
    const result = await run(
      async () => (await bridge.invoke('fix.verify', { fixId: start.fixId, remedyId })) as VerifyResult,
    )
    if (result) {
      setVerified(result)
      setStep('verified')
    }
  }

  const save = async () => {
    if (!bridge || !start) return
    const grant = await run(
      async () => (await bridge.invoke('fix.requestSave', { fixId: start.fixId })) as { token: string } | Refusal,
    )
    if (!grant || isRefusal(grant)) return
    const result = await run(
      async () =>
        (await bridge.invoke('fix.save', { fixId: start.fixId, token: grant.token, confirmedBy })) as
          | SaveResult
          | Refusal,
    )
    if (result) {
      setSaved(result as SaveResult)
      setStep('saved')
    }
  }

  const undo = async () => {
    if (!bridge || !start) return
    const p = await run(
      async () => (await bridge.invoke('fix.previewUndo', { fixId: start.fixId })) as Preview | Refusal,
    )
    if (p) {
      setPreview(p as Preview)
      setTyped('')
      setStep('preview')
    }
  }

  const close = () => {
    if (bridge && start) {
      if (step === 'verified' && !saved)
        void bridge.invoke('fix.declineSave', { fixId: start.fixId, confirmedBy: confirmedBy || '-' }).catch(() => {})
      void bridge.invoke('fix.close', { fixId: start.fixId }).catch(() => {})
    }
    onClose()
  }

  const hostname = start?.device.hostname ?? ''
  return (
    <Dialog title={t('ui.fix.title')} onCancel={close}>
      <div className="fix-dialog">
        {step === 'connect' && (
          <form
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault()
              void read()
            }}
          >
            <p>{t('ui.fix.connectIntro')}</p>
            <label>
              {t('ui.device.profile')}
              <select value={profileId} onChange={(e) => setProfileId(e.target.value)}>
                {(profiles ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('ui.device.password')}
              <input
                type="password"
                autoComplete="off"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <label>
              {t('ui.device.enableSecret')}
              <input type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
            </label>
            <label>
              {t('ui.fix.confirmedBy')}
              <input required value={confirmedBy} onChange={(e) => setConfirmedBy(e.target.value)} />
            </label>
            <div className="actions">
              <button type="button" onClick={close}>
                {t('ui.cancel')}
              </button>
              <button type="submit" disabled={busy || !profileId}>
                {busy ? t('ui.fix.reading') : t('ui.fix.read')}
              </button>
            </div>
          </form>
        )}
        {step !== 'connect' && start && (
          <p className="device-line" data-testid="fix-device">
            {t('ui.fix.device', { hostname, platform: start.device.platform, version: start.device.version ?? '?' })}
          </p>
        )}
        {step === 'preview' && preview && (
          <form
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault()
              void apply()
            }}
          >
            <FixResults preview={preview} />
            {preview.token ? (
              <>
                <label>
                  {t('ui.fix.typeHostname', { hostname })}
                  <input value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
                </label>
                <div className="actions">
                  <button type="button" onClick={close}>
                    {t('ui.cancel')}
                  </button>
                  {busy && progress.some((p) => p.fixId === start?.fixId) && (
                    <ol className="sent-lines" data-testid="fix-progress" aria-live="polite">
                      {progress
                        .filter((p) => p.fixId === start?.fixId)
                        .map((p) => (
                          <li key={p.index} className={`line-${p.status}`}>
                            <code>{p.command}</code> — {t(`ui.fix.lineStatus.${p.status}`)}
                          </li>
                        ))}
                    </ol>
                  )}
                  <button type="submit" disabled={busy || typed.trim() !== hostname}>
                    {preview.plan.kind === 'undo' ? t('ui.fix.applyUndo') : t('ui.fix.apply')}
                  </button>
                </div>
              </>
            ) : (
              <p className="error">{t('ui.fix.refusedByChecks')}</p>
            )}
          </form>
        )}
        {(step === 'applied' || step === 'verified' || step === 'saved') && applied && (
          <>
            <FixResults applied={applied} verified={verified} saved={saved} />
            <div className="actions">
              {step === 'applied' && (
                <button type="button" disabled={busy} onClick={() => void verify()}>
                  {busy ? t('ui.fix.verifying') : t('ui.fix.verify')}
                </button>
              )}
              {step === 'verified' && applied.kind === 'apply' && (
                <button type="button" disabled={busy} onClick={() => void undo()}>
                  {t('ui.fix.undo')}
                </button>
              )}
              {step === 'verified' && (
                <>
                  <label className="checkbox">
                    <input type="checkbox" checked={saveWanted} onChange={(e) => setSaveWanted(e.target.checked)} />
                    {t('ui.fix.saveConfirm', { hostname })}
                  </label>
                  <button type="button" disabled={busy || !saveWanted} onClick={() => void save()}>
                    {t('ui.fix.save')}
                  </button>
                </>
              )}
              <button type="button" onClick={close}>
                {t('ui.fix.close')}
              </button>
            </div>
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  )
}
