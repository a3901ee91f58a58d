/**
 * The capture panel's side in main: one guided capture per panel, on its own connection to the device (the terminal
 * tab stays the engineer's), writing to the case the panel was opened for. Opening it also looks in the journals
 * (this case and the recent others, ./capture-history.ts) for captures an earlier run left on this device and returns
 * their removal as a proposal with its token: the panel shows it first. Everything else goes through GuidedCapture.
 */
import { randomUUID } from 'node:crypto'
import type { CleanupProposal } from '../../shared/capture/guided/types'
import type { DeviceProfile } from '../../shared/profiles'
import type { CaseStore } from '../cases/case-store'
import type { HostKeyQuestions } from '../device/host-key-questions'
import { SessionLog } from '../device/session-log'
import { openProfileLink, profilePeer } from '../fix/profile-link'
import type { Emit, OpenChannel, SessionCredentials } from '../sessions/session-service'
import { captureHistory } from './capture-history'
import { GuidedCapture, type RunRequest } from './guided-capture'

interface Open {
  capture: GuidedCapture
  /** Closes the connection, the session log and the case handle, in that order. */
  dispose: () => Promise<void>
}

export class CaptureService {
  private readonly open = new Map<string, Open>()

  constructor(
    private readonly cases: CaseStore,
    private readonly openChannel: OpenChannel,
    private readonly hostKeys: Pick<HostKeyQuestions, 'ask'>,
    private readonly emit?: Emit,
  ) {}

  async start(
    caseId: string,
    profile: DeviceProfile,
    credentials: SessionCredentials,
  ): Promise<{ captureId: string; device: string; cleanup: CleanupProposal | null }> {
    const captureId = randomUUID()
    const handle = this.cases.open(caseId)
    const log = new SessionLog(handle, {
      peer: profilePeer(profile),
      transport: profile.transport,
      secrets: [credentials.password, credentials.secret],
    })
    try {
      // Host-key questions for this connection carry the capture's id where a fix run's would carry its fixId.
      const link = await openProfileLink({
        openChannel: this.openChannel,
        profile,
        credentials,
        hostKeys: this.hostKeys,
        runId: captureId,
        log,
      })
      const capture = new GuidedCapture({
        link,
        journal: handle,
        onStep: (step, detail) => this.emit?.('capture.step', { captureId, step, detail }),
      })
      const dispose = async () => {
        await link.close()
        log.close('closed')
        handle.close()
      }
      this.open.set(captureId, { capture, dispose })
      const cleanup = await capture.remover.proposeCleanup(captureHistory(this.cases, handle.dir))
      return { captureId, device: capture.remover.deviceName(), cleanup }
    } catch (error) {
      log.close('connect failed')
      handle.close()
      throw error
    }
  }

  propose(captureId: string, request: Parameters<GuidedCapture['propose']>[0]) {
    return this.get(captureId).capture.propose(request)
  }

  run(captureId: string, request: RunRequest) {
    return this.get(captureId).capture.run(request)
  }

  cleanup(captureId: string, token: string, confirmedBy: string) {
    return this.get(captureId).capture.remover.cleanup(token, confirmedBy)
  }

  /** Ends one capture session (the panel closed); unknown ids are ignored. */
  async close(captureId: string): Promise<void> {
    const open = this.open.get(captureId)
    this.open.delete(captureId)
    await open?.dispose()
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()]
    this.open.clear()
    await Promise.all(all.map((o) => o.dispose()))
  }

  private get(captureId: string): Open {
    const open = this.open.get(captureId)
    if (!open) throw new Error('no such capture session')
    return open
  }
}
