/** Left pane: saved device profiles, one terminal tab per live session, host-key questions. */

import type { EventPayload } from '@shared/api'
import type { DeviceProfile } from '@shared/profiles'
import { useCallback, useEffect, useRef, useState } from 'react'
import { bridgeSource, useBridge, useBridgeEvent } from '../bridge'
import { CapturePanel } from '../capture/CapturePanel'
import { describeError } from '../errors'
import { useI18n } from '../i18n'
import { useJob } from '../job'
import { EVIDENCE_EVENT } from '../keys'
import { TerminalView } from '../terminal/TerminalView'
import type { TerminalSource } from '../terminal/types'
import { ConnectFlow } from './ConnectFlow'
import { HostKeyDialog } from './HostKeyDialog'
import { ProfileDialogs } from './ProfileDialogs'
import { parseQuickTarget, QuickConnect } from './QuickConnect'
import { SessionTabs, type Tab } from './SessionTabs'
import { useProfiles } from './use-profiles'

export interface DevicePaneProps {
  canRememberSecrets: boolean
  /** Sessions opened while a case is open log into it. */
  caseId?: string
  /** The evidence script's transcript, for the diagnosis. */
  onEvidence?: (evidence: { source: string; text: string }) => void
  /** How many device sessions are connected, for the case bar. */
  onConnectedCount?: (count: number) => void
  /** The profile of the connected session in view (the fix dialog starts on it). */
  onActiveProfile?: (profileId: string | undefined) => void
}

