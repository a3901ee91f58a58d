/** The app frame: a case bar above a resizable split of device terminal (left) and diagnosis (right). */

import type { UnmaskBridge } from '@shared/api'
import type { CaseSummary } from '@shared/cases'
import { LANGUAGES, type Language, languageFromLocale } from '@shared/i18n'
import { useEffect, useMemo, useState } from 'react'
import { Group, Panel, Separator } from 'react-resizable-panels'
import { BridgeContext } from './bridge'
import { CaseBar } from './cases/CaseBar'
import { DevicePane } from './devices/DevicePane'
import { DiagnosisPane, type PathStatus } from './diagnosis/DiagnosisPane'
import { I18nContext, translatorFor } from './i18n'

export interface AppProps {
  /** The preload bridge; absent when the renderer runs in a plain browser (tests, previews). */
  bridge?: UnmaskBridge
}

export function App({ bridge }: AppProps) {
  const [language, setLanguage] = useState<Language>(() => languageFromLocale(navigator.language))
  const [cases, setCases] = useState<CaseSummary[]>([])
  const [caseId, setCaseId] = useState<string>()
  const [deviceTexts, setDeviceTexts] = useState<Array<{ source: string; text: string }>>([])
  const [mailPath, setMailPath] = useState<PathStatus>()
  const [devicesConnected, setDevicesConnected] = useState(0)
  const [version, setVersion] = useState<string>('')
  const [secretsStorable, setSecretsStorable] = useState(false)
  const t = translatorFor(language)
  const i18n = useMemo(() => ({ t, language, setLanguage }), [t, language])

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  useEffect(() => {
    if (!bridge) return
    bridge.invoke('app.info', undefined).then(
      (info) => {
        setVersion(info.version)
        setSecretsStorable(info.secretsStorable)
      },
      () => {},
    )
    bridge.invoke('cases.list', undefined).then(
      (list) => {
        setCases(list)
        setCaseId((id) => id ?? list[0]?.id)
      },
      () => {},
    )
  }, [bridge])

  return (
    <BridgeContext.Provider value={bridge}>
      <I18nContext.Provider value={i18n}>
        <div className="app">
          <header className="case-bar">
            <strong>{t('common.appName')}</strong>
            <CaseBar
              cases={cases}
              currentId={caseId}
              onSelect={setCaseId}
              onCreated={(created) => {
                setCases((all) => [created, ...all])
                setCaseId(created.id)
              }}
            />
            <span className="status" data-testid="device-status">
              {t('ui.status.devices', { count: devicesConnected })}
            </span>
            <span className={`status path-${mailPath ?? 'none'}`} data-testid="mail-path-status">
              {t(`ui.status.path.${mailPath ?? 'none'}`)}
            </span>
            <span className="spacer" />
            <label>
              {t('ui.language')}{' '}
              <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {l === 'en' ? 'English' : '한국어'}
                  </option>
                ))}
              </select>
            </label>
            {version && <span className="version">v{version}</span>}
          </header>
          <Group orientation="horizontal" className="split">
            <Panel defaultSize="55" minSize="20">
              <DevicePane
                canRememberSecrets={secretsStorable}
                onConnectedCount={setDevicesConnected}
                caseId={caseId}
                onEvidence={(evidence) =>
                  setDeviceTexts((all) => [...all.filter((x) => x.source !== evidence.source), evidence])
                }
              />
            </Panel>
            <Separator className="split-handle" />
            <Panel defaultSize="45" minSize="20">
              <DiagnosisPane caseId={caseId} deviceTexts={deviceTexts} onPathStatus={setMailPath} />
            </Panel>
          </Group>
        </div>
      </I18nContext.Provider>
    </BridgeContext.Provider>
  )
}
