/**
 * The order in which known server software lists its EHLO keywords. ESMTP inspection masks a keyword in place
 * (same line, same length, a running letter at the end), so the unmasked neighbours of a mask plus this order say
 * which keyword it hides, where length alone cannot (STARTTLS, SMTPUTF8 and CHUNKING are all 8 letters).
 *
 * - Postfix: observed from Debian's Postfix 3.x started by tests/support/postfix.ts with STARTTLS on (EHLO reply
 *   `PIPELINING, SIZE 10240000, VRFY, ETRN, STARTTLS, ENHANCEDSTATUSCODES, 8BITMIME, DSN, SMTPUTF8, CHUNKING`).
 *   AUTH/XCLIENT/XFORWARD are not in this list (not observed); they are skipped as neighbours.
 * - Exchange 2003: the masked reply hard-coded in a public pcap generator (evidence-sources.md §2: TURN, SIZE, ETRN,
 *   PIPELINING, DSN, ENHANCEDSTATUSCODES, 8BITMIME, BINARYMIME, CHUNKING, VRFY, X-EXPS, X-EXPS=LOGIN, AUTH,
 *   AUTH=LOGIN, X-LINK2STATE, XEXCH50). Its STARTTLS position is not in that capture, so it is not listed.
 * - Cisco ESA: `8BITMIME, SIZE` without TLS (Cisco 214630 telnet test) and `8BITMIME, SIZE, XXXXXXXA` behind an
 *   ASA where STARTTLS is offered (Cisco 118550); its supported commands have no CHUNKING/SMTPUTF8 (214630).
 */
export type ServerSoftware = 'postfix' | 'exchange2003' | 'esa'

export const KEYWORD_ORDERS: Record<ServerSoftware, readonly string[]> = {
  postfix: [
    'PIPELINING',
    'SIZE',
    'VRFY',
    'ETRN',
    'STARTTLS',
    'ENHANCEDSTATUSCODES',
    '8BITMIME',
    'DSN',
    'SMTPUTF8',
    'CHUNKING',
  ],
  esa: ['8BITMIME', 'SIZE', 'STARTTLS'],
  exchange2003: [
    'TURN',
    'SIZE',
    'ETRN',
    'PIPELINING',
    'DSN',
    'ENHANCEDSTATUSCODES',
    '8BITMIME',
    'BINARYMIME',
    'CHUNKING',
    'VRFY',
    // A mask covers the whole line, parameters included: this line is masked as 24 X's in the capture.
    'X-EXPS GSSAPI NTLM LOGIN',
    'X-EXPS=LOGIN',
    'AUTH',
    'AUTH=LOGIN',
    'X-LINK2STATE',
    'XEXCH50',
  ],
}

/** The software a banner names (`ESMTP Postfix`, `Microsoft ESMTP MAIL Service, Version: 6.0…`). */
export function softwareFromBanner(banner: string | undefined): ServerSoftware | null {
  if (!banner) return null
  if (/\bPostfix\b/i.test(banner)) return 'postfix'
  if (/Microsoft ESMTP MAIL Service, Version: 6\./i.test(banner)) return 'exchange2003'
  return null
}

/** Postfix always lists PIPELINING then SIZE first (observed above): used when the banner is masked. */
export function softwareFromKeywords(unmasked: readonly string[]): ServerSoftware | null {
  if (unmasked[0] === 'PIPELINING' && unmasked[1] === 'SIZE') return 'postfix'
  if (unmasked.includes('XEXCH50') || unmasked.includes('X-EXPS')) return 'exchange2003'
  if (unmasked.length === 2 && unmasked[0] === '8BITMIME' && unmasked[1] === 'SIZE') return 'esa'
  return null
}
