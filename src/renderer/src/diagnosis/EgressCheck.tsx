/**
 * The outbound check (lab-probe's `probe.egress`, `unmask probe --egress`): several remote MX hosts probed from here
 * at once tell this site's own egress firewall from a remote one. Empty = the built-in list of large providers.
 */
import type { RequestOutput } from '@shared/api'
import { parseTarget } from '@shared/probe/target'
import { useState } from 'react'
import { useBridge } from '../bridge'
import { ErrorText } from '../ErrorText'
import { describeError } from '../errors'
import { useI18n } from '../i18n'

export function EgressCheck({ caseId }: { caseId?: string }) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [hosts, setHosts] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [result, setResult] = useState<RequestOutput<'probe.egress'>>()

  const run = async () => {
    if (!bridge) return
    const targets: Array<{ host: string; port: number }> = []
    for (const item of hosts.split(/[\s,]+/).filter(Boolean)) {
      const parsed = parseTarget(item)
      if (!parsed.ok) {
        setError(t('ui.probe.badTarget', { input: item }))
        return
      }
      targets.push({ host: parsed.target.host, port: parsed.target.port })
    }
    setBusy(true)
    setError(undefined)
    try {
      setResult(await bridge.invoke('probe.egress', { targets, caseId }))
    } catch (e) {
      setError(describeError(e, t))
    } finally {
      setBusy(false)
    }
  }

  const c = result?.conclusion
  const reached = c ? c.hosts.length - c.counts.failed : 0
  return (
    <form
      className="egress-form"
      onSubmit={(e) => {
        e.preventDefault()
        void run()
      }}
    >
      <label>
        {t('ui.egress.hosts')}
        <input
          value={hosts}
          placeholder="mx1.example.net, mx2.example.org:25"
          onChange={(e) => setHosts(e.target.value)}
        />
      </label>
      <button type="submit" aria-busy={busy} disabled={!bridge}>
        {busy ? t('ui.probe.running') : t('ui.egress.run')}
      </button>
      <ErrorText error={error} />
      {c && (
        <div data-testid="egress-result">
          <p>
            {t(`probe.egress.conclusion.${c.id}`, {
              reached,
              lost: c.counts.masked + c.counts['no-starttls'],
              total: c.hosts.length,
            })}
          </p>
          <ul>
            {c.hosts.map((h) => (
              <li key={`${h.host}:${h.port}`}>
                {h.host}:{h.port} — {t(`probe.egress.view.${h.view}`)}
                {h.evidence && <code> {h.evidence}</code>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  )
}
