/**
 * The main-process side of the contract as plain functions: validation and dispatch live here, free of
 * Electron, so the CLI-free tests and the e2e harness (which serves the renderer without Electron) use
 * exactly the code the app uses.
 */

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import pkg from '../../package.json'
import {
  type ApiError,
  isRequestName,
  type RequestName,
  type RequestOutput,
  type RequestParsed,
  requests,
  samePhrase,
} from '../shared/api'
import { createTranslator } from '../shared/i18n'
import { JOURNAL } from '../shared/journal'
import { AuditService } from './audit/audit-service'
import type { CaptureService } from './capture/capture-service'
import type { CaseStore } from './cases/case-store'
import type { InvestigationService } from './investigation/investigation-service'
import { MailPolicyService } from './mail-policy/service'
import type { ProfileStore } from './profiles/profile-store'
import type { RemediationService } from './remediation/remediation-service'
import type { ReportService } from './report/report-service'
import type { SecretStore } from './secrets/secret-store'
import type { SessionService } from './sessions/session-service'
import { runEgressCheck } from './smtp/egress'
import type { HostKeyTrust } from './transports/host-key-trust'

/** One function per method; each gets its input already parsed by `dispatch` (defaults filled in). */
export type Handlers = {
  [M in RequestName]: (input: RequestParsed<M>) => Promise<RequestOutput<M>> | RequestOutput<M>
}

export interface Services {
  cases: CaseStore
  profiles: ProfileStore
  secrets: SecretStore
  sessions: SessionService
  investigation: InvestigationService
  remediation: RemediationService
  reports: ReportService
  platform: string
  /**
   * `mailPolicy.probe` (issue 17): its resolver, MX port and policy-host CA/port are set in main (the lab's in tests);
   * the system's when not given.
   */
  mailPolicy?: MailPolicyService
  /** The fleet audit (issue 19); made on first use when not given. */
  audit?: AuditService
  /** The desktop's file handlers (Electron's `shell`), for opening an exported report; absent outside the app. */
  shell?: DesktopShell
  /** Unmask's known_hosts, for replacing a changed key the user verified (issue 18 point 7). */
  knownHosts?: Pick<HostKeyTrust, 'forget'>
  /** The guided packet capture on a device (issue 21). */
  capture?: CaptureService
}

export interface DesktopShell {
  /** Resolves to an error text, empty when the file was opened (Electron's shell.openPath). */
  openPath(path: string): Promise<string>
  showItemInFolder(path: string): void
}

/** A saved device profile and its credentials: the ones typed now, else the ones the keychain holds for it. */
function deviceAndCredentials(services: Services, profileId: string, password?: string, secret?: string) {
  const profile = services.profiles.read().devices.find((d) => d.id === profileId)
  if (!profile) throw new Error('no such device profile')
  const credentials = {
    password: password ?? services.secrets.get(profile, 'password'),
    secret: secret ?? services.secrets.get(profile, 'enable'),
  }
  return { profile, credentials }
}

