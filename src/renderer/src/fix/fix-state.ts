/**
 * The fix dialog as a state machine: one step at a time (Read → Review → Confirm → Send → Verify → Save), each
 * busy step naming the request that FixDialog's effect makes (never the render body). Pure: tested without a DOM.
 */
import type { EventPayload, FixStart } from '@shared/api'
import type { ApplyResult, Preview, SaveResult, VerifyResult } from '@shared/fix/types'

export type FixLine = EventPayload<'fix.line'>

/** The steps the engineer sees in the stepper, in order. */
export const STEPS = ['read', 'review', 'confirm', 'send', 'verify', 'save'] as const
export type StepName = (typeof STEPS)[number]

export type FixPhase =
  | { step: 'read'; busy: boolean }
  | { step: 'review'; start: FixStart; preview: Preview; busy: boolean }
  | { step: 'confirm'; start: FixStart; preview: Preview; busy: boolean }
  /** Lines are going in: progress fills `lines`; nothing may close the dialog. */
  | { step: 'send'; start: FixStart; preview: Preview; busy: true }
  | { step: 'verify'; start: FixStart; applied: ApplyResult; verified?: VerifyResult; busy: boolean }
  | {
      step: 'save'
      start: FixStart
      applied: ApplyResult
      verified: VerifyResult
      saved?: SaveResult
      /** What the busy state is waiting for. */
      doing?: 'undo' | 'save'
      busy: boolean
    }

export interface FixState {
  phase: FixPhase
  /** Progress of the current send, only this fix's lines. */
  lines: FixLine[]
  typed: string
  error?: string
}

export type FixAction =
  | { type: 'read' }
  | { type: 'started'; start: FixStart; preview: Preview }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'typed'; text: string }
  | { type: 'apply' }
  | { type: 'line'; line: FixLine }
  | { type: 'applied'; applied: ApplyResult }
  | { type: 'verify' }
  | { type: 'verified'; verified: VerifyResult }
  | { type: 'undo' }
  | { type: 'undoPreview'; preview: Preview }
  | { type: 'save' }
  | { type: 'saved'; saved: SaveResult }
  | { type: 'failed'; error: string }

export const initialFixState: FixState = { phase: { step: 'read', busy: false }, lines: [], typed: '' }

export function fixReducer(state: FixState, action: FixAction): FixState {
  const { phase } = state
  switch (action.type) {
    case 'read':
      return phase.step === 'read' ? { ...state, phase: { step: 'read', busy: true }, error: undefined } : state
    case 'started':
      return { ...state, phase: { step: 'review', start: action.start, preview: action.preview, busy: false } }
    case 'next':
      return phase.step === 'review' && phase.preview.token ? { ...state, phase: { ...phase, step: 'confirm' } } : state
    case 'back':
      return phase.step === 'confirm' && !phase.busy ? { ...state, phase: { ...phase, step: 'review' } } : state
    case 'typed':
      return { ...state, typed: action.text }
    case 'apply':
      if (phase.step !== 'confirm' || phase.busy || state.typed.trim() !== phase.start.device.hostname) return state
      return { ...state, lines: [], error: undefined, phase: { ...phase, step: 'send', busy: true } }
    case 'line':
      // Events are shared by every fix run: only this run's lines, once each.
      if (phase.step !== 'send' || action.line.fixId !== phase.start.fixId) return state
      if (state.lines.some((l) => l.index === action.line.index)) return state
      return { ...state, lines: [...state.lines, action.line] }
    case 'applied':
      if (phase.step !== 'send') return state
      return { ...state, phase: { step: 'verify', start: phase.start, applied: action.applied, busy: false } }
    case 'verify':
      return phase.step === 'verify' && !phase.busy
        ? { ...state, error: undefined, phase: { ...phase, busy: true } }
        : state
    case 'verified':
      if (phase.step !== 'verify') return state
      return {
        ...state,
        phase: { step: 'save', start: phase.start, applied: phase.applied, verified: action.verified, busy: false },
      }
    case 'undo':
      return phase.step === 'save' && !phase.busy
        ? { ...state, error: undefined, phase: { ...phase, busy: true, doing: 'undo' } }
        : state
    case 'undoPreview':
      if (phase.step !== 'save') return state
      return {
        ...state,
        typed: '',
        phase: { step: 'review', start: phase.start, preview: action.preview, busy: false },
      }
    case 'save':
      return phase.step === 'save' && !phase.busy && !phase.saved
        ? { ...state, error: undefined, phase: { ...phase, busy: true, doing: 'save' } }
        : state
    case 'saved':
      return phase.step === 'save'
        ? { ...state, phase: { ...phase, saved: action.saved, busy: false, doing: undefined } }
        : state
    case 'failed': {
      // A failed send leaves the lines on screen: the engineer must see how far it went.
      const back: FixPhase =
        phase.step === 'send' ? { step: 'confirm', start: phase.start, preview: phase.preview, busy: false } : phase
      const idle = (
        back.step === 'save' ? { ...back, busy: false, doing: undefined } : { ...back, busy: false }
      ) as FixPhase
      return { ...state, error: action.error, phase: idle }
    }
  }
}

/** Which request the current state waits for (FixDialog's effect runs it): the undo and save flags tell them apart. */
export function pendingRequest(phase: FixPhase): 'start' | 'apply' | 'verify' | 'undo' | 'save' | undefined {
  if (!phase.busy) return undefined
  switch (phase.step) {
    case 'read':
      return 'start'
    case 'send':
      return 'apply'
    case 'verify':
      return 'verify'
    case 'save':
      return phase.doing
    default:
      return undefined
  }
}

/** Whether the dialog may be closed now: never while lines are going in. */
export const canClose = (phase: FixPhase) => phase.step !== 'send'

export const stepIndex = (phase: FixPhase) => STEPS.indexOf(phase.step)
