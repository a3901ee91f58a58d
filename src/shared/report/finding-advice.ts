/**
 * What the report says about a finding when the finding itself carries no `impactKey`/`recommendationKey`/`ease`:
 * a short piece of advice per family of rule ids (the engine's stable ids, src/shared/rules). Unknown ids get none,
 * and the report falls back to its generic texts.
 */
import type { FixEase } from './model'

interface Advice {
  key: string
  ease: FixEase
}

const FAMILIES: ReadonlyArray<{ ids: readonly string[]; advice: Advice }> = [
  {
    ids: [
      'asa.esmtp-inspection-active',
      'smtp.starttls-masked',
      'smtp.starttls-rejected',
      'smtp.banner-masked',
      'smtp.command-masked',
      'smtp.path-differs',
      'log.asa-esmtp-inspection',
      'log.esa-starttls-not-supported',
    ],
    advice: { key: 'report.advice.inspection', ease: 'easy' },
  },
  { ids: ['pix.mailguard-active', 'smtp.ehlo-rejected'], advice: { key: 'report.advice.mailguard', ease: 'easy' } },
  { ids: ['pix.duplicate-header-bug'], advice: { key: 'report.advice.upgrade', ease: 'hard' } },
  { ids: ['ftd.managed-device'], advice: { key: 'report.advice.ftd', ease: 'moderate' } },
  { ids: ['smtp.starttls-missing'], advice: { key: 'report.advice.serverTls', ease: 'moderate' } },
  { ids: ['smtp.starttls-before-greeting'], advice: { key: 'report.advice.serverOrder', ease: 'moderate' } },
]

export function adviceFor(findingId: string): Advice | undefined {
  return FAMILIES.find((f) => f.ids.includes(findingId))?.advice
}
