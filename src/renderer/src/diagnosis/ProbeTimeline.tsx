/** One probe as a timed SMTP dialog: phases as a bar, then every line with its time and direction. */

import { probeSource } from '@shared/probe/transcript'
import type { ProbeResult } from '@shared/probe/types'
import { useI18n } from '../i18n'
import { lineAnchor, looksMasked } from './lines'

export function ProbeTimeline({ result }: { result: ProbeResult }) {
  const { t } = useI18n()
  const source = probeSource(result)
  const total = Math.max(1, result.durationMs)
  return (
    <article className="probe" aria-label={source}>
      <h3>
        {result.target.vantage ?? result.target.host} — {result.target.host}:{result.target.port}{' '}
        <span className={`outcome outcome-${result.outcome}`}>{t(`ui.probe.outcome.${result.outcome}`)}</span>
      </h3>
      <div className="phases" role="img" aria-label={t('ui.probe.phases')}>
        {result.phases.map((p) => (
          <span
            key={`${p.phase}-${p.startMs}`}
            className={`phase phase-${p.outcome}`}
            style={{ left: `${(p.startMs / total) * 100}%`, width: `${Math.max(0.5, (p.durationMs / total) * 100)}%` }}
            title={`${p.phase} ${p.durationMs.toFixed(0)} ms`}
          />
        ))}
      </div>
      <p className="phase-legend">{result.phases.map((p) => `${p.phase} ${p.durationMs.toFixed(0)} ms`).join(' · ')}</p>
      <ol className="transcript">
        {result.transcript.map((line) => (
          <li
            key={line.line}
            id={lineAnchor(source, line.line)}
            tabIndex={-1}
            className={`dir-${line.direction}${looksMasked(line.text) ? ' masked' : ''}`}
          >
            <span className="at">{(line.atMs / 1000).toFixed(3)}s</span>
            <span className="arrow">{line.direction === 'client' ? '→' : line.direction === 'server' ? '←' : '·'}</span>
            <code>{line.text}</code>
          </li>
        ))}
      </ol>
      {result.tls?.established && (
        <p className="tls">
          {t('ui.probe.tls', { protocol: result.tls.protocol ?? '?', cipher: result.tls.cipher ?? '?' })}
        </p>
      )}
      {result.error && (
        <p className="error" role="status">
          {t('ui.probe.failedAt', { phase: result.error.phase, message: result.error.message })}
        </p>
      )}
    </article>
  )
}
