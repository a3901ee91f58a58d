/** Builds the main-process services once, for the Electron app and for the e2e harness alike. */

import type { ProbeOptions } from '../shared/probe/types'
import type { DesktopShell, Services } from './api-handlers'
import { AuditService } from './audit/audit-service'
import { CaptureService } from './capture/capture-service'
import { CaseStore } from './cases/case-store'
import { HostKeyQuestions } from './device/host-key-questions'
import { InvestigationService } from './investigation/investigation-service'
import { ProfileStore } from './profiles/profile-store'
import { RemediationService } from './remediation/remediation-service'
import type { PdfPrinter } from './report/printer'
import { ReportService } from './report/report-service'
import { type Encryptor, SecretStore } from './secrets/secret-store'
import { channelOpener, knownHostsFile } from './sessions/open-channel'
import { type Emit, type OpenChannel, SessionService } from './sessions/session-service'
import { HostKeyTrust } from './transports/host-key-trust'

export interface ServiceOptions {
  home: string
  emit: Emit
  encryptor: Encryptor | null
  platform?: string
  openChannel?: OpenChannel
  probeOptions?: ProbeOptions
  /** Makes the PDF printer for report exports (Electron's in the app, Chromium elsewhere). */
  printer?: () => PdfPrinter
  fontsDir?: string
  /** Asks the user for a folder (Electron's dialog in the app); the fleet audit's "Open folder…". */
  chooseFolder?: () => Promise<string | null>
  /** Electron's shell in the app (opening an exported report); absent in tests and the CLI. */
  shell?: DesktopShell
}

export function createServices(options: ServiceOptions): Services {
  const cases = new CaseStore(options.home)
  const openChannel = options.openChannel ?? channelOpener(options.home)
  const hostKeys = new HostKeyQuestions(options.emit)
  const sessions = new SessionService(openChannel, options.emit, undefined, cases, hostKeys)
  const noPrinter = (): PdfPrinter => {
    throw new Error('no PDF printer in this environment')
  }
  return {
    audit: new AuditService({ emit: options.emit, chooseFolder: options.chooseFolder }),
    cases,
    sessions,
    investigation: new InvestigationService(cases, options.probeOptions),
    remediation: new RemediationService(cases, openChannel, hostKeys, options.emit),
    capture: new CaptureService(cases, openChannel, hostKeys, options.emit),
    reports: new ReportService(options.home, cases, options.printer ?? noPrinter, options.fontsDir),
    profiles: new ProfileStore(options.home),
    secrets: new SecretStore(options.home, options.encryptor),
    platform: options.platform ?? process.platform,
    knownHosts: new HostKeyTrust({ storeFile: knownHostsFile(options.home) }),
    shell: options.shell,
  }
}

/**
 * Ends every device connection the services hold (terminal sessions, remediation runs, guided captures): the app
 * calls it when it quits, so no SSH session is left to time out on the firewall. A capture cut this way is removed by
 * the next capture session on that device (its journal keeps what was created).
 */
export async function closeDeviceConnections(services: Pick<Services, 'sessions' | 'remediation' | 'capture'>) {
  await Promise.allSettled([
    services.sessions.closeAll(),
    services.remediation.closeAll(),
    services.capture?.closeAll(),
  ])
}
