/**
 * The access-list form's device steps (PIX/ASA 7.0, src/shared/capture/guided/acl-form.ts): reading which of our
 * ACLs the running-config still has, and removing them in configuration mode (`clear configure access-list NAME`,
 * never `write memory`), checked against `show running-config access-list` afterwards. Typed only after the
 * captures that use them are gone.
 */
import { aclNamesIn, aclRemoval, CONFIGURE, END } from '../../shared/capture/guided/acl-form'
import type { RemovalOutcome } from '../../shared/capture/guided/types'
import type { DeviceDriver } from '../device/driver'
import { typeLine } from './device-steps'

/** The access-list names the running-config has now (lower case), or null when it could not be read. */
export async function listedAcls(driver: DeviceDriver, timeoutMs: number): Promise<Set<string> | null> {
  const r = await typeLine(driver, 'show running-config access-list', timeoutMs)
  return r.status === 'ok' ? aclNamesIn(r.output) : null
}

/**
 * `configure terminal`, `clear configure access-list NAME` for each, `end`; then the list: gone = `removed` (or
 * `absent` when it was not there before), still there = `failed`, no answer = `unknown`.
 */
export async function removeAcls(
  driver: DeviceDriver,
  names: readonly string[],
  timeoutMs: number,
): Promise<Array<RemovalOutcome & { output: string }>> {
  const before = await listedAcls(driver, timeoutMs)
  const unknown = (output = '') => names.map((name) => ({ name, outcome: 'unknown' as const, output }))
  if (!before) return unknown()
  const outputs = new Map<string, string>()
  const lines = [CONFIGURE, ...names.map(aclRemoval), END]
  for (const [i, line] of lines.entries()) {
    const typed = await typeLine(driver, line.command, timeoutMs)
    const name = names[i - 1]
    if (name !== undefined) outputs.set(name, typed.output)
    if (typed.status === 'unknown') return unknown(typed.output)
  }
  const after = await listedAcls(driver, timeoutMs)
  return names.map((name) => {
    const output = outputs.get(name) ?? ''
    if (!after) return { name, outcome: 'unknown', output }
    if (after.has(name.toLowerCase())) return { name, outcome: 'failed', output }
    return { name, outcome: before.has(name.toLowerCase()) ? 'removed' : 'absent', output }
  })
}
