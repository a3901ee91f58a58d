/**
 * What every analysis step produces and every consumer (CLI, renderer, report) displays. Texts are
 * i18n keys plus parameters, never English strings, so the same finding renders in en and ko.
 */

export type Severity = 'critical' | 'warning' | 'info'

/** Points at the exact lines of one evidence source that support a finding. */
export interface EvidenceRef {
  /** A label for the source: a file name, `probe:outside`, `device:asa1 show running-config`… */
  source: string
  /** 1-based, inclusive. */
  startLine: number
  endLine: number
  excerpt: string
}

export interface Finding {
  /** Stable rule id, e.g. `smtp.starttls-masked`. */
  id: string
  severity: Severity
  /** 0..1 */
  confidence: number
  /** i18n keys, e.g. `findings.smtp.starttls-masked.title`. */
  titleKey: string
  explanationKey: string
  params?: Record<string, string | number>
  evidence: EvidenceRef[]
}
