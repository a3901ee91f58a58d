/** Asks for the password and enable secret at connect time; offers to remember them only if the OS can encrypt. */

import type { DeviceProfile } from '@shared/profiles'
import { useState } from 'react'
import { Dialog } from '../Dialog'
import { useI18n } from '../i18n'

export interface ConnectRequest {
  password?: string
  secret?: string
  remember: boolean
}

export interface ConnectFormProps {
  profile: DeviceProfile
  canRemember: boolean
  error?: string
  busy?: boolean
  onConnect: (request: ConnectRequest) => void
  onCancel: () => void
}

export function ConnectForm({ profile, canRemember, error, busy, onConnect, onCancel }: ConnectFormProps) {
  const { t } = useI18n()
  const [password, setPassword] = useState('')
  const [secret, setSecret] = useState('')
  const [remember, setRemember] = useState(false)
  return (
    <Dialog title={t('ui.device.connectTo', { name: profile.name })} onCancel={onCancel}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          onConnect({ password: password || undefined, secret: secret || undefined, remember: canRemember && remember })
        }}
      >
        <label>
          {t('ui.device.password')}
          <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label>
          {t('ui.device.enableSecret')}
          <input type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
        </label>
        {canRemember ? (
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t('ui.device.remember')}
          </label>
        ) : (
          <p className="hint">{t('ui.device.cannotRemember')}</p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('ui.cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {t('ui.device.connect')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
