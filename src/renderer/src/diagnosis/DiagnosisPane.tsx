/**
 * Right pane, answer first: the verdict card, one row per check, the fix; then the two SMTP dialogs as lanes, the
 * remedies in full and the sources. The probe and paste forms fold away after a run. After a change made from the
 * app, what was gathered before it moves to a folded "before the change" block and the pane re-checks by itself.
 */

import type { Analysis } from '@shared/diagnosis'
import type { CaptureAdded } from '@shared/journal/capture-evidence-schema'
import type { PathComparison } from '@shared/probe/compare'
import { formatHostPort, parseTarget } from '@shared/probe/target'
import type { ProbeResult } from '@shared/probe/types'
import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useBridge } from '../bridge'
import { ErrorText } from '../ErrorText'
import { describeError } from '../errors'
import { FixDialog } from '../fix/FixDialog'
import { useI18n } from '../i18n'
import { useJob } from '../job'
import { PROBE_EVENT } from '../keys'
import { CaptureLanes } from './CaptureLanes'
import { ComparisonTable } from './ComparisonTable'
import { EgressCheck } from './EgressCheck'
import { MailPolicyProbe } from './MailPolicyProbe'
import { PasteForm } from './PasteForm'
import { ProbeLanes } from './ProbeLanes'
import { type PathStatus, pathStatus } from './path-status'
import { RecognitionChips } from './RecognitionChips'
import { RemediesList } from './RemediesList'
import { DroppedFileTooLarge, readDroppedFile } from './read-dropped'
import { SavedTargets } from './SavedTargets'
import { SourcesList } from './SourcesList'
import { useCaptures } from './use-captures'
import { CheckRows, VerdictCard } from './Verdict'
import { verdictOf } from './verdict'

export type { PathStatus }

export interface DiagnosisPaneProps {
  caseId?: string
  /** Device output gathered by the evidence script in a terminal session. */
  deviceTexts?: PastedText[]
  /** The state of the mail path after each probe run, for the case bar. */
  onPathStatus?: (status: PathStatus) => void
}

interface PastedText {
  source: string
  text: string
}

const MAX_FILE_BYTES = 5 * 1024 * 1024

