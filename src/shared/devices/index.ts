/** Platform profiles and how to tell them apart from a prompt or a `show version`. */
import { asaProfile } from './asa'
import { ftdProfile } from './ftd'
import { pix6Profile } from './pix6'
import { pix7Profile } from './pix7'
import type { ParsedPrompt, PlatformId, PlatformProfile } from './types'

export { MORE_PROMPT } from './common'
export { isSameDevicePrompt, type PromptLine, parsePrompt, parsePromptLine } from './prompt'
export * from './types'

export const PROFILES: Record<PlatformId, PlatformProfile> = {
  asa: asaProfile,
  pix6: pix6Profile,
  pix7: pix7Profile,
  ftd: ftdProfile,
}

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && value in PROFILES
}

/**
 * The platform named by `show version`. FTD prints its own model block before an ASA-like line, so it is
 * checked first; PIX 6 before PIX 7 because its banner is the more specific one.
 */
export function platformFromVersion(text: string): PlatformId | null {
  for (const id of ['ftd', 'pix6', 'pix7', 'asa'] as const) {
    if (PROFILES[id].versionBanner.some((re) => re.test(text))) return id
  }
  return null
}

/** A first guess from the prompt alone: FTD's `>` is unmistakable; everything else looks like an ASA. */
export function platformFromPrompt(prompt: ParsedPrompt): PlatformId {
  return prompt.mode === 'ftd' ? 'ftd' : 'asa'
}
