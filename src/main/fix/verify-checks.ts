/**
 * Whether the configuration read back after a change still masks STARTTLS: for MPF devices, any place where ESMTP
 * inspection is applied without `allow-tls`; for PIX 6.x, any SMTP fixup still on. Built on the engine's own
 * readers, from the device's live output.
 */
import { type Evidence, parseEvidence } from '../../shared/evidence'
import { configLinePaths } from '../../shared/evidence/device/config-tree'
import { activeSmtpFixups } from '../../shared/evidence/device/show-fixup'
import type { ProbeResult } from '../../shared/probe/types'
import { inspectionPlaces } from '../../shared/remedies/places'
import type { VerifyCheck } from './types'

export function evidenceOf(texts: Array<{ source: string; text: string }>): Evidence[] {
  return texts.flatMap((t) => parseEvidence(t).evidence)
}

/** The config lines matching `pattern`, each with its parents (`policy-map X > class Y > inspect esmtp Z`). */
function relevantLines(config: string, pattern: RegExp): string {
  return configLinePaths(config, pattern).slice(0, 12).join('\n')
}

export function configChecks(platform: string, evidence: readonly Evidence[], config: string): VerifyCheck[] {
  if (platform === 'pix6') {
    const fixups = evidence.flatMap((e) =>
      e.kind === 'show-fixup' ? e.data : e.kind === 'running-config' ? e.data.fixups : [],
    )
    const on = activeSmtpFixups(fixups)
    if (on.length === 0)
      return [
        {
          id: 'config',
          passed: true,
          key: 'fix.verify.noFixup',
          params: {},
          evidence: relevantLines(config, /fixup protocol smtp/),
        },
      ]
    return on.map((f) => ({
      id: 'config',
      passed: false,
      key: 'fix.verify.fixupStillOn',
      params: { port: f.port || '25' },
      evidence: f.text,
    }))
  }
  // With a full running-config in hand, it alone decides: `show service-policy` cannot tell whether a map allows TLS.
  const configs = evidence.filter((e) => e.kind === 'running-config')
  const places = inspectionPlaces(configs.length > 0 ? configs : evidence)
  if (places.length === 0)
    return [
      {
        id: 'config',
        passed: true,
        key: 'fix.verify.noMaskingInspection',
        params: {},
        evidence: relevantLines(config, /inspect esmtp|allow-tls/),
      },
    ]
  return places.map((p) => ({
    id: 'config',
    passed: false,
    key: 'fix.verify.inspectionStillMasks',
    params: { policy: p.policy, class: p.className, line: p.inspectText },
    evidence: `policy-map ${p.policy} > class ${p.className} > ${p.inspectText}`,
  }))
}

/** A probe shows the path fixed when STARTTLS is offered unmasked and TLS comes up (or, for a plain/TLS probe, it completed). */
export function probePassed(result: ProbeResult): boolean {
  if (result.target.mode !== 'starttls') return result.outcome === 'completed'
  return Boolean(result.starttls?.advertised && !result.starttls.masked && result.tls?.established)
}

/** What a probe saw, in one technical line: STARTTLS, TLS, and where it stopped. */
export function probeSummary(result: ProbeResult): string {
  const s = result.starttls
  const parts = [
    s ? `STARTTLS ${s.advertised ? 'advertised' : s.masked ? 'masked' : 'absent'}` : 'no EHLO',
    result.tls?.established ? `TLS ${result.tls.protocol ?? ''}`.trim() : 'no TLS',
  ]
  if (result.error) parts.push(`${result.error.phase}: ${result.error.code}`)
  return parts.join(', ')
}

export function probeLine(result: ProbeResult): string {
  const where = `${result.target.vantage ? `${result.target.vantage} ` : ''}${result.target.host}:${result.target.port}`
  return `${where}: ${probeSummary(result)}`
}
