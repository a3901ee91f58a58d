/** Builds the main-process services once, for the Electron app and for the e2e harness alike. */

import type { ProbeOptions } from '../shared/probe/types'
import type { Services } from './api-handlers'
import { CaseStore } from './cases/case-store'
import { InvestigationService } from './investigation/investigation-service'
import { ProfileStore } from './profiles/profile-store'
import { type Encryptor, SecretStore } from './secrets/secret-store'
import { channelOpener } from './sessions/open-channel'
import { type Emit, type OpenChannel, SessionService } from './sessions/session-service'

export interface ServiceOptions {
  home: string
  emit: Emit
  encryptor: Encryptor | null
  platform?: string
  openChannel?: OpenChannel
  probeOptions?: ProbeOptions
}

export function createServices(options: ServiceOptions): Services {
  const cases = new CaseStore(options.home)
  return {
    cases,
    investigation: new InvestigationService(cases, options.probeOptions),
    profiles: new ProfileStore(options.home),
    secrets: new SecretStore(options.home, options.encryptor),
    sessions: new SessionService(options.openChannel ?? channelOpener(options.home), options.emit),
    platform: options.platform ?? process.platform,
  }
}
