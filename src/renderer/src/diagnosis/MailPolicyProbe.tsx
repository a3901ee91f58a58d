/**
 * A mail domain probed with its policies (issue 17, `mailPolicy.probe`, the app's `unmask probe DOMAIN`): each MX's
 * MTA-STS, TLS-RPT and DANE state beside its probe verdict, with what it means for senders ("will not deliver" under
 * enforce or DANE, "in clear" otherwise). The lines are the CLI's (src/shared/mail-policy/text.ts).
 */
import type { RequestOutput } from '@shared/api'
import { renderMailPolicyText } from '@shared/mail-policy/text'
import { useState } from 'react'
import { useBridge } from '../bridge'
import { ErrorText } from '../ErrorText'
import { describeError } from '../errors'
import { useI18n } from '../i18n'

export function MailPolicyProbe({ caseId }: { caseId?: string }) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [domain, setDomain] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [result, setResult] = useState<RequestOutput<'mailPolicy.probe'>>()

  const run = async () => {
    if (!bridge || domain.trim() === '') return
    setBusy(true)
    setError(undefined)
    try {
      setResult(await bridge.invoke('mailPolicy.probe', { domain: domain.trim(), caseId }))
    } catch (e) {
      setError(describeError(e, t))
    } finally {
      setBusy(false)
    }
  }

  const report = result?.mailPolicy
  const lines = report ? renderMailPolicyText(report.check, report.verdicts, t).trimEnd().split('\n') : []
  return (
    <form
      className="mail-policy-form"
      onSubmit={(e) => {
        e.preventDefault()
        void run()
      }}
    >
      <label>
        {t('ui.mailPolicy.domain')}
        <input value={domain} placeholder="example.com" onChange={(e) => setDomain(e.target.value)} />
      </label>
      <button type="submit" aria-busy={busy} disabled={!bridge}>
        {busy ? t('ui.probe.running') : t('ui.mailPolicy.run')}
      </button>
      <ErrorText error={error} />
      {result && !report && <p>{t('ui.mailPolicy.noDomain', { domain })}</p>}
      {report && (
        <ul data-testid="mail-policy-result" aria-label={lines[0]}>
          {lines.slice(1).map((line, i) => (
            <li key={line} className={report.verdicts[i - 2] ? `policy-${report.verdicts[i - 2]!.level}` : ''}>
              {line.trim()}
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}
