/**
 * Which remedies fit the diagnosed causes, the platform and the version, built from the evidence. A remedy that
 * would need a name we do not have (no configuration, no `show service-policy`) is skipped with the reason.
 */

import type { RootCause } from '../diagnosis/causes'
import type { Evidence } from '../evidence'
import { activeSmtpFixups } from '../evidence/device/show-fixup'
import type { FactsWithEvidence } from '../evidence/facts'
import { hasDuplicateHeaderBug, supportsAllowTls } from '../evidence/version'
import { buildFtdAdvice, buildRemoteSideAdvice, buildUpgradeAdvice } from './advice'
import { buildAllowTlsMap, placesWithUnknownMap } from './asa-allow-tls-map'
import { buildNoInspectEsmtp } from './asa-no-inspect-esmtp'
import { buildNoFixupSmtp } from './pix-no-fixup-smtp'
import { inspectionPlaces, namesInConfig } from './places'
import type { Remedy, SkippedRemedy } from './types'

export interface RemedySelection {
  remedies: Remedy[]
  skipped: SkippedRemedy[]
}

function smtpFixups(evidence: readonly Evidence[]) {
  const seen = new Map<string, ReturnType<typeof activeSmtpFixups>[number]>()
  for (const e of evidence) {
    const fixups = e.kind === 'running-config' ? e.data.fixups : e.kind === 'show-fixup' ? e.data : []
    for (const f of activeSmtpFixups(fixups)) seen.set(f.port || '25', f)
  }
  return [...seen.values()]
}

export function selectRemedies(
  causes: RootCause[],
  evidence: readonly Evidence[],
  facts: FactsWithEvidence,
): RemedySelection {
  const remedies: Remedy[] = []
  const skipped: SkippedRemedy[] = []
  const f = facts.facts
  const target = { hostname: f.hostname, context: f.context, platform: f.platform, version: f.version }
  const v = facts.parsedVersion
  const ids = (c: RootCause) => [c.id]
  const add = (cause: RootCause, r: Remedy) => {
    const existing = remedies.find((x) => x.id === r.id)
    if (existing) existing.causes.push(cause.id)
    else remedies.push(r)
    if (!cause.remedies.includes(r.id)) cause.remedies.push(r.id)
  }
  for (const c of causes) {
    if (c.id === 'local-esmtp-inspection') {
      const places = inspectionPlaces(evidence)
      if (places.length === 0) {
        skipped.push({ id: 'asa.no-inspect-esmtp', reasonKey: 'remedies.skipped.noPlaces' })
      } else {
        if (!v) skipped.push({ id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.versionUnknown' })
        else if (!supportsAllowTls(v))
          skipped.push({
            id: 'asa.allow-tls-map',
            reasonKey: 'remedies.skipped.allowTlsVersion',
            params: { version: v.text },
          })
        else if (placesWithUnknownMap(places).length > 0)
          skipped.push({ id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.mapNotInConfig' })
        else add(c, buildAllowTlsMap(places, namesInConfig(evidence), target, ids(c)))
        add(c, buildNoInspectEsmtp(places, target, ids(c)))
      }
      if (v && hasDuplicateHeaderBug(v)) add(c, buildUpgradeAdvice(v.text, ids(c)))
    } else if (c.id === 'ftd-esmtp-inspection') {
      add(c, buildFtdAdvice(inspectionPlaces(evidence), ids(c)))
    } else if (c.id === 'pix-mailguard') {
      const fixups = smtpFixups(evidence)
      if (fixups.length > 0) add(c, buildNoFixupSmtp(fixups, target, ids(c)))
      else {
        skipped.push({ id: 'pix.no-fixup-smtp', reasonKey: 'remedies.skipped.noFixupSeen' })
        add(c, buildRemoteSideAdvice(ids(c), true, excerpt(c), false))
      }
      if (v && hasDuplicateHeaderBug(v)) add(c, buildUpgradeAdvice(v.text, ids(c)))
    } else if (c.id === 'old-pix-duplicate-header') {
      add(c, buildUpgradeAdvice(v?.text ?? c.params.version ?? '', ids(c)))
    } else if (c.id === 'remote-inspection' || c.id === 'path-inspection') {
      add(c, buildRemoteSideAdvice(ids(c), c.params.kind === 'mailguard', excerpt(c), c.id === 'remote-inspection'))
    }
  }
  return { remedies, skipped }
}

function excerpt(c: RootCause): string {
  return c.evidence
    .slice(0, 3)
    .map((r) => `${r.source}:${r.startLine}: ${r.excerpt.split('\n')[0]}`)
    .join('\n')
}
