/**
 * The app frame: a case bar above a resizable split of device terminal (left) and diagnosis (right). It starts on
 * the start screen (no case is reopened silently), holds the change clock the panes share (job.tsx) and the
 * keyboard accelerators (keys.ts).
 */

import type { UnmaskBridge } from '@shared/api'
import type { CaseSummary } from '@shared/cases'
import { LANGUAGES, type Language, languageFromLocale } from '@shared/i18n'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Group, Panel, Separator } from 'react-resizable-panels'
import { FleetAuditButton } from './audit/FleetAudit'
import { BridgeContext } from './bridge'
import { CaseBar } from './cases/CaseBar'
import { JobSteps, StartScreen } from './cases/StartScreen'
import { DevicePane } from './devices/DevicePane'
import { DiagnosisPane, type PathStatus } from './diagnosis/DiagnosisPane'
import { I18nContext, translatorFor } from './i18n'
import { type Job, JobContext } from './job'
import { KeysHelp } from './KeysHelp'
import { useAccelerators } from './keys'

export interface AppProps {
  /** The preload bridge; absent when the renderer runs in a plain browser (tests, previews). */
  bridge?: UnmaskBridge
}

export function App({ bridge }: AppProps) {
  const [language, setLanguage] = useState<Language>(() => languageFromLocale(navigator.language))
  const [cases, setCases] = useState<CaseSummary[]>([])
  const [caseId, setCaseId] = useState<string>()
  const [started, setStarted] = useState(false)
  const [deviceTexts, setDeviceTexts] = useState<Array<{ source: string; text: string }>>([])
  const [mailPath, setMailPath] = useState<PathStatus>()
  const [devicesConnected, setDevicesConnected] = useState(0)
  const [version, setVersion] = useState<string>('')
  const [secretsStorable, setSecretsStorable] = useState(false)
  const [clock, setClock] = useState({ epoch: 0, rerun: 0 })
  const [profileId, setProfileId] = useState<string>()
  const [reported, setReported] = useState(false)
  const [remembered, setRemembered] = useState<ReadonlySet<string>>(new Set())
  const rememberProfile = useCallback((id: string) => setRemembered((all) => new Set([...all, id])), [])
  const t = translatorFor(language)
  const i18n = useMemo(() => ({ t, language, setLanguage }), [t, language])
  useAccelerators()

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
    bridge.invoke('cases.list', undefined).then(setCases, () => {})
  }, [bridge])

  const fixChanged = useCallback(() => {
    // Device output read before the change describes the old configuration: it leaves the diagnosis.
    setDeviceTexts([])
    setClock((c) => ({ ...c, epoch: c.epoch + 1 }))
  }, [])
  const fixVerified = useCallback(() => setClock((c) => ({ ...c, rerun: c.rerun + 1 })), [])
  const engineer = cases.find((c) => c.id === caseId)?.engineer
  const job: Job = useMemo(
    () => ({
      engineer,
      profileId,
      remembered,
      rememberProfile,
      epoch: clock.epoch,
      rerun: clock.rerun,
      fixChanged,
      fixVerified,
    }),
    [engineer, profileId, remembered, rememberProfile, clock, fixChanged, fixVerified],
  )
  const open = (id: string | undefined) => {
    setCaseId(id)
    setStarted(true)
  }
  const created = (c: CaseSummary) => {
    setCases((all) => [c, ...all])
    open(c.id)
  }

  return (
    <BridgeContext.Provider value={bridge}>
      <I18nContext.Provider value={i18n}>
        <JobContext.Provider value={job}>
          <div className="app">
            <header className="case-bar">
              <strong>{t('common.appName')}</strong>
              {started && (
                <CaseBar
                  cases={cases}
                  currentId={caseId}
                  onSelect={setCaseId}
                  onCreated={created}
                  onExported={() => setReported(true)}
                />
              )}
              {started && (
                <FleetAuditButton
                  caseId={caseId}
                  onEvidence={(e) => setDeviceTexts((all) => [...all.filter((x) => x.source !== e.source), e])}
                />
              )}
              {started && (
                <>
                  <span className="status" data-testid="device-status">
                    {t('ui.status.devices', { count: devicesConnected })}
                  </span>
                  <span className={`status path-${mailPath ?? 'none'}`} data-testid="mail-path-status">
                    {t(`ui.status.path.${mailPath ?? 'none'}`)}
                  </span>
                </>
              )}
              <span className="spacer" />
              <label>
                <span className="visually-hidden">{t('ui.language')}</span>
                <select
                  aria-label={t('ui.language')}
                  value={language}
                  onChange={(e) => setLanguage(e.target.value as Language)}
                >
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {l === 'en' ? 'English' : '한국어'}
                    </option>
                  ))}
                </select>
              </label>
              {version && <span className="version">v{version}</span>}
            </header>
            {started ? (
              <Group orientation="horizontal" className="split">
                <Panel defaultSize="50" minSize="20">
                  <DevicePane
                    canRememberSecrets={secretsStorable}
                    onConnectedCount={setDevicesConnected}
                    onActiveProfile={setProfileId}
                    caseId={caseId}
                    onEvidence={(evidence) =>
                      setDeviceTexts((all) => [...all.filter((x) => x.source !== evidence.source), evidence])
                    }
                  />
                </Panel>
                <Separator className="split-handle" />
                <Panel defaultSize="50" minSize="20">
                  <DiagnosisPane caseId={caseId} deviceTexts={deviceTexts} onPathStatus={setMailPath} />
                </Panel>
              </Group>
            ) : (
              <StartScreen cases={cases} onOpen={open} onCreated={created} />
            )}
            <footer className="job-bar">
              {started && (
                <JobSteps
                  compact
                  done={[
                    caseId !== undefined,
                    devicesConnected > 0,
                    deviceTexts.length > 0 || clock.epoch > 0,
                    mailPath !== undefined,
                    clock.epoch > 0,
                    reported,
                  ]}
                />
              )}
              <KeysHelp />
            </footer>
          </div>
        </JobContext.Provider>
      </I18nContext.Provider>
    </BridgeContext.Provider>
  )
}
