/** One tab per device session; a closed or failed one offers Reconnect (issue 18, point 10). */
import type { EventPayload } from '@shared/api'
import type { DeviceProfile } from '@shared/profiles'
import { useI18n } from '../i18n'

export interface Tab {
  sessionId: string
  profile: DeviceProfile
  state: EventPayload<'session.state'>['state']
}

export interface SessionTabsProps {
  tabs: Tab[]
  current?: string
  onSelect: (sessionId: string) => void
  onReconnect: (tab: Tab) => void
  onClose: (sessionId: string) => void
}

export function SessionTabs({ tabs, current, onSelect, onReconnect, onClose }: SessionTabsProps) {
  const { t } = useI18n()
  if (tabs.length === 0) return null
  return (
    <div className="tabs" role="tablist">
      {tabs.map((tab) => (
        <div key={tab.sessionId} className={`tab state-${tab.state}`}>
          <button
            type="button"
            role="tab"
            aria-selected={tab.sessionId === current}
            onClick={() => onSelect(tab.sessionId)}
          >
            {tab.profile.name}
            {tab.state !== 'connected' ? ` (${t(`ui.sessionState.${tab.state}`)})` : ''}
          </button>
          {(tab.state === 'closed' || tab.state === 'failed') && (
            <button type="button" className="reconnect" onClick={() => onReconnect(tab)}>
              {t('ui.device.reconnect')}
            </button>
          )}
          <button
            type="button"
            className="close"
            aria-label={t('ui.closeTab', { name: tab.profile.name })}
            onClick={() => onClose(tab.sessionId)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
