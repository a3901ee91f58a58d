/**
 * EHLO replies of Debian's Postfix 3.x as the tests see them (tests/lab/postfix runs the real one): the lab's
 * Postfix persona must list the same, and the ASA default map must mask them the same way (§7.2).
 */

/** After the greeting line: Debian Postfix with `smtpd_tls_security_level = may`. */
export const DEBIAN_POSTFIX_EHLO = [
  '250-PIPELINING',
  '250-SIZE 10240000',
  '250-VRFY',
  '250-ETRN',
  '250-STARTTLS',
  '250-ENHANCEDSTATUSCODES',
  '250-8BITMIME',
  '250-DSN',
  '250-SMTPUTF8',
  '250 CHUNKING',
]

/** The same Postfix with TLS off, through the ASA default map: VRFY, SMTPUTF8 and CHUNKING masked, letters running. */
export const NO_TLS_POSTFIX_BEHIND_ASA = [
  '250-PIPELINING',
  '250-SIZE 10240000',
  '250-XXXA',
  '250-ETRN',
  '250-ENHANCEDSTATUSCODES',
  '250-8BITMIME',
  '250-DSN',
  '250-XXXXXXXB',
  '250 XXXXXXXC',
]
