/**
 * A finished guided capture: the outcome, the probe, what each capture held, the engine's findings on the pair
 * (the rewrite, with its line numbers) and — always shown — what became of each capture on the device.
 */
import type { CaptureRunResult } from '@shared/capture/guided/types'
import { useI18n } from '../i18n'

const k = (key: string) => `device.guidedCapture.${key}`

export function CaptureResult({
  result,
  onClose,
  onAccessList,
}: {
  result: CaptureRunResult
  onClose: () => void
  /** Propose again in the access-list form (shown when the device refused `capture … match`). */
  onAccessList?: () => void
}) {
  const { t } = useI18n()
  return (
    <section aria-label={t(k('panel.resultTitle'))} data-testid="capture-result">
      <p role="status">{t(k(`result.outcome.${result.outcome}`), { error: result.error ?? '' })}</p>
      {result.probe && <p>{t(k('result.probe'), { summary: result.probe.summary })}</p>}
      <ul>
        {result.readBack.map((r) => (
          <li key={r.name}>
            {t(k('result.readBack'), {
              name: r.name,
              interface: r.interface,
              side: t(k(`result.sideOf.${r.side}`)),
              bytes: r.bytes,
              conversations: r.conversations,
            })}
            {r.truncated && ` ${t(k('result.truncated'), { name: r.name })}`}
          </li>
        ))}
      </ul>
      <h3>{t(k('panel.findingsTitle'))}</h3>
      {result.findings.length === 0 && result.readBack.length === 2 && <p>{t(k('result.noChange'))}</p>}
      <ul data-testid="capture-findings">
        {result.findings.map((f) => (
          <li key={f.id}>
            <strong>{t(f.titleKey, f.params)}</strong>
            <br />
            {t(f.explanationKey, f.params)}
          </li>
        ))}
      </ul>
      <h3>{t(k('panel.removalTitle'))}</h3>
      <ul data-testid="capture-removal">
        {result.removal.map((r) => (
          <li key={r.name}>
            {t(k('result.removal'), { name: r.name, outcome: t(k(`result.outcomes.${r.outcome}`)) })}
          </li>
        ))}
      </ul>
      {result.leftOnDevice.length > 0 && (
        <p className="error" role="alert">
          {t(k('result.leftOnDevice'), { names: result.leftOnDevice.join(', ') })}
        </p>
      )}
      {result.needsAccessList && (
        <p role="alert" data-testid="capture-needs-acl">
          {t(k('panel.needsAccessList'))}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t(k('panel.close'))}
        </button>
        {result.needsAccessList && onAccessList && (
          <button type="button" onClick={onAccessList}>
            {t(k('panel.proposeAccessList'))}
          </button>
        )}
      </div>
    </section>
  )
}
