/**
 * The fix dialog's requests: the one place they are made, in an effect, whenever the state (fix-state.ts) waits for
 * one. Results and refusals come back as actions; a change that sent lines and a finished verification are told to
 * the app (the change clock of job.tsx).
 */
import type { FixStart } from '@shared/api'
import type { ApplyResult, Preview, Refusal, SaveResult, VerifyResult } from '@shared/fix/types'
import { useEffect, useRef } from 'react'
import { useBridge } from '../bridge'
import { describeConnectError } from '../errors'
import { useI18n } from '../i18n'
import { type FixAction, type FixPhase, pendingRequest } from './fix-state'

const isRefusal = (value: unknown): value is Refusal => (value as Refusal | null)?.refused === true

export interface FixRequestsInput {
  phase: FixPhase
  dispatch: (action: FixAction) => void
  form: { profileId: string; password: string; secret: string; confirmedBy: string }
  typed: string
  caseId: string
  remedyId: string
  onChanged?: (kind: 'apply' | 'undo') => void
  onVerified?: (outcome: VerifyResult['outcome']) => void
}

export function useFixRequests({
  phase,
  dispatch,
  form,
  typed,
  caseId,
  remedyId,
  onChanged,
  onVerified,
}: FixRequestsInput): void {
  const bridge = useBridge()
  const { t, language } = useI18n()
  const latest = useRef({ form, typed, onChanged, onVerified })
  latest.current = { form, typed, onChanged, onVerified }
  useEffect(() => {
    const request = pendingRequest(phase)
    if (!request || !bridge) return
    let live = true
    const done = (action: FixAction) => {
      if (live) dispatch(action)
    }
    const refused = (r: Refusal) => done({ type: 'failed', error: t(`fix.refusals.${r.code}`, r.params) })
    const { form: f, typed: typedNow } = latest.current
    const work = async () => {
      if (request === 'start') {
        const start = await bridge.invoke('fix.start', {
          profileId: f.profileId,
          caseId,
          password: f.password || undefined,
          secret: f.secret || undefined,
          lang: language,
        })
        const preview = (await bridge.invoke('fix.preview', { fixId: start.fixId, remedyId })) as Preview | Refusal
        if (isRefusal(preview)) return refused(preview)
        return done({ type: 'started', start: start as FixStart, preview })
      }
      if (!('start' in phase)) return
      const fixId = phase.start.fixId
      if (request === 'apply' && phase.step === 'send') {
        const token = phase.preview.token ?? ''
        const result = (await bridge.invoke('fix.apply', {
          fixId,
          token,
          typedHostname: typedNow,
          confirmedBy: f.confirmedBy,
        })) as ApplyResult | Refusal
        if (isRefusal(result)) return refused(result)
        if (result.sent.length > 0) latest.current.onChanged?.(result.kind)
        return done({ type: 'applied', applied: result })
      }
      if (request === 'verify') {
        const verified = (await bridge.invoke('fix.verify', { fixId, remedyId })) as VerifyResult
        latest.current.onVerified?.(verified.outcome)
        return done({ type: 'verified', verified })
      }
      if (request === 'undo') {
        const preview = (await bridge.invoke('fix.previewUndo', { fixId })) as Preview | Refusal
        if (isRefusal(preview)) return refused(preview)
        return done({ type: 'undoPreview', preview })
      }
      if (request === 'save') {
        const grant = (await bridge.invoke('fix.requestSave', { fixId })) as { token: string } | Refusal
        if (isRefusal(grant)) return refused(grant)
        const saved = (await bridge.invoke('fix.save', {
          fixId,
          token: grant.token,
          confirmedBy: f.confirmedBy,
        })) as SaveResult | Refusal
        if (isRefusal(saved)) return refused(saved)
        return done({ type: 'saved', saved })
      }
    }
    work().catch((e: unknown) => done({ type: 'failed', error: describeConnectError(e, t) }))
    return () => {
      live = false
    }
  }, [phase, bridge, caseId, remedyId, language, t, dispatch])
}
