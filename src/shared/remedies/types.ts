/**
 * A remedy: what to change (or advise), built from the device's real configuration. Command lines carry the CLI
 * mode they are typed in (the word in the prompt's parentheses, `enable` for privileged EXEC), so the fix
 * runner can check each prompt before sending. Texts are i18n keys under `remedies.<id>`.
 */

/** `enable` = `host#`; the others are the word in `host(config-pmap-c)#`; `flexconfig` = text for an FMC object. */
export type CliMode = 'enable' | 'config' | 'config-pmap' | 'config-pmap-c' | 'config-pmap-p' | 'flexconfig'

export interface CommandLine {
  mode: CliMode
  command: string
}

export interface VerificationStep {
  /** i18n key of the step's description. */
  textKey: string
  params?: Record<string, string>
  /** A read-only command that shows the result, when there is one. */
  command?: string
}

export type RemedyId =
  | 'asa.allow-tls-map'
  | 'asa.no-inspect-esmtp'
  | 'pix.no-fixup-smtp'
  | 'advice.upgrade'
  | 'advice.remote-side'
  | 'advice.ftd-flexconfig'
  | 'advice.local-egress'
  | 'advice.replace-pix'
  | 'advice.failover-active'
  | 'advice.inbound-path'
  | 'advice.prevent-silent'
  | 'advice.exchange-auth-path'

export interface Remedy {
  id: RemedyId
  /** `change` remedies send configuration; `advice` remedies are steps for people. */
  type: 'change' | 'advice'
  titleKey: string
  summaryKey: string
  impactKey: string
  params: Record<string, string>
  /** The root causes this remedy addresses. */
  causes: string[]
  commands: CommandLine[]
  undo: CommandLine[]
  verify: VerificationStep[]
  /** For advice: the steps to follow, as i18n keys. */
  steps: { textKey: string; params?: Record<string, string> }[]
  /** The device the commands are for (as stated by the evidence). */
  target: { hostname: string | null; context?: string | null; platform: string | null; version: string | null } | null
}

/** A remedy considered and left out, with the reason (e.g. `allow-tls` needs 7.2(3)). */
export interface SkippedRemedy {
  id: RemedyId
  reasonKey: string
  params?: Record<string, string>
}

export function remedyTexts(id: RemedyId): Pick<Remedy, 'titleKey' | 'summaryKey' | 'impactKey'> {
  return { titleKey: `remedies.${id}.title`, summaryKey: `remedies.${id}.summary`, impactKey: `remedies.${id}.impact` }
}
