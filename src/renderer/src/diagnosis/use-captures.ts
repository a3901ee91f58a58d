/**
 * The diagnosis panel's captures: the ones read here (dropped files, pasted dumps) until main has them, and — with a
 * case open — the case's own captures (`capture.list`: whatever brought them, the guided capture on the device
 * included). The lanes are built once from both (shared model, src/shared/capture/lanes.ts).
 */
import { type CaptureSetLanes, captureLanes } from '@shared/capture/lanes'
import type { CaptureProblem } from '@shared/capture/types'
import type { CaptureAdded } from '@shared/journal/capture-evidence-schema'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useBridge, useBridgeEvent } from '../bridge'
import { useI18n } from '../i18n'
import { type CaptureInput, readDroppedCapture, readPastedCapture } from './read-capture'

const key = (c: CaptureAdded) => `${c.name}\n${c.bytes}\n${c.sha256}\n${c.frameCount}`

export interface Captures {
  /** Captures read in this panel (sent with every analysis; main journals each once). */
  local: CaptureAdded[]
  /** The same, including captures added since the last render. */
  all(): CaptureAdded[]
  lanes: CaptureSetLanes[]
  /** Dropped files: the captures among them, the messages for the refused ones, and the other files. */
  readFiles(files: readonly File[]): Promise<{ found: CaptureAdded[]; messages: string[]; rest: File[] }>
  /** A pasted text: a capture, a refusal message, or null when it is no dump (the text path takes it). */
  readPaste(text: string): Promise<{ found?: CaptureAdded; message?: string } | null>
  add(records: readonly CaptureAdded[]): CaptureAdded[]
  /** How many captures the case holds (as last loaded). */
  inCase: number
  /** Reloads the case's captures (after an analysis journalled new ones, or another panel added some); their count. */
  refresh(): Promise<number>
}

export function useCaptures(caseId: string | undefined): Captures {
  const bridge = useBridge()
  const { t } = useI18n()
  const [local, setLocal] = useState<CaptureAdded[]>([])
  // The latest list, also for an analysis started before React rendered the last `add`.
  const latest = useRef<CaptureAdded[]>([])
  const [inCase, setInCase] = useState<CaptureAdded[]>([])

  const refresh = useCallback(async () => {
    if (!bridge || !caseId) return 0
    const list = await bridge.invoke('capture.list', { caseId })
    setInCase(list)
    return list.length
  }, [bridge, caseId])
  useEffect(() => {
    setInCase([])
    void refresh().catch(() => undefined)
  }, [refresh])
  // The guided capture (device pane) journals its two dumps before it removes the captures: reload then.
  const onStep = useCallback(
    (step: { step: string }) => {
      if (step.step === 'remove') void refresh().catch(() => undefined)
    },
    [refresh],
  )
  useBridgeEvent('capture.step', onStep)

  const lanes = useMemo(() => {
    const known = new Set(inCase.map(key))
    return captureLanes([...inCase, ...local.filter((c) => !known.has(key(c)))])
  }, [inCase, local])

  const message = (name: string, p: CaptureProblem) =>
    t(`findings.capture.errors.${p.code}`, { file: name, ...p.params })
  const judge = (name: string, input: CaptureInput) =>
    input.ok
      ? {
          found: input.record,
          warnings: input.warnings.map((w) => t('ui.captures.warning', { message: message(name, w) })),
        }
      : { message: message(name, input.problem) }

  const readFiles: Captures['readFiles'] = async (files) => {
    const out = { found: [] as CaptureAdded[], messages: [] as string[], rest: [] as File[] }
    for (const file of files) {
      const input = await readDroppedCapture(file).catch(
        (): CaptureInput => ({ ok: false, problem: { code: 'not-a-capture' } }),
      )
      if (!input) {
        out.rest.push(file)
        continue
      }
      const r = judge(file.name, input)
      if (r.found) out.found.push(r.found)
      out.messages.push(...(r.warnings ?? []), ...(r.message ? [r.message] : []))
    }
    return out
  }

  const readPaste: Captures['readPaste'] = async (text) => {
    const name = t('ui.captures.pastedSource', { n: latest.current.length + 1 })
    const input = await readPastedCapture(text, name)
    if (!input) return null
    const r = judge(name, input)
    return r.found ? { found: r.found, message: r.warnings[0] } : { message: r.message }
  }

  const add = (records: readonly CaptureAdded[]) => {
    const next = [...latest.current, ...records]
    latest.current = next
    setLocal(next)
    return next
  }

  return { local, all: () => latest.current, inCase: inCase.length, lanes, readFiles, readPaste, add, refresh }
}
