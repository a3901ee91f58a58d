/**
 * Watches the header block of a message in the DATA phase, segment by segment, for what the inspection engine acts
 * on: DKIM/DomainKeys signature headers (the pre-7.2(3) duplicate-header bug) and header lines longer than 998
 * characters (`match header line length gt 998` of the default ESMTP map). Stops at the blank line.
 */
export type HeaderFinding = 'signature-header' | 'header-line-too-long' | undefined

const SIGNATURE_HEADER = /(^|\n)(dkim-signature|domainkey-signature)\s*:/i
const MAX_SCAN = 256 * 1024
const MAX_HEADER_LINE = 998

export class HeaderScanner {
  private scanned = ''
  private done = false

  constructor(private readonly checks: { signatures: boolean; lineLength: boolean }) {}

  /** Feeds the next piece of message data; returns what was found so far, if anything. */
  feed(text: string): HeaderFinding {
    if (this.done || (!this.checks.signatures && !this.checks.lineLength)) return undefined
    this.scanned = (this.scanned + text).slice(0, MAX_SCAN)
    const end = this.scanned.startsWith('\r\n') ? 0 : this.scanned.indexOf('\r\n\r\n')
    const headers = end === -1 ? this.scanned : this.scanned.slice(0, end)
    if (end !== -1 || this.scanned.length >= MAX_SCAN) this.done = true
    if (this.checks.signatures && SIGNATURE_HEADER.test(headers)) return 'signature-header'
    if (this.checks.lineLength && headers.split('\r\n').some((line) => line.length > MAX_HEADER_LINE)) {
      return 'header-line-too-long'
    }
    return undefined
  }
}