export function DiagnosisPane({ caseId, deviceTexts = [], onPathStatus }: DiagnosisPaneProps) {
  const bridge = useBridge()
  const { t } = useI18n()
  const job = useJob()
  const [firewallTarget, setFirewallTarget] = useState('')
  const [directTarget, setDirectTarget] = useState('')
  const [results, setResults] = useState<ProbeResult[]>([])
  const [comparison, setComparison] = useState<PathComparison>()
  const [texts, setTexts] = useState<PastedText[]>([])
  const [analysis, setAnalysis] = useState<Analysis>()
  const [before, setBefore] = useState<{ analysis?: Analysis; results: ProbeResult[] }>()
  const [rechecking, setRechecking] = useState(false)
  const [formsOpen, setFormsOpen] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [fixing, setFixing] = useState<{ remedyId: string; title: string }>()
  const captures = useCaptures(caseId)
  const analysedCaptures = useRef(0)
  const toolsRef = useRef<HTMLDetailsElement>(null)
  /** The forms fold after a run; focus inside them moves to their summary instead of dropping to <body>. */
  const foldForms = () => {
    const tools = toolsRef.current
    const hadFocus = tools?.contains(document.activeElement)
    // Folded first (synchronously), then the focus moves: it never leaves a button that is still shown.
    flushSync(() => setFormsOpen(false))
    if (hadFocus) tools?.querySelector('summary')?.focus()
  }

  const analyse = async (
    nextTexts: PastedText[],
    nextResults: ProbeResult[],
    nextCaptures: CaptureAdded[] = captures.all(),
  ) => {
    if (!bridge) return
    const all = [...deviceTexts, ...nextTexts]
    if (all.length === 0 && nextResults.length === 0 && nextCaptures.length === 0 && captures.inCase === 0) return
    setAnalysis(
      await bridge.invoke('analysis.run', { texts: all, probes: nextResults, caseId, captures: nextCaptures }),
    )
    setRechecking(false)
    // Main journalled the new captures: the lanes now come from the case.
    analysedCaptures.current = await captures.refresh()
  }

  // Captures that reached the case from elsewhere (the guided capture on the device, an earlier session) join the
  // diagnosis; the ones this panel sent were analysed already (analysedCaptures).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the case's capture count grows
  useEffect(() => {
    if (captures.inCase > analysedCaptures.current)
      void analyse(texts, results).catch((e: unknown) => setError(describeError(e, t)))
  }, [captures.inCase])

  // New device evidence from a terminal session joins the diagnosis at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the device evidence changes
  useEffect(() => {
    if (deviceTexts.length > 0) void analyse(texts, results).catch((e: unknown) => setError(describeError(e, t)))
  }, [deviceTexts])

  // A change went in: everything shown so far describes the device before it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on a new change
  useEffect(() => {
    if (job.epoch === 0) return
    setBefore({ analysis, results })
    setAnalysis(undefined)
    setResults([])
    setComparison(undefined)
    setTexts([])
    setRechecking(true)
    onPathStatus?.('changed')
  }, [job.epoch])

  const probe = async () => {
    if (!bridge) return
    const targets: Array<{ host: string; port: number; vantage: string }> = []
    for (const [input, vantage] of [
      [directTarget, 'direct'],
      [firewallTarget, 'firewall'],
    ] as const) {
      if (input.trim() === '') continue
      const parsed = parseTarget(input.trim())
      if (!parsed.ok) {
        setError(t('ui.probe.badTarget', { input }))
        return
      }
      targets.push({ host: parsed.target.host, port: parsed.target.port, vantage })
    }
    if (targets.length === 0) return
    setBusy(true)
    setError(undefined)
    try {
      const run = await bridge.invoke('probe.run', { targets, caseId })
      setResults(run.results)
      setComparison(run.comparison)
      onPathStatus?.(pathStatus(run.results))
      foldForms()
      await analyse(texts, run.results)
    } catch (e) {
      setError(describeError(e, t))
    } finally {
      setBusy(false)
    }
  }
  const probeRef = useRef(probe)
  probeRef.current = probe

  // After a verification the probes run again by themselves, with the same targets.
  useEffect(() => {
    if (job.rerun > 0) void probeRef.current()
  }, [job.rerun])

  // The accelerator (App) asks for a probe run.
  useEffect(() => {
    const run = () => void probeRef.current()
    window.addEventListener(PROBE_EVENT, run)
    return () => window.removeEventListener(PROBE_EVENT, run)
  }, [])

  const addText = async (text: PastedText) => {
    const next = [...texts, text]
    setTexts(next)
    setError(undefined)
    try {
      await analyse(next, results)
      foldForms()
    } catch (e) {
      setError(describeError(e, t))
    }
  }

  /** Captures found among dropped or pasted inputs: kept, analysed together, their messages shown. */
  const addCaptures = async (found: CaptureAdded[], messages: string[]) => {
    setError(messages.length > 0 ? messages.join(' ') : undefined)
    if (found.length === 0) return
    try {
      await analyse(texts, results, captures.add(found))
      foldForms()
    } catch (e) {
      setError(describeError(e, t))
    }
  }

  const pasteSubmitted = async (text: string) => {
    // A pasted `show capture NAME dump` is a capture; any other text goes to the text parsers.
    const capture = await captures.readPaste(text)
    if (capture) await addCaptures(capture.found ? [capture.found] : [], capture.message ? [capture.message] : [])
    else await addText({ source: t('ui.analysis.pastedSource', { n: texts.length + 1 }), text })
  }

  const onDrop = async (files: File[]) => {
    // Captures (pcap, pcapng, dump text) first, by their first bytes; they have their own size limit.
    const { found, messages, rest } = await captures.readFiles(files)
    await addCaptures(found, messages)
    for (const file of rest) {
      if (file.size > MAX_FILE_BYTES) {
        setError(t('ui.analysis.tooLarge', { name: file.name }))
        continue
      }
      // A gzip file (TLS-RPT reports come as .json.gz) is decompressed, within the same size limit.
      let text: string
      try {
        text = await readDroppedFile(file, MAX_FILE_BYTES)
      } catch (e) {
        setError(
          e instanceof DroppedFileTooLarge ? t('ui.analysis.tooLarge', { name: file.name }) : describeError(e, t),
        )
        continue
      }
      await addText({ source: file.name, text })
    }
  }

  const verdict = verdictOf({ analysis, results, rechecking })

  return (
    <section className="pane diagnosis-pane" aria-label={t('ui.diagnosis')} tabIndex={-1}>
      <h2>{t('ui.diagnosis')}</h2>
      <VerdictCard
        verdict={verdict}
        canApply={caseId !== undefined}
        onApply={(remedyId, title) => setFixing({ remedyId, title })}
      />
      <CheckRows analysis={analysis} results={results} />
      <details ref={toolsRef} className="tool" open={formsOpen} onToggle={(e) => setFormsOpen(e.currentTarget.open)}>
        <summary>{t('ui.probe.formTitle')}</summary>
        <form
          className="probe-form"
          onSubmit={(e) => {
            e.preventDefault()
            void probe()
          }}
        >
          <label>
            {t('ui.probe.direct')}
            <input value={directTarget} placeholder="10.0.0.25:25" onChange={(e) => setDirectTarget(e.target.value)} />
          </label>
          <label>
            {t('ui.probe.firewall')}
            <input
              value={firewallTarget}
              placeholder="mail.example.com:25"
              onChange={(e) => setFirewallTarget(e.target.value)}
            />
          </label>
          <button type="submit" aria-busy={busy} aria-keyshortcuts="Control+Shift+P" disabled={!bridge}>
            {busy ? t('ui.probe.running') : t('ui.probe.run')}
          </button>
          <SavedTargets
            current={[
              { input: directTarget, vantage: 'direct' },
              { input: firewallTarget, vantage: 'firewall' },
            ]}
            onPick={(target) => {
              const text = formatHostPort(target.host, target.port)
              if (target.vantage === 'direct') setDirectTarget(text)
              else setFirewallTarget(text)
            }}
          />
        </form>
        <PasteForm
          disabled={!bridge}
          onPaste={(text) => void pasteSubmitted(text)}
          onFiles={(files) => void onDrop(files)}
        />
        <EgressCheck caseId={caseId} />
        <MailPolicyProbe caseId={caseId} />
      </details>
      <RecognitionChips texts={texts} analysis={analysis} />
      <ErrorText error={error} />
      {results.length > 0 && <ProbeLanes results={results} />}
      <CaptureLanes sets={captures.lanes} />
      {comparison && (
        <details className="tool">
          <summary>{t('ui.probe.comparison', { count: comparison.differences.length })}</summary>
          <ComparisonTable comparison={comparison} />
        </details>
      )}
      {analysis && (
        <RemediesList
          remedies={analysis.remedies}
          caseId={caseId}
          onApply={(remedyId, title) => setFixing({ remedyId, title })}
        />
      )}
      <SourcesList sources={[...deviceTexts, ...texts]} />
      {before && (before.analysis || before.results.length > 0) && (
        <details className="tool before-change" data-testid="before-change">
          <summary>{t('ui.verdict.beforeChange')}</summary>
          <CheckRows analysis={before.analysis} results={before.results} />
        </details>
      )}
      {fixing && caseId && (
        <FixDialog
          caseId={caseId}
          remedyId={fixing.remedyId}
          remedyTitle={fixing.title}
          engineer={job.engineer}
          profileId={job.profileId}
          remembered={job.remembered}
          onChanged={job.fixChanged}
          onVerified={job.fixVerified}
          onClose={() => setFixing(undefined)}
        />
      )}
    </section>
  )
}
