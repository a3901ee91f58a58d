/**
 * Which remedies fit the diagnosed causes, the platform and the version, built from the effective inspection model
 * and the evidence. Pure: the causes given are not changed; the result holds new causes with their remedy ids.
 * A remedy that would need a name we do not have (no configuration, no `show service-policy`) is skipped with the
 * reason. Platform rules (pix-asa-smtp-inspection.md §7.4): FWSM has its own version train, so no 7.2(3) threshold
 * and no "upgrade to 7.2(3)"; a PIX 501/506E cannot run 7.x, so the advice is replacement; on the standby unit of a
 * failover pair the change is made on the active unit.
 */

import type { RootCause } from '../diagnosis/causes'
import type { Evidence } from '../evidence'
import { activeSmtpFixups } from '../evidence/device/show-fixup'
import type { FactsWithEvidence } from '../evidence/facts'
import { hasDuplicateHeaderBug, type SoftwareVersion, supportsAllowTls } from '../evidence/version'
import type { Finding } from '../findings'
import { buildInspectionModel, type InspectionModel } from '../inspection'
import {
  buildExchangeAuthAdvice,
  buildFailoverActiveAdvice,
  buildFtdAdvice,
  buildLocalEgressAdvice,
  buildRemoteSideAdvice,
  buildReplacePixAdvice,
  buildUpgradeAdvice,
} from './advice'
import { buildAllowTlsMap, placesWithUnknownMap } from './asa-allow-tls-map'
import { buildNoInspectEsmtp } from './asa-no-inspect-esmtp'
import { buildNoFixupSmtp } from './pix-no-fixup-smtp'
import { inspectionPlaces, namesInConfig } from './places'
import { buildInboundPathAdvice, buildPreventSilentAdvice, mailDomainOf } from './prevent'
import type { Remedy, SkippedRemedy } from './types'

export interface RemedySelection {
  /** The causes given, as new objects whose `remedies` name the remedies that address them. */
  causes: RootCause[]
  remedies: Remedy[]
  skipped: SkippedRemedy[]
}

export interface RemedyInputs {
  evidence: readonly Evidence[]
  facts: FactsWithEvidence
  /** Findings of the rules, for platform facts that rules establish (small PIX, standby unit). */
  findings?: readonly Finding[]
  inspection?: InspectionModel
}

function smtpFixups(evidence: readonly Evidence[]) {
  const seen = new Map<string, ReturnType<typeof activeSmtpFixups>[number]>()
  for (const e of evidence) {
    const fixups = e.kind === 'running-config' ? e.data.fixups : e.kind === 'show-fixup' ? e.data : []
    for (const f of activeSmtpFixups(fixups)) seen.set(f.port || '25', f)
  }
  return [...seen.values()]
}

/** Upgrade advice only where 7.2(3) means something: PIX/ASA, not FWSM; a small PIX is replaced instead. */
function versionAdvice(platform: string | null, v: SoftwareVersion | null, smallPix: string | null, ids: string[]) {
  if (platform === 'fwsm' || !v || !hasDuplicateHeaderBug(v)) return []
  return smallPix ? [buildReplacePixAdvice(smallPix, v.text, ids)] : [buildUpgradeAdvice(v.text, ids)]
}

export function selectRemedies(causes: readonly RootCause[], inputs: RemedyInputs): RemedySelection {
  const { evidence, facts } = inputs
  const model = inputs.inspection ?? buildInspectionModel(evidence)
  const findings = inputs.findings ?? []
  const remedies: Remedy[] = []
  const skipped: SkippedRemedy[] = []
  const f = facts.facts
  const target = { hostname: f.hostname, context: f.context, platform: f.platform, version: f.version }
  const v = facts.parsedVersion
  const smallModel = findings.find((x) => x.id === 'pix.no-7x-hardware')?.params?.model
  const smallPix = smallModel === undefined ? null : String(smallModel)
  const standby = findings.some((x) => x.id === 'device.failover-standby')
  const out: RootCause[] = []
  for (const original of causes) {
    const c: RootCause = { ...original, remedies: [...original.remedies] }
    out.push(c)
    const ids = [c.id]
    const add = (r: Remedy) => {
      const existing = remedies.find((x) => x.id === r.id)
      if (existing) {
        if (!existing.causes.includes(c.id)) existing.causes = [...existing.causes, c.id]
      } else remedies.push(r)
      if (!c.remedies.includes(r.id)) c.remedies.push(r.id)
    }
    const local = c.id === 'local-esmtp-inspection' || c.id === 'pix-mailguard' || c.id === 'local-esmtp-map-unknown'
    if (local && standby) add(buildFailoverActiveAdvice(ids))
    if (c.id === 'local-esmtp-inspection' || c.id === 'local-esmtp-map-unknown') {
      const places = inspectionPlaces(evidence, model)
      if (places.length === 0) {
        skipped.push({ id: 'asa.no-inspect-esmtp', reasonKey: 'remedies.skipped.noPlaces' })
      } else {
        if (f.platform === 'fwsm') skipped.push({ id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.allowTlsFwsm' })
        else if (!v) skipped.push({ id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.versionUnknown' })
        else if (!supportsAllowTls(v))
          skipped.push({
            id: 'asa.allow-tls-map',
            reasonKey: 'remedies.skipped.allowTlsVersion',
            params: { version: v.text },
          })
        else if (placesWithUnknownMap(places).length > 0)
          skipped.push({ id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.mapNotInConfig' })
        else add(buildAllowTlsMap(places, namesInConfig(evidence), target, ids))
        add(buildNoInspectEsmtp(places, target, ids))
      }
      for (const r of versionAdvice(f.platform, v, smallPix, ids)) add(r)
    } else if (c.id === 'ftd-esmtp-inspection') {
      add(buildFtdAdvice(inspectionPlaces(evidence, model), ids))
    } else if (c.id === 'pix-mailguard') {
      const fixups = smtpFixups(evidence)
      if (fixups.length > 0) add(buildNoFixupSmtp(fixups, target, ids))
      else {
        skipped.push({ id: 'pix.no-fixup-smtp', reasonKey: 'remedies.skipped.noFixupSeen' })
        add(buildRemoteSideAdvice(ids, true, excerpt(c), false))
      }
      for (const r of versionAdvice(f.platform, v, smallPix, ids)) add(r)
    } else if (c.id === 'old-pix-duplicate-header') {
      const version = v?.text ?? c.params.version ?? ''
      add(smallPix ? buildReplacePixAdvice(smallPix, version, ids) : buildUpgradeAdvice(version, ids))
    } else if (c.id === 'remote-inspection' || c.id === 'path-inspection') {
      add(buildRemoteSideAdvice(ids, c.params.kind === 'mailguard', excerpt(c), c.id === 'remote-inspection'))
    } else if (c.id === 'local-egress-inspection') {
      add(buildLocalEgressAdvice(ids, c.params.destinations ?? '', excerpt(c)))
    } else if (c.id === 'exchange-auth-path') {
      add(buildExchangeAuthAdvice(ids, excerpt(c)))
    } else if (c.id === 'inbound-path-inspection') {
      // TLS-RPT showed the failure to us; after the fix, keep the reports coming and make senders insist on TLS.
      const mail = mailDomainOf(findings)
      add(buildInboundPathAdvice(mail, ids))
      add(buildPreventSilentAdvice(mail, ids))
    }
  }
  return { causes: out, remedies, skipped }
}

function excerpt(c: RootCause): string {
  return c.evidence
    .slice(0, 3)
    .map((r) => `${r.source}:${r.startLine}: ${r.excerpt.split('\n')[0]}`)
    .join('\n')
}
