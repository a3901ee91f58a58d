/**
 * Connecting a profile: the password form (kept while host-key dialogs are up, so the enable secret survives), the
 * elapsed time of a silent host with Cancel, a refused port explained, and a changed host key in its own dialog
 * (issue 18, point 7). A cancelled attempt that connects later is closed at once.
 */
import type { DeviceProfile } from '@shared/profiles'
import { useRef, useState } from 'react'
import { useBridge } from '../bridge'
import { describeConnectError, errorParts } from '../errors'
import { useI18n } from '../i18n'
import { ConnectForm, type ConnectRequest } from './ConnectForm'
import { type ChangedKey, changedKeyOf, HostKeyChangedDialog } from './HostKeyChangedDialog'

export interface ConnectFlowProps {
  profile: DeviceProfile
  caseId?: string
  canRemember: boolean
  /** A first-time host-key question is on screen: the form waits hidden underneath. */
  hostKeyAsked: boolean
  onConnected: (sessionId: string, remember: boolean) => void
  onCancel: () => void
}

export function ConnectFlow({ profile, caseId, canRemember, hostKeyAsked, onConnected, onCancel }: ConnectFlowProps) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [changedKey, setChangedKey] = useState<ChangedKey>()
  const [busy, setBusy] = useState(false)
  const [startedAt, setStartedAt] = useState<number>()
  const attempt = useRef(0)

  const connect = async (request: ConnectRequest) => {
    if (!bridge) return
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    setStartedAt(Date.now())
    const mine = ++attempt.current
    try {
      const { sessionId } = await bridge.invoke('session.open', { profileId: profile.id, ...request, caseId })
      if (mine !== attempt.current) {
        void bridge.invoke('session.close', { sessionId }).catch(() => {})
        return
      }
      onConnected(sessionId, request.remember)
    } catch (e) {
      const parts = errorParts(e)
      const changed = parts.code === 'hostKeyChanged' ? changedKeyOf(parts.params) : undefined
      if (changed) setChangedKey(changed)
      else setError(describeConnectError(e, t))
    } finally {
      if (mine === attempt.current) {
        setBusy(false)
        setStartedAt(undefined)
      }
    }
  }

  return (
    <>
      <ConnectForm
        hidden={hostKeyAsked || changedKey !== undefined}
        notice={notice}
        profile={profile}
        canRemember={canRemember}
        error={error}
        busy={busy}
        startedAt={startedAt}
        onConnect={(r) => void connect(r)}
        onCancel={() => {
          attempt.current++
          onCancel()
        }}
      />
      {changedKey && (
        <HostKeyChangedDialog
          change={changedKey}
          caseId={caseId}
          onCancel={() => {
            setChangedKey(undefined)
            setError(t('device.errors.hostKeyChanged', { ...changedKey }))
          }}
          onReplaced={(readOnly) => {
            setChangedKey(undefined)
            const note = t('ui.hostKeyChanged.replaced', { fingerprint: changedKey.fingerprint })
            const files = readOnly.length
              ? ` ${t('ui.hostKeyChanged.readOnly', { files: readOnly.join(', '), host: changedKey.host })}`
              : ''
            setNotice(note + files)
          }}
        />
      )}
    </>
  )
}
