/**
 * What every analysis step produces and every consumer (CLI, renderer, report) displays. Texts are
 * i18n keys plus parameters, never English strings, so the same finding renders in en and ko.
 */

export type Severity = 'critical' | 'warning' | 'info'

/** Every rule id (stable API: journals, reports and i18n keys use them), so a misspelt id fails to compile. */
export type RuleId =
  | 'smtp.starttls-masked'
  | 'smtp.keyword-masked'
  | 'smtp.starttls-rejected'
  | 'smtp.command-masked'
  | 'smtp.banner-masked'
  | 'smtp.ehlo-rejected'
  | 'smtp.starttls-missing'
  | 'smtp.starttls-before-greeting'
  | 'smtp.tls-ok'
  | 'smtp.path-differs'
  | 'smtp.starttls-deleted'
  | 'asa.esmtp-inspection-active'
  | 'asa.esmtp-inspection-allow-tls'
  | 'asa.esmtp-map-unknown'
  | 'pix.mailguard-active'
  | 'pix.duplicate-header-bug'
  | 'pix.no-7x-hardware'
  | 'ftd.managed-device'
  | 'device.no-smtp-inspection'
  | 'device.failover-standby'
  | 'log.postfix-pix-workaround'
  | 'log.asa-esmtp-inspection'
  | 'log.esa-starttls-not-supported'
  | 'log.exchange-auth-blocked'
  | 'tlsrpt.starttls-not-supported'
  | 'tlsrpt.failures-started'
  | 'tlsrpt.all-mx-failing'
  | 'tlsrpt.some-mx-failing'
  | 'tlsrpt.other-failures'
  | 'tlsrpt.all-successful'
  | 'tlsrpt.unreadable'
  | 'capture.firewall-rewrote'

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
  id: RuleId
  severity: Severity
  /** 0..1 */
  confidence: number
  /** i18n keys, e.g. `findings.smtp.starttls-masked.title`. */
  titleKey: string
  explanationKey: string
  params?: Record<string, string | number>
  evidence: EvidenceRef[]
}
