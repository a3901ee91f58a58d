/** Asks for the password and enable secret at connect time; offers to remember them only if the OS can encrypt. */

import type { DeviceProfile } from '@shared/profiles'
import { useEffect, useState } from 'react'
import { Dialog } from '../Dialog'
import { ErrorText } from '../ErrorText'
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
  /** Kept mounted but not shown while a host-key dialog is up: what was typed (the enable secret) stays. */
  hidden?: boolean
  /** A note that is not an error (e.g. the old host key was removed). */
  notice?: string
  /** When the connection attempt began (ms): a silent host shows the elapsed time, and Cancel stays available. */
  startedAt?: number
  onConnect: (request: ConnectRequest) => void
  onCancel: () => void
}

export function ConnectForm(props: ConnectFormProps) {
  const { profile, canRemember, error, notice, busy, startedAt, hidden, onConnect, onCancel } = props
  const { t } = useI18n()
  const [password, setPassword] = useState('')
  const [secret, setSecret] = useState('')
  const [remember, setRemember] = useState(false)
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (startedAt === undefined) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [startedAt])
  const seconds = startedAt === undefined ? 0 : Math.max(0, Math.round((now - startedAt) / 1000))
  const peer = profile.transport === 'serial' ? profile.serial.path : `${profile.host}:${profile.port ?? 22}`
  // Telnet sends the password in clear text: main never remembers one for it (issue 14), so nothing is offered.
  const rememberable = canRemember && profile.transport !== 'telnet'
  if (hidden) return null
  return (
    <Dialog title={t('ui.device.connectTo', { name: profile.name })} onCancel={onCancel}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          if (busy) return
          onConnect({
            password: password || undefined,
            secret: secret || undefined,
            remember: rememberable && remember,
          })
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
        {profile.transport === 'telnet' ? (
          <p className="hint">{t('device.secrets.telnetNotRemembered')}</p>
        ) : canRemember ? (
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t('ui.device.remember')}
          </label>
        ) : (
          <p className="hint">{t('ui.device.cannotRemember')}</p>
        )}
        {busy && startedAt !== undefined && (
          <p className="hint" role="status" data-testid="connect-elapsed">
            {seconds >= 5 ? t('ui.connectHelp.silent', { peer, seconds }) : t('ui.connectHelp.elapsed', { seconds })}
          </p>
        )}
        {notice && (
          <p className="hint" role="status" data-testid="connect-notice">
            {notice}
          </p>
        )}
        <ErrorText error={error} />
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('ui.cancel')}
          </button>
          <button type="submit" aria-busy={busy} aria-disabled={busy}>
            {t('ui.device.connect')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
