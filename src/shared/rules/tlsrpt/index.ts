/** The TLS-RPT rules (RFC 8460 aggregate reports about mail to our MX hosts), in the order they run. */
export { tlsrptFailuresStarted } from './failures-started'
export { tlsrptMxScope } from './mx-scope'
export { tlsrptOtherResults } from './other-results'
export { tlsrptStarttlsNotSupported } from './starttls-not-supported'
