/**
 * A changed SSH host key (issue 18, point 7): the known and the presented fingerprints side by side, and a deliberate
 * way to replace the key — the phrase typed, not clicked — as SecureCRT, MobaXterm and Termius offer. Replacing
 * removes the old key (journalled in the case); the next connection then asks about the new key as a first-time key,
 * so the engineer compares it once more with the one verified on the console.
 */
import { samePhrase } from '@shared/api'
import { useState } from 'react'
import { useBridge } from '../bridge'
import { Dialog } from '../Dialog'
import { ErrorText } from '../ErrorText'
import { describeError } from '../errors'
import { useI18n } from '../i18n'

export interface ChangedKey {
  host: string
  port: number
  keyType: string
  fingerprint: string
  /** `type SHA256:… , type SHA256:…` as the transport reports the stored keys. */
  previous: string
  origin: string
}

export function changedKeyOf(params: Record<string, unknown>): ChangedKey | undefined {
  const { host, port, keyType, fingerprint, previous, origin } = params
  if (typeof host !== 'string' || typeof fingerprint !== 'string' || typeof previous !== 'string') return undefined
  return {
    host,
    port: Number(port ?? 22),
    keyType: String(keyType ?? ''),
    fingerprint,
    previous,
    origin: String(origin ?? ''),
  }
}

export interface HostKeyChangedDialogProps {
  change: ChangedKey
  caseId?: string
  onReplaced: (readOnly: string[]) => void
  onCancel: () => void
}

export function HostKeyChangedDialog({ change, caseId, onReplaced, onCancel }: HostKeyChangedDialogProps) {
  const bridge = useBridge()
  const { t, language } = useI18n()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string>()
  const phrase = t('ui.hostKeyChanged.phrase')
  const previous = change.previous.match(/SHA256:[A-Za-z0-9+/]+/g) ?? []
  const ready = samePhrase(typed, phrase)

  const replace = async () => {
    if (!bridge || !ready) return
    try {
      const readOnly: string[] = []
      for (const old of previous) {
        const result = await bridge.invoke('hostKeys.replace', {
          host: change.host,
          port: change.port,
          previous: old,
          next: change.fingerprint,
          confirmation: typed,
          lang: language,
          caseId,
        })
        readOnly.push(...result.readOnly)
      }
      onReplaced(readOnly)
    } catch (e) {
      setError(describeError(e, t))
    }
  }

  return (
    <Dialog title={t('ui.hostKeyChanged.title', { host: change.host })} onCancel={onCancel}>
      <p className="error">{t('ui.hostKeyChanged.intro')}</p>
      <table className="key-compare" data-testid="host-key-compare">
        <thead>
          <tr>
            <th scope="col">{t('ui.hostKeyChanged.known')}</th>
            <th scope="col">{t('ui.hostKeyChanged.now')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <code data-testid="host-key-old">{change.previous}</code>
              <br />
              <small>{change.origin}</small>
            </td>
            <td>
              <code data-testid="host-key-new">
                {change.keyType} {change.fingerprint}
              </code>
            </td>
          </tr>
        </tbody>
      </table>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          void replace()
        }}
      >
        <label>
          {t('ui.hostKeyChanged.typePhrase', { phrase })}
          <input value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
        </label>
        <ErrorText error={error} />
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('ui.hostKeyChanged.keep')}
          </button>
          <button type="submit" disabled={!ready}>
            {t('ui.hostKeyChanged.replace')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
