/**
 * The main-process side of the contract as plain functions: validation and dispatch live here, free of
 * Electron, so the CLI-free tests and the e2e harness (which serves the renderer without Electron) use
 * exactly the code the app uses.
 */

import type { z } from 'zod'
import pkg from '../../package.json'
import { type ApiError, isRequestName, type RequestName, type RequestOutput, requests } from '../shared/api'
import { AuditService } from './audit/audit-service'
import type { CaseStore } from './cases/case-store'
import type { InvestigationService } from './investigation/investigation-service'
import type { ProfileStore } from './profiles/profile-store'
import type { RemediationService } from './remediation/remediation-service'
import type { ReportService } from './report/report-service'
import type { SecretStore } from './secrets/secret-store'
import type { SessionService } from './sessions/session-service'

export type Handlers = { [M in RequestName]: (input: unknown) => Promise<RequestOutput<M>> | RequestOutput<M> }

export interface Services {
  cases: CaseStore
  profiles: ProfileStore
  secrets: SecretStore
  sessions: SessionService
  investigation: InvestigationService
  remediation: RemediationService
  reports: ReportService
  platform: string
  /** The fleet audit (issue 19); made on first use when not given. */
  audit?: AuditService
}

type Parsed<M extends RequestName> = z.output<(typeof requests)[M]['input']>
const parse = <M extends RequestName>(method: M, input: unknown): Parsed<M> =>
  (requests[method].input as unknown as z.ZodType<Parsed<M>>).parse(input)

export function createHandlers(services: Services): Handlers {
  const audit = services.audit ?? new AuditService()
  return {
    'app.info': () => ({
      name: 'Unmask',
      version: pkg.version,
      platform: services.platform,
      secretsStorable: services.secrets.canStore,
    }),
    'cases.list': () => services.cases.list(),
    'cases.create': (input) => {
      const handle = services.cases.create(parse('cases.create', input))
      handle.close()
      const { entries: _e, problems: _p, attachments: _a, ...summary } = services.cases.read(handle.id)
      return summary
    },
    'probe.run': (input) => {
      const { targets, caseId } = parse('probe.run', input)
      return services.investigation.runProbes(targets, caseId)
    },
    'analysis.run': (input) => {
      const { texts, probes, caseId } = parse('analysis.run', input)
      return services.investigation.analyze(texts, probes, caseId)
    },
    'fix.start': (input) => {
      const { profileId, caseId, password, secret, lang } = parse('fix.start', input)
      const profile = services.profiles.read().devices.find((d) => d.id === profileId)
      if (!profile) throw new Error('no such device profile')
      const credentials = {
        password: password ?? services.secrets.get(profile, 'password'),
        secret: secret ?? services.secrets.get(profile, 'enable'),
      }
      return services.remediation.start({ profile, credentials, caseId, lang })
    },
    'fix.preview': (input) => {
      const { fixId, remedyId } = parse('fix.preview', input)
      return services.remediation.preview(fixId, remedyId)
    },
    'fix.previewUndo': (input) => services.remediation.previewUndo(parse('fix.previewUndo', input).fixId),
    'fix.apply': (input) => {
      const { fixId, ...request } = parse('fix.apply', input)
      return services.remediation.apply(fixId, request)
    },
    'fix.verify': (input) => {
      const { fixId, remedyId } = parse('fix.verify', input)
      return services.remediation.verify(fixId, remedyId)
    },
    'fix.requestSave': (input) => services.remediation.requestSave(parse('fix.requestSave', input).fixId),
    'fix.save': (input) => {
      const { fixId, token, confirmedBy } = parse('fix.save', input)
      return services.remediation.save(fixId, token, confirmedBy)
    },
    'fix.declineSave': (input) => {
      const { fixId, confirmedBy } = parse('fix.declineSave', input)
      services.remediation.declineSave(fixId, confirmedBy)
    },
    'fix.close': (input) => services.remediation.close(parse('fix.close', input).fixId),
    'report.preview': (input) => {
      const { caseId, lang } = parse('report.preview', input)
      return services.reports.preview(caseId, lang)
    },
    'report.export': (input) => {
      const { caseId, lang } = parse('report.export', input)
      return services.reports.export(caseId, lang)
    },
    'profiles.list': () => services.profiles.read(),
    'profiles.saveDevice': (input) => {
      const profile = parse('profiles.saveDevice', input)
      // A remembered secret belongs to the transport, host, port and user it was typed for (issue 14).
      services.secrets.keepOnlyFor(profile)
      return services.profiles.saveDevice(profile)
    },
    'profiles.saveMailTarget': (input) => services.profiles.saveMailTarget(parse('profiles.saveMailTarget', input)),
    'profiles.remove': (input) => {
      const { id } = parse('profiles.remove', input)
      services.secrets.forget(id)
      return services.profiles.remove(id)
    },
    'session.open': async (input) => {
      const { profileId, password, secret, remember, caseId } = parse('session.open', input)
      const profile = services.profiles.read().devices.find((d) => d.id === profileId)
      if (!profile) throw new Error('no such device profile')
      const credentials = {
        password: password ?? services.secrets.get(profile, 'password'),
        secret: secret ?? services.secrets.get(profile, 'enable'),
      }
      const opened = await services.sessions.open(profile, credentials, caseId)
      // Remember only what worked, and only where the OS can encrypt it.
      if (remember && password !== undefined) services.secrets.set(profile, 'password', password)
      if (remember && secret !== undefined) services.secrets.set(profile, 'enable', secret)
      return opened
    },
    'session.runEvidence': (input) => services.sessions.runEvidence(parse('session.runEvidence', input).sessionId),
    'session.attach': (input) => services.sessions.attach(parse('session.attach', input).sessionId),
    'session.write': (input) => {
      const { sessionId, data } = parse('session.write', input)
      services.sessions.write(sessionId, data)
    },
    'session.resize': (input) => {
      const { sessionId, cols, rows } = parse('session.resize', input)
      services.sessions.resize(sessionId, cols, rows)
    },
    'session.ack': (input) => {
      const { sessionId, chars } = parse('session.ack', input)
      services.sessions.ack(sessionId, chars)
    },
    'session.close': (input) => services.sessions.close(parse('session.close', input).sessionId),
    'session.hostKeyDecision': (input) => {
      const { requestId, accept } = parse('session.hostKeyDecision', input)
      services.sessions.decideHostKey(requestId, accept)
    },
    'audit.run': (input) => audit.run(parse('audit.run', input).paths),
    'audit.read': (input) => audit.read(parse('audit.read', input).file),
    'audit.export': (input) => {
      const { caseId, ...table } = parse('audit.export', input)
      return audit.export(services.cases, caseId, table)
    },
  }
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiError }

/** Validates the method and input against the contract, runs the handler and never throws. */
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
    return { ok: true, value: await handlers[method](parsed.data) }
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } }
  }
}
