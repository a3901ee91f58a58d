/** Right pane: probe the mail path from two vantage points, paste or drop device output, read the diagnosis. */

import type { Analysis } from '@shared/diagnosis'
import type { PathComparison } from '@shared/probe/compare'
import { formatHostPort, parseTarget } from '@shared/probe/target'
import type { ProbeResult } from '@shared/probe/types'
import { useEffect, useState } from 'react'
import { useBridge } from '../bridge'
import { useI18n } from '../i18n'
import { ComparisonTable } from './ComparisonTable'
import { FindingsList } from './FindingsList'
import { ProbeTimeline } from './ProbeTimeline'
import { RemediesList } from './RemediesList'
import { SavedTargets } from './SavedTargets'
import { SourcesList } from './SourcesList'

export interface DiagnosisPaneProps {
  caseId?: string
  /** Device output gathered by the evidence script in a terminal session. */
  deviceTexts?: PastedText[]
  /** The state of the mail path after each probe run, for the case bar. */
  onPathStatus?: (status: PathStatus) => void
}

export type PathStatus = 'masked' | 'encrypted' | 'plain' | 'failed'

/** Masked anywhere wins: that is the fault. Then a failure; then whether every path reached TLS. */
export function pathStatus(results: readonly ProbeResult[]): PathStatus {
  if (results.some((r) => r.starttls?.masked)) return 'masked'
  if (results.some((r) => r.outcome === 'failed')) return 'failed'
  return results.every((r) => r.tls?.established) ? 'encrypted' : 'plain'
}

interface PastedText {
  source: string
  text: string
}

const MAX_FILE_BYTES = 5 * 1024 * 1024

export function DiagnosisPane({ caseId, deviceTexts = [], onPathStatus }: DiagnosisPaneProps) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [firewallTarget, setFirewallTarget] = useState('')
  const [directTarget, setDirectTarget] = useState('')
  const [results, setResults] = useState<ProbeResult[]>([])
  const [comparison, setComparison] = useState<PathComparison>()
  const [texts, setTexts] = useState<PastedText[]>([])
  const [paste, setPaste] = useState('')
  const [analysis, setAnalysis] = useState<Analysis>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const analyse = async (nextTexts: PastedText[], nextResults: ProbeResult[]) => {
    if (!bridge) return
    setAnalysis(
      await bridge.invoke('analysis.run', { texts: [...deviceTexts, ...nextTexts], probes: nextResults, caseId }),
    )
  }

  // New device evidence from a terminal session joins the diagnosis at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the device evidence changes
  useEffect(() => {
    if (deviceTexts.length > 0) void analyse(texts, results).catch((e: unknown) => setError(String(e)))
  }, [deviceTexts])

  const runProbe = async (event: React.FormEvent) => {
    event.preventDefault()
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
      await analyse(texts, run.results)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const addText = async (text: PastedText) => {
    const next = [...texts, text]
    setTexts(next)
    setError(undefined)
    try {
      await analyse(next, results)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  const onDrop = async (event: React.DragEvent) => {
    event.preventDefault()
    for (const file of [...event.dataTransfer.files]) {
      if (file.size > MAX_FILE_BYTES) {
        setError(t('ui.analysis.tooLarge', { name: file.name }))
        continue
      }
      await addText({ source: file.name, text: await file.text() })
    }
  }

  return (
    <section className="pane diagnosis-pane" aria-label={t('ui.diagnosis')}>
      <h2>{t('ui.diagnosis')}</h2>
      <form className="probe-form" onSubmit={(e) => void runProbe(e)}>
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
        <button type="submit" disabled={busy || !bridge}>
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
      <form
        className="paste-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (paste.trim() === '') return
          void addText({ source: t('ui.analysis.pastedSource', { n: texts.length + 1 }), text: paste })
          setPaste('')
        }}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => void onDrop(e)}
      >
        <label>
          {t('ui.analysis.paste')}
          <textarea
            rows={4}
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            placeholder={t('ui.analysis.placeholder')}
          />
        </label>
        <button type="submit" disabled={!bridge}>
          {t('ui.analysis.run')}
        </button>
        {texts.length > 0 && (
          <p className="hint">{t('ui.analysis.sources', { list: texts.map((x) => x.source).join(', ') })}</p>
        )}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {analysis && <FindingsList analysis={analysis} />}
      {comparison && <ComparisonTable comparison={comparison} />}
      {results.map((r) => (
        <ProbeTimeline key={`${r.target.vantage}-${r.startedAt}`} result={r} />
      ))}
      {analysis && <RemediesList remedies={analysis.remedies} caseId={caseId} />}
      <SourcesList sources={[...deviceTexts, ...texts]} />
      {!analysis && results.length === 0 && <p className="empty">{t('ui.noFindings')}</p>}
    </section>
  )
}
