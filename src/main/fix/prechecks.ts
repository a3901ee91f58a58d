/**
 * The checks a preview runs before it issues a token: the remedy is a change (not advice), it fits the platform
 * (never a CLI push to an FTD), the session is privileged, in multiple-context mode it is in the right context
 * (never the system context), the unit is not a failover standby, and the device is the one the plan was built for.
 */
import type { Remedy } from '../../shared/remedies/types'
import type { DeviceSnapshot, Precheck, PrecheckId } from './types'

export interface PrecheckOptions {
  /** The security context the plan is meant for (multiple-context mode). */
  context?: string
}

const REMEDY_PLATFORMS: Partial<Record<Remedy['id'], DeviceSnapshot['platform'][]>> = {
  'asa.allow-tls-map': ['asa', 'pix7'],
  'asa.no-inspect-esmtp': ['asa', 'pix7'],
  'pix.no-fixup-smtp': ['pix6'],
}

function check(id: PrecheckId, passed: boolean, key: string, params: Record<string, string> = {}): Precheck {
  return { id, passed, key: `fix.checks.${id}.${key}`, params }
}

export function runPrechecks(snapshot: DeviceSnapshot, remedy: Remedy, options: PrecheckOptions = {}): Precheck[] {
  const checks: Precheck[] = []
  const isChange =
    remedy.type === 'change' && remedy.commands.length > 0 && !remedy.commands.some((l) => l.mode === 'flexconfig')
  checks.push(check('changeType', isChange, isChange ? 'ok' : 'advice', { remedy: remedy.id }))

  const platform = snapshot.platform
  if (platform === 'ftd') checks.push(check('platform', false, 'ftd'))
  else if (platform === 'unknown') checks.push(check('platform', false, 'unknown'))
  else {
    const fits = REMEDY_PLATFORMS[remedy.id]?.includes(platform) ?? false
    checks.push(
      check('platform', fits, fits ? 'ok' : 'mismatch', {
        platform,
        version: snapshot.version ?? '',
        remedy: remedy.id,
      }),
    )
  }

  checks.push(
    check('privilege', snapshot.privileged, snapshot.privileged ? 'ok' : 'notPrivileged', { prompt: snapshot.prompt }),
  )

  if (snapshot.contextMode === 'multiple' || (snapshot.context && snapshot.context !== 'system')) {
    const ctx = snapshot.context ?? 'system'
    if (ctx === 'system') checks.push(check('context', false, 'system'))
    else if (options.context && options.context !== ctx)
      checks.push(check('context', false, 'wrong', { context: ctx, wanted: options.context }))
    else checks.push(check('context', true, 'ok', { context: ctx }))
  } else {
    checks.push(check('context', true, snapshot.contextMode === 'single' ? 'single' : 'unknown'))
  }

  const fo = snapshot.failover
  if (fo === 'unknown') checks.push(check('failover', true, 'unknown'))
  else if (fo.thisUnit === 'standby') checks.push(check('failover', false, 'standby'))
  else checks.push(check('failover', true, fo.enabled ? 'active' : 'off'))

  const planned = remedy.target?.hostname
  if (planned && planned.toLowerCase() !== snapshot.hostname.toLowerCase())
    checks.push(check('target', false, 'otherDevice', { planned, hostname: snapshot.hostname }))
  else checks.push(check('target', true, 'ok', { hostname: snapshot.hostname }))
  return checks
}
