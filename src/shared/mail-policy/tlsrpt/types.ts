/**
 * A TLS-RPT aggregate report (RFC 8460 §4.3/§4.4) as Unmask reads it: only the fields a diagnosis needs, each object
 * with the line range it came from so a finding can point at it. Real reports are often one long line (Google's), so
 * the line range alone is not enough: `excerpt` texts are built from the fields, not cut from the line.
 */

/** RFC 8460 §4.3: `sts`, `tlsa` or `no-policy-found`; anything else is kept as written. */
export type TlsRptPolicyType = 'sts' | 'tlsa' | 'no-policy-found' | (string & {})

export interface LineRange {
  firstLine: number
  lastLine: number
}

/** One `failure-details` entry (RFC 8460 §4.3, result types §4.3.2). */
export interface TlsRptFailure extends LineRange {
  /** `starttls-not-supported`, `certificate-expired`, `validation-failure`, `sts-policy-fetch-error`… */
  resultType: string
  sendingMtaIp: string | null
  receivingMxHostname: string | null
  receivingIp: string | null
  failedSessionCount: number
  failureReasonCode: string | null
}

export interface TlsRptPolicy extends LineRange {
  policyType: TlsRptPolicyType
  policyDomain: string
  /** `mx-host`: a string in the RFC text, an array in some senders' reports; both are accepted. */
  mxHosts: string[]
  /** `policy-string` lines (the MTA-STS policy file or the TLSA records the sender saw). */
  policyString: string[]
  successfulSessions: number
  failedSessions: number
  failures: TlsRptFailure[]
}

export interface TlsRptReport extends LineRange {
  organizationName: string
  /** ISO 8601 as written (`2016-04-01T00:00:00Z`). */
  startDatetime: string
  endDatetime: string
  contactInfo: string | null
  reportId: string
  policies: TlsRptPolicy[]
}

/** A report read from an input, or why it could not be read (an i18n reason key and its detail). */
export type TlsRptReading =
  | { ok: true; report: TlsRptReport }
  | { ok: false; reason: 'json' | 'shape'; detail: string; firstLine: number; lastLine: number }

/** The evidence one TLS-RPT input gives the rules. */
export interface TlsRptEvidence {
  kind: 'tlsrpt'
  source: string
  reading: TlsRptReading
}
