/**
 * The guided capture as a dialog: form → (an earlier run's leftovers: remove or leave) → the plan's exact lines
 * (or the plan's question: which interface) → confirm → progress → result with the removal confirmed. Main holds
 * the tokens' meaning (src/main/capture); this dialog only passes them back. It cannot be closed while lines go in.
 */
import type { CaptureProposal, CaptureRunResult, CleanupProposal } from '@shared/capture/guided/types'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useBridge, useBridgeEvent } from '../bridge'
import { Dialog } from '../Dialog'
import { ErrorText } from '../ErrorText'
import { describeError } from '../errors'
import { useI18n } from '../i18n'
import { CaptureResult } from './CaptureResult'

export interface CaptureDialogProps {
  caseId: string
  profileId: string
  engineer?: string
  onClose: () => void
}

type Phase = 'form' | 'busy' | 'cleanup' | 'review' | 'running' | 'done'

const k = (key: string) => `device.guidedCapture.${key}`

export function CaptureDialog({ caseId, profileId, engineer, onClose }: CaptureDialogProps) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [phase, setPhase] = useState<Phase>('form')
  const [error, setError] = useState<string>()
  const [form, setForm] = useState({
    mailHost: '',
    direction: 'inbound' as 'inbound' | 'outbound',
    probeHost: '',
    probePort: '25',
    password: '',
    secret: '',
    confirmedBy: engineer ?? '',
    serverInterface: '',
    clientInterface: '',
    peerAddress: '',
  })
  const captureId = useRef<string | null>(null)
  const [cleanup, setCleanup] = useState<CleanupProposal | null>(null)
  const [proposal, setProposal] = useState<CaptureProposal | null>(null)
  const [steps, setSteps] = useState<string[]>([])
  const [result, setResult] = useState<CaptureRunResult | null>(null)
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }))

  useBridgeEvent(
    'capture.step',
    useCallback((s: { captureId: string; step: string; detail: string }) => {
      if (s.captureId === captureId.current) setSteps((all) => [...all, `${s.step}: ${s.detail}`])
    }, []),
  )
  // The capture's own connection closes with the dialog.
  useEffect(
    () => () => {
      if (captureId.current) void bridge?.invoke('capture.close', { captureId: captureId.current })
    },
    [bridge],
  )

  const attempt = async (work: () => Promise<void>, back: Phase) => {
    setError(undefined)
    try {
      await work()
    } catch (e) {
      setError(describeError(e, t))
      setPhase(back)
    }
  }

  const propose = () =>
    attempt(async () => {
      if (!bridge || !captureId.current) return
      setPhase('busy')
      const p = await bridge.invoke('capture.propose', {
        captureId: captureId.current,
        mailHost: form.mailHost.trim(),
        direction: form.direction,
        serverInterface: form.serverInterface || undefined,
        clientInterface: form.clientInterface || undefined,
        peerAddress: form.peerAddress.trim() || undefined,
      })
      setProposal(p)
      setPhase(p.status === 'ready' ? 'review' : 'form')
    }, 'form')

  const start = () =>
    attempt(async () => {
      if (!bridge) return
      setPhase('busy')
      if (!captureId.current) {
        const started = await bridge.invoke('capture.start', {
          profileId,
          caseId,
          password: form.password || undefined,
          secret: form.secret || undefined,
        })
        captureId.current = started.captureId
        if (started.cleanup) {
          setCleanup(started.cleanup)
          setPhase('cleanup')
          return
        }
      }
      await propose()
    }, 'form')

  const clean = (remove: boolean) =>
    attempt(async () => {
      if (!bridge || !captureId.current || !cleanup) return
      setPhase('busy')
      if (remove)
        await bridge.invoke('capture.cleanup', {
          captureId: captureId.current,
          token: cleanup.token,
          confirmedBy: form.confirmedBy,
        })
      setCleanup(null)
      await propose()
    }, 'cleanup')

  const run = () =>
    attempt(async () => {
      if (!bridge || !captureId.current || proposal?.status !== 'ready') return
      setPhase('running')
      const r = await bridge.invoke('capture.run', {
        captureId: captureId.current,
        token: proposal.token,
        confirmedBy: form.confirmedBy,
        probe: { host: form.probeHost.trim(), port: Number(form.probePort) },
      })
      if (r.refused) {
        setError(t(k(`refusals.${r.code}`), r.params))
        setProposal(null)
        setPhase('form')
        return
      }
      setResult(r)
      setPhase('done')
    }, 'review')

  const question = proposal?.status === 'ask' ? proposal : null
  const refusal = proposal?.status === 'refused' ? proposal : null
  const ready = proposal?.status === 'ready' ? proposal : null
  const busy = phase === 'busy' || phase === 'running'
  const formReady = form.mailHost.trim() !== '' && form.probeHost.trim() !== '' && form.confirmedBy.trim() !== ''

  return (
    <Dialog title={t(k('panel.title'))} onCancel={() => !busy && onClose()} className="capture-dialog">
      <p>{t(k('panel.intro'))}</p>
      {phase === 'form' && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void (captureId.current ? propose() : start())
          }}
        >
          <label>
            {t(k('panel.mailHost'))} <input value={form.mailHost} onChange={set('mailHost')} />
          </label>
          <label>
            {t(k('panel.direction'))}{' '}
            <select value={form.direction} onChange={set('direction')}>
              <option value="inbound">{t(k('panel.inbound'))}</option>
              <option value="outbound">{t(k('panel.outbound'))}</option>
            </select>
          </label>
          <label>
            {t(k('panel.probeHost'))} <input value={form.probeHost} onChange={set('probeHost')} />
          </label>
          <label>
            {t(k('panel.peerAddress'))} <input value={form.peerAddress} onChange={set('peerAddress')} />
          </label>
          <label>
            {t(k('panel.probePort'))} <input inputMode="numeric" value={form.probePort} onChange={set('probePort')} />
          </label>
          {!captureId.current && (
            <>
              <label>
                {t(k('panel.password'))} <input type="password" value={form.password} onChange={set('password')} />
              </label>
              <label>
                {t(k('panel.secret'))} <input type="password" value={form.secret} onChange={set('secret')} />
              </label>
            </>
          )}
          <label>
            {t(k('panel.confirmedBy'))} <input value={form.confirmedBy} onChange={set('confirmedBy')} />
          </label>
          {question?.questions.map((q) => (
            <label key={q}>
              {t(k(`panel.${q}`))}{' '}
              <select value={form[q]} onChange={set(q)} data-testid={`capture-${q}`}>
                <option value="" />
                {question.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {refusal && <ErrorText error={t(k(`refusals.${refusal.code}`), refusal.params)} />}
          <div className="actions">
            <button type="button" onClick={onClose}>
              {t(k('panel.close'))}
            </button>
            <button type="submit" disabled={!formReady}>
              {captureId.current ? t(k('panel.proposeAgain')) : t(k('panel.propose'))}
            </button>
          </div>
        </form>
      )}
      {phase === 'busy' && <p role="status">{t(k('panel.working'))}</p>}
      {phase === 'cleanup' && cleanup && (
        <section aria-label={t(k('cleanup.header'), { device: cleanup.device })}>
          <p>{t(k('cleanup.header'), { device: cleanup.device })}</p>
          <pre data-testid="capture-cleanup-lines">{cleanup.lines.join('\n')}</pre>
          <div className="actions">
            <button type="button" onClick={() => void clean(false)}>
              {t(k('panel.keepLeftovers'))}
            </button>
            <button type="button" onClick={() => void clean(true)}>
              {t(k('panel.removeLeftovers'))}
            </button>
          </div>
        </section>
      )}
      {(phase === 'review' || phase === 'running') && ready && (
        <section aria-label={t(k('panel.lines'))}>
          <p>{t(k('plan.header'), { device: ready.device })}</p>
          {ready.plan.changesConfig && (
            <p role="alert" data-testid="capture-changes-config">
              {t(k('plan.changesConfig'), {
                acls: ready.plan.captures.flatMap((c) => (c.acl ? [c.acl.name] : [])).join(', '),
              })}
            </p>
          )}
          <pre data-testid="capture-lines">{ready.plan.lines.map((l) => l.command).join('\n')}</pre>
          <p>{t(k('plan.readBack'))}</p>
          <pre>{ready.plan.readBack.join('\n')}</pre>
          <p>{t(k('plan.removal'))}</p>
          <pre data-testid="capture-removal-lines">{ready.plan.removal.map((l) => l.command).join('\n')}</pre>
          {phase === 'review' && (
            <div className="actions">
              <button type="button" onClick={onClose}>
                {t(k('panel.close'))}
              </button>
              <button type="button" onClick={() => void run()}>
                {t(k('panel.run'))}
              </button>
            </div>
          )}
        </section>
      )}
      {phase === 'running' && (
        <section aria-label={t(k('panel.stepsTitle'))}>
          <ol role="log" data-testid="capture-steps">
            {steps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps only grow, in order
              <li key={i}>{s}</li>
            ))}
          </ol>
        </section>
      )}
      {phase === 'done' && result && (
        // Main remembers that this device needs the access-list form: the next proposal on this session uses it.
        <CaptureResult
          result={result}
          onClose={onClose}
          onAccessList={() => {
            setResult(null)
            setSteps([])
            void propose()
          }}
        />
      )}
      <ErrorText error={error} />
    </Dialog>
  )
}