export function DevicePane(props: DevicePaneProps) {
  const { canRememberSecrets, caseId, onEvidence, onConnectedCount, onActiveProfile } = props
  const bridge = useBridge()
  const { t } = useI18n()
  const { profiles, selected, setSelected, save, remove } = useProfiles()
  const [creating, setCreating] = useState(false)
  const [quickError, setQuickError] = useState<string>()
  const [editing, setEditing] = useState<DeviceProfile>()
  const [deleting, setDeleting] = useState<DeviceProfile>()
  const [connecting, setConnecting] = useState<DeviceProfile | null>(null)
  const [tabs, setTabs] = useState<Tab[]>([])
  const [active, setActive] = useState<string>()
  const [questions, setQuestions] = useState<Array<EventPayload<'session.hostKey'>>>([])
  const [fontSize, setFontSize] = useState(14)
  const [evidenceState, setEvidenceState] = useState<{ running: boolean; message?: string }>({ running: false })
  /** The session just opened: its terminal takes the focus (typing goes to the device, not to the Connect button). */
  const [focusSession, setFocusSession] = useState<string>()
  const job = useJob()

  const connectedCount = tabs.filter((tab) => tab.state === 'connected').length
  useEffect(() => onConnectedCount?.(connectedCount), [connectedCount, onConnectedCount])

  useBridgeEvent(
    'session.state',
    useCallback((p: EventPayload<'session.state'>) => {
      setTabs((all) => all.map((tab) => (tab.sessionId === p.sessionId ? { ...tab, state: p.state } : tab)))
    }, []),
  )
  useBridgeEvent(
    'session.hostKey',
    useCallback((q: EventPayload<'session.hostKey'>) => setQuestions((all) => [...all, q]), []),
  )

  const saveProfile = async (profile: DeviceProfile) => {
    const saved = await save(profile)
    setCreating(false)
    setEditing(undefined)
    return saved
  }

  const removeProfile = async (profile: DeviceProfile) => {
    await remove(profile)
    setDeleting(undefined)
  }

  /** Quick connect: `user@host[:port]` becomes a saved SSH profile named after the host, then connects. */
  const quickConnect = async (text: string) => {
    const parsed = parseQuickTarget(text)
    if (!parsed) {
      setQuickError(t('ui.device.quickBad', { input: text }))
      return
    }
    setQuickError(undefined)
    const existing = profiles.find(
      (p) =>
        p.transport === 'ssh' && p.host === parsed.host && p.port === parsed.port && p.username === parsed.username,
    )
    const profile =
      existing ??
      (await saveProfile({
        id: crypto.randomUUID(),
        name: parsed.port === 22 ? parsed.host : `${parsed.host}:${parsed.port}`,
        transport: 'ssh',
        legacy: false,
        backspace: 'del',
        ...parsed,
      }))
    if (profile) setConnecting(profile)
  }

  /** A closed or failed tab connects again with the same profile; the old tab (its scrollback) goes. */
  const reconnect = (tab: Tab) => {
    closeTab(tab.sessionId)
    setConnecting(tab.profile)
  }

  const runEvidence = async (sessionId: string) => {
    if (!bridge) return
    setEvidenceState({ running: true })
    try {
      const evidence = await bridge.invoke('session.runEvidence', { sessionId })
      onEvidence?.({ source: evidence.source, text: evidence.transcript })
      const key = evidence.enabled ? 'ui.device.evidenceDone' : 'ui.device.evidenceUnprivileged'
      const platform = t(`device.platforms.${evidence.platform}`, { defaultValue: evidence.platform })
      setEvidenceState({ running: false, message: t(key, { platform }) })
    } catch (error) {
      setEvidenceState({ running: false, message: t('ui.device.evidenceFailed', { message: describeError(error, t) }) })
    }
  }

  const closeTab = (sessionId: string) => {
    void bridge?.invoke('session.close', { sessionId }).catch(() => {})
    sources.current.delete(sessionId)
    setTabs((all) => all.filter((tab) => tab.sessionId !== sessionId))
    setActive((current) => (current === sessionId ? undefined : current))
  }

  // One source per session, created once and kept for the session's life.
  const sources = useRef(new Map<string, TerminalSource>())
  const sourceFor = (sessionId: string): TerminalSource | undefined => {
    if (!bridge) return undefined
    let source = sources.current.get(sessionId)
    if (!source) {
      source = bridgeSource(bridge, sessionId)
      sources.current.set(sessionId, source)
    }
    return source
  }
  const current = tabs.find((tab) => tab.sessionId === active) ?? tabs.at(-1)
  const selectedProfile = profiles.find((p) => p.id === selected)
  const activeProfile = current?.state === 'connected' ? current.profile.id : undefined
  useEffect(() => onActiveProfile?.(activeProfile), [activeProfile, onActiveProfile])
  const runRef = useRef(() => {})
  runRef.current = () => {
    if (current?.state === 'connected' && !evidenceState.running) void runEvidence(current.sessionId)
  }
  // The accelerator, and the re-run after a verified fix: the evidence script runs again by itself.
  useEffect(() => {
    const run = () => runRef.current()
    window.addEventListener(EVIDENCE_EVENT, run)
    return () => window.removeEventListener(EVIDENCE_EVENT, run)
  }, [])
  useEffect(() => {
    if (job.rerun > 0) runRef.current()
  }, [job.rerun])

  return (
    <section className="pane terminal-pane" aria-label={t('ui.terminal')}>
      <div className="toolbar">
        <label>
          {t('ui.device.profile')}{' '}
          <select value={selected} onChange={(e) => setSelected(e.target.value)} aria-label={t('ui.device.profile')}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!selectedProfile}
          onClick={() => selectedProfile && setConnecting(selectedProfile)}
        >
          {t('ui.device.connect')}
        </button>
        <button type="button" onClick={() => setCreating(true)}>
          {t('ui.device.newProfile')}
        </button>
        <button type="button" disabled={!selectedProfile} onClick={() => setEditing(selectedProfile)}>
          {t('ui.device.edit')}
        </button>
        <button type="button" disabled={!selectedProfile} onClick={() => setDeleting(selectedProfile)}>
          {t('ui.device.delete')}
        </button>
        <button
          type="button"
          disabled={current?.state !== 'connected'}
          aria-busy={evidenceState.running}
          aria-keyshortcuts="Control+Shift+E"
          onClick={() => runRef.current()}
        >
          {evidenceState.running ? t('ui.device.evidenceRunning') : t('ui.device.runEvidence')}
        </button>
        <CapturePanel caseId={caseId} profileId={selectedProfile?.id} />
        {evidenceState.message && (
          <span className="hint" role="status" data-testid="evidence-status">
            {evidenceState.message}
          </span>
        )}
        <span className="spacer" />
        <button type="button" aria-label={t('ui.fontSmaller')} onClick={() => setFontSize((s) => Math.max(9, s - 1))}>
          A−
        </button>
        <button type="button" aria-label={t('ui.fontLarger')} onClick={() => setFontSize((s) => Math.min(28, s + 1))}>
          A+
        </button>
      </div>
      <SessionTabs
        tabs={tabs}
        current={current?.sessionId}
        onSelect={setActive}
        onReconnect={reconnect}
        onClose={closeTab}
      />
      {/* Every tab stays mounted (hidden when inactive) so no session loses its scrollback on a switch. */}
      {tabs.map((tab) => {
        const source = sourceFor(tab.sessionId)
        const shown = tab.sessionId === current?.sessionId
        return source ? (
          <div key={tab.sessionId} className={shown ? 'tab-panel' : 'tab-panel hidden'} role="tabpanel" hidden={!shown}>
            <TerminalView
              source={source}
              focusOnOpen={tab.sessionId === focusSession}
              fontSize={fontSize}
              backspace={tab.profile.backspace}
              onReady={shown ? exposeForTests : undefined}
            />
          </div>
        ) : null
      })}
      {tabs.length === 0 && (
        <div className="empty">
          <p>{t('ui.noSession')}</p>
          <QuickConnect onConnect={(text) => void quickConnect(text)} error={quickError} />
        </div>
      )}
      <ProfileDialogs
        creating={creating}
        editing={editing}
        deleting={deleting}
        onSave={(p) => void saveProfile(p)}
        onDelete={(p) => void removeProfile(p)}
        onCancel={() => {
          setCreating(false)
          setEditing(undefined)
          setDeleting(undefined)
        }}
      />
      {connecting && (
        <ConnectFlow
          profile={connecting}
          caseId={caseId}
          canRemember={canRememberSecrets}
          hostKeyAsked={questions[0] !== undefined}
          onConnected={(sessionId, remember) => {
            // The keychain now holds them (never for telnet: secret-store.ts keeps no telnet password).
            if (remember && connecting.transport !== 'telnet') job.rememberProfile(connecting.id)
            setTabs((all) => [...all, { sessionId, profile: connecting, state: 'connected' }])
            setActive(sessionId)
            setFocusSession(sessionId)
            setConnecting(null)
          }}
          onCancel={() => setConnecting(null)}
        />
      )}
      {questions[0] && (
        <HostKeyDialog
          question={questions[0]}
          onDecide={(accept) => {
            const q = questions[0]!
            void bridge?.invoke('session.hostKeyDecision', { requestId: q.requestId, accept }).catch(() => {})
            setQuestions((all) => all.slice(1))
          }}
        />
      )}
    </section>
  )
}

/** The e2e tests read the terminal buffer through this; harmless in the app. */
function exposeForTests(terminal: unknown): void {
  ;(window as unknown as { __unmaskTerminal?: unknown }).__unmaskTerminal = terminal
}