export function createHandlers(services: Services): Handlers {
  const audit = services.audit ?? new AuditService()
  const mailPolicy = services.mailPolicy ?? new MailPolicyService(services.cases)
  const captureService = () => {
    if (!services.capture) throw new Error('no capture service')
    return services.capture
  }
  return {
    'app.info': () => ({
      name: 'Unmask',
      version: pkg.version,
      platform: services.platform,
      secretsStorable: services.secrets.canStore,
    }),
    'cases.list': () => services.cases.list(),
    'cases.create': (input) => {
      const handle = services.cases.create(input)
      handle.close()
      const { entries: _e, problems: _p, attachments: _a, ...summary } = services.cases.read(handle.id)
      return summary
    },
    'probe.run': (input) => {
      const { targets, caseId } = input
      return services.investigation.runProbes(targets, caseId)
    },
    'probe.egress': async ({ targets, caseId }) => {
      const journal = caseId ? services.cases.open(caseId) : undefined
      try {
        const report = await runEgressCheck({ targets }, {}, journal)
        return {
          defaultList: report.defaultList,
          results: report.probes.map((p) => p.result),
          conclusion: report.conclusion,
        }
      } finally {
        journal?.close()
      }
    },
    'mailPolicy.probe': ({ domain, caseId }) => mailPolicy.probe(domain, caseId),
    'analysis.run': (input) => {
      const { texts, probes, caseId, captures } = input
      return services.investigation.analyze(texts, probes, caseId, captures)
    },
    'capture.list': (input) => services.investigation.captures(input.caseId),
    'fix.start': (request) => {
      const { profile, credentials } = deviceAndCredentials(
        services,
        request.profileId,
        request.password,
        request.secret,
      )
      return services.remediation.start(request, profile, credentials)
    },
    'fix.preview': (input) => {
      const { fixId, remedyId } = input
      return services.remediation.preview(fixId, remedyId)
    },
    'fix.previewUndo': (input) => services.remediation.previewUndo(input.fixId),
    'fix.apply': (input) => {
      const { fixId, ...request } = input
      return services.remediation.apply(fixId, request)
    },
    'fix.verify': (input) => {
      const { fixId, remedyId } = input
      return services.remediation.verify(fixId, remedyId)
    },
    'fix.requestSave': (input) => services.remediation.requestSave(input.fixId),
    'fix.save': (input) => {
      const { fixId, token, confirmedBy } = input
      return services.remediation.save(fixId, token, confirmedBy)
    },
    'fix.declineSave': (input) => {
      const { fixId, confirmedBy } = input
      services.remediation.declineSave(fixId, confirmedBy)
    },
    'fix.close': (input) => services.remediation.close(input.fixId),
    'capture.start': ({ profileId, caseId, password, secret }) => {
      const { profile, credentials } = deviceAndCredentials(services, profileId, password, secret)
      return captureService().start(caseId, profile, credentials)
    },
    'capture.propose': ({ captureId, ...request }) => captureService().propose(captureId, request),
    'capture.run': ({ captureId, token, confirmedBy, probe }) =>
      captureService().run(captureId, { token, confirmedBy, probeTarget: { ...probe, vantage: 'through' } }),
    'capture.cleanup': ({ captureId, token, confirmedBy }) => captureService().cleanup(captureId, token, confirmedBy),
    'capture.close': ({ captureId }) => captureService().close(captureId),
    'report.preview': (input) => {
      const { caseId, lang } = input
      return services.reports.preview(caseId, lang)
    },
    'report.export': (input) => {
      const { caseId, lang } = input
      return services.reports.export(caseId, lang)
    },
    'report.reveal': async ({ caseId, file, folder }) => {
      const path = join(services.cases.root, caseId, 'reports', file)
      if (!existsSync(path)) throw new Error('no such report in this case')
      if (!services.shell) throw new Error('no desktop to open files with')
      if (folder) services.shell.showItemInFolder(path)
      else {
        const problem = await services.shell.openPath(path)
        if (problem) throw new Error(problem)
      }
    },
    'profiles.list': () => services.profiles.read(),
    'profiles.saveDevice': (input) => {
      const profile = input
      // A remembered secret belongs to the transport, host, port and user it was typed for (issue 14).
      services.secrets.keepOnlyFor(profile)
      return services.profiles.saveDevice(profile)
    },
    'profiles.saveMailTarget': (input) => services.profiles.saveMailTarget(input),
    'secrets.remembered': () =>
      services.profiles
        .read()
        .devices.filter((p) => services.secrets.has(p, 'password'))
        .map((p) => p.id),
    'profiles.remove': (input) => {
      const { id } = input
      services.secrets.forget(id)
      return services.profiles.remove(id)
    },
    'session.open': async (input) => {
      const { profileId, password, secret, remember, caseId } = input
      const { profile, credentials } = deviceAndCredentials(services, profileId, password, secret)
      const opened = await services.sessions.open(profile, credentials, caseId)
      // Remember only what worked, and only where the OS can encrypt it.
      if (remember && password !== undefined) services.secrets.set(profile, 'password', password)
      if (remember && secret !== undefined) services.secrets.set(profile, 'enable', secret)
      return opened
    },
    'session.runEvidence': (input) => services.sessions.runEvidence(input.sessionId),
    'session.attach': (input) => services.sessions.attach(input.sessionId),
    'session.write': (input) => {
      const { sessionId, data } = input
      services.sessions.write(sessionId, data)
    },
    'session.resize': (input) => {
      const { sessionId, cols, rows } = input
      services.sessions.resize(sessionId, cols, rows)
    },
    'session.ack': (input) => {
      const { sessionId, chars } = input
      services.sessions.ack(sessionId, chars)
    },
    'session.close': (input) => services.sessions.close(input.sessionId),
    'session.hostKeyDecision': (input) => {
      const { requestId, accept } = input
      services.sessions.decideHostKey(requestId, accept)
    },
    'hostKeys.replace': (input) => {
      // The phrase is typed in the dialog: a deliberate act, checked here too so no caller can skip it.
      if (!samePhrase(input.confirmation, createTranslator(input.lang)('ui.hostKeyChanged.phrase')))
        throw new Error('the confirmation phrase was not typed')
      if (!services.knownHosts) throw new Error('no known_hosts store')
      const result = services.knownHosts.forget(input.host, input.port, input.previous)
      if (input.caseId) {
        const handle = services.cases.open(input.caseId)
        try {
          handle.append(JOURNAL.hostKeyReplaced, {
            host: input.host,
            port: input.port,
            previous: input.previous,
            next: input.next,
            removed: result.removed,
          })
        } finally {
          handle.close()
        }
      }
      return result
    },
    'audit.run': (input) => audit.run(input.paths),
    'audit.read': (input) => audit.read(input.file),
    'audit.export': ({ caseId, ...table }) => audit.export(services.cases, caseId, table),
    'audit.chooseFolder': () => audit.chooseFolder(),
  }
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiError }

/** Failures with a stable code and parameters (TransportError, DriverError) have a message in the catalogue. */
const en = createTranslator('en')
export function toApiError(error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error)
  const coded = error as { code?: unknown; params?: unknown } | null
  if (coded && typeof coded === 'object' && typeof coded.code === 'string' && /^[a-z]\w*$/.test(coded.code)) {
    const key = `device.errors.${coded.code}`
    if (en(key) !== key) {
      const params: Record<string, string | number> = {}
      if (coded.params && typeof coded.params === 'object')
        for (const [name, value] of Object.entries(coded.params))
          if (typeof value === 'string' || typeof value === 'number') params[name] = value
      return { code: 'failed', key, params, message }
    }
  }
  return { code: 'failed', message }
}

/** Validates the method and input against the contract (once), runs the handler with the parsed input, never throws. */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<DispatchResult> {
  if (!isRequestName(method)) return { ok: false, error: { code: 'unknown-method', message: 'unknown method' } }
  const parsed = requests[method].input.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: parsed.error.issues.map((i) => i.message).join('; ') },
    }
  }
  try {
    // The handler table is indexed by the same name the input was parsed for.
    const handler = handlers[method] as (input: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    return { ok: false, error: toApiError(error) }
  }
}
