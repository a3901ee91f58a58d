/**
 * Secrets that a single line of PIX/ASA (and IOS-style) configuration or session output can carry, as regular
 * expressions whose named group `s` is the secret. Each rule matches the syntax of one command family; the generic
 * `password`/`secret` rule is the net under them.
 *
 * Values that are already masked by the device (`*****`) are redacted too: it costs nothing and keeps the output
 * uniform. Words that follow `password` without being one (`password encryption aes`, `password-policy`) are left.
 */
import type { SecretKind } from './marker'

export interface LineRule {
  kind: SecretKind
  /** Must have the `d` flag (match indices) and a named group `s`; may have a second group `s2`. Every match on a
   * line counts (the rules run with the `g` flag added). */
  pattern: RegExp
}

/**
 * An optional IOS/ASA encryption-type digit (`0`, `5`, `7`, `8`, `9`) in front of a value, or the asterisks a session
 * log or the device itself put in its place (`secret ******** $1$…`): the value is the token after it.
 */
const TYPE = String.raw`(?:(?:[0-9]|\*+)\s+(?=\S))?`
const NOT_A_VALUE = String.raw`(?!(?:encryption|encrypted|policy|management|recovery|prompt|aes|level|version)\b)`

export const LINE_RULES: readonly LineRule[] = [
  // enable password 8Ry2YjIyt7RRXU24 encrypted | enable secret 5 $1$... | enable password level 15 xyz
  {
    kind: 'password',
    pattern: new RegExp(
      String.raw`\benable\s+(?:password|secret)\s+(?:level\s+\d+\s+)?${TYPE}${NOT_A_VALUE}(?<s>\S+)`,
      'di',
    ),
  },
  // passwd 2KFQnbNIdI.2KYOU encrypted (PIX/ASA telnet/ssh login password)
  { kind: 'password', pattern: /^\s*passwd\s+(?<s>\S+)/di },
  // username admin password 5Xb... encrypted privilege 15 | username bob secret 9 $9$...
  {
    kind: 'password',
    pattern: new RegExp(String.raw`\busername\s+\S+\s+(?:password|secret)\s+${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di'),
  },
  // tunnel-group … ipsec-attributes: pre-shared-key X | ikev1 pre-shared-key X | ikev2 local-authentication pre-shared-key 0 X
  {
    kind: 'pre-shared-key',
    pattern: new RegExp(String.raw`\bpre-shared-key\s+(?!(?:address|hostname)\b)${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di'),
  },
  // IOS keyring: pre-shared-key address 192.0.2.1 key X
  { kind: 'pre-shared-key', pattern: /\bpre-shared-key\s+(?:address|hostname)\s+.*?\bkey\s+(?<s>\S+)/di },
  // PIX 6.x: isakmp key X address 192.0.2.1 netmask 255.255.255.255 | IOS: crypto isakmp key X address …
  { kind: 'pre-shared-key', pattern: new RegExp(String.raw`\bisakmp\s+key\s+${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di') },
  // snmp-server community public | snmp-server community 0 s3cret
  {
    kind: 'snmp-community',
    pattern: new RegExp(String.raw`\bsnmp-server\s+community\s+${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di'),
  },
  // snmp-server host inside 192.0.2.5 community s3cret version 2c
  {
    kind: 'snmp-community',
    pattern: new RegExp(String.raw`\bsnmp-server\s+host\s+.*?\bcommunity\s+${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di'),
  },
  // snmp-server user U G v3 auth sha AUTHPASS priv aes 128 PRIVPASS
  {
    kind: 'snmp-community',
    pattern: /\bsnmp-server\s+user\s+.*?\bauth\s+\S+\s+(?<s>\S+)(?:.*?\bpriv\s+(?:aes\s+\d+|\S+)\s+(?<s2>\S+))?/di,
  },
  // aaa-server ISE (inside) host 10.1.1.5 / key s3cret — the key line under the host block
  // Lower-case only: `Key Version : A` in show version is not a key. Also after a prompt, as a terminal echoes it
  // (`fw(config-aaa-server-host)# key s3cret`), so the echo is masked like the typed line.
  { kind: 'aaa-key', pattern: /^(?:[\w.-]+(?:\/[\w.-]+)?(?:\([\w-]+\))?[#>]\s*)?\s*key\s+(?!config-key\b)(?<s>\S+)/d },
  // PIX 6.x: aaa-server TACACS+ (inside) host 10.1.1.5 s3cret timeout 5
  {
    kind: 'aaa-key',
    pattern: /\baaa-server\s+\S+\s+\(\S+\)\s+host\s+\S+\s+(?!(?:timeout|key)\b)(?<s>\S+)/di,
  },
  // radius-common-pw s3cret | tacacs-server key 7 0822455D0A16 | radius-server host 10.1.1.5 key s3cret
  { kind: 'aaa-key', pattern: /\bradius-common-pw\s+(?<s>\S+)/di },
  {
    kind: 'aaa-key',
    pattern: new RegExp(String.raw`\b(?:tacacs|radius)-server\b.*?\bkey\s+${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di'),
  },
  // failover key [hex] X | ntp authentication-key 1 md5 X | ospf message-digest-key 1 md5 X | key-string 7 X
  { kind: 'other-key', pattern: /\bfailover\s+key\s+(?:hex\s+)?(?<s>\S+)/di },
  {
    kind: 'other-key',
    pattern: /\b(?:authentication-key|message-digest-key)\s+\d+\s+md5\s+(?:[0-9]\s+(?=\S))?(?<s>\S+)/di,
  },
  { kind: 'other-key', pattern: new RegExp(String.raw`\bkey-string\s+${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di') },
  // ip ospf authentication-key X (plain, no key id) | key config-key password-encryption NEW [OLD] (ASA master passphrase)
  { kind: 'other-key', pattern: /\bauthentication-key\s+(?!\d+\s+md5\b)(?<s>\S+)/di },
  { kind: 'other-key', pattern: /\bconfig-key\s+password-encryption\s+(?<s>\S+)(?:\s+(?<s2>\S+))?/di },
  // Credentials in a URL: copy running-config ftp://admin:Secr3t@10.1.1.1/ | backup to scp://u:p@host/path
  { kind: 'password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:(?<s>[^\s/@]+)@/di },
  // ldap-login-password X, and every other `password X` / `secret X` / `passwd X` (trustpoint enrolment, ftp, wccp…)
  { kind: 'password', pattern: /\bldap-login-password\s+(?<s>\S+)/di },
  {
    kind: 'password',
    pattern: new RegExp(String.raw`(?:^|\s)(?:password|passwd|secret)\s+${TYPE}${NOT_A_VALUE}(?<s>\S+)`, 'di'),
  },
  // SMTP AUTH with an initial response, anywhere on a line (`C: AUTH PLAIN AGJv…`, `12:00 >>> AUTH PLAIN …`), RFC 4954
  // §4. Not an EHLO capability list (`250-AUTH PLAIN LOGIN`): the word after the mechanism is then another mechanism.
  {
    kind: 'password',
    pattern:
      /(?<![0-9]{3}[- ])\bAUTH\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER)\s+(?!(?:PLAIN|LOGIN|CRAM-MD5|DIGEST-MD5|XOAUTH2|OAUTHBEARER|GSSAPI|NTLM|ANONYMOUS|SCRAM-\S+)(?:\s|$))(?<s>\S+)/di,
  },
  // ASA interface: authentication key eigrp 100 [0|8] KEY key-id 2 (ASA command reference, "authentication key eigrp")
  { kind: 'other-key', pattern: new RegExp(String.raw`\bauthentication\s+key\s+eigrp\s+\d+\s+${TYPE}(?<s>\S+)`, 'di') },
  // crypto ca export|import TP pkcs12 PASS (ASA), crypto pki export|import TP pkcs12 terminal PASS (IOS); a URL form's
  // passphrase follows `password`, which the generic rule below takes.
  {
    kind: 'password',
    pattern:
      /\bcrypto\s+(?:ca|pki)\s+(?:import|export)\s+\S+\s+pkcs12\s+(?:terminal\s+)?(?!(?:password|terminal)\b)(?![\w-]*:)(?<s>\S+)/di,
  },
  // license smart register idtoken TOKEN [force] (ASA command reference, "license smart register")
  { kind: 'other-key', pattern: /\blicense\s+smart\s+register\s+idtoken\s+(?<s>\S+)/di },
]

/**
 * A word that every rule above needs somewhere on the line. Most lines of a configuration or session log carry none,
 * and one case-insensitive scan for these is far cheaper than running every rule with match indices on every line.
 * A new rule must need one of these words (tests/shared/redaction/line-trigger.test.ts checks the rules against it).
 */
export const LINE_TRIGGER =
  /password|passwd|secret|key|community|snmp-server|aaa-server|radius-common-pw|:\/\/|auth|pkcs12|idtoken/i

/**
 * An SMTP `334` challenge (AUTH LOGIN, CRAM-MD5…): the next line the client sends is a credential (RFC 4954 §4), with
 * or without a transcript's direction prefix (`S:`, `<<<`, `C:`, `>>>`, a time).
 */
export const SMTP_CHALLENGE = /^\s*(?:[\d:.]+\s+)?(?:(?:(?:S|server)\s*:|<+)\s*)?334(?:\s|$)/i
/** A server reply line: a challenge is answered by the client, never by one of these. */
export const SMTP_REPLY = /^\s*(?:[\d:.]+\s+)?(?:(?:(?:S|server)\s*:|<+)\s*)?[2-5]\d\d(?:[\s-]|$)/i
/** What precedes the credential on the answering line. */
export const SMTP_CLIENT_PREFIX = /^\s*(?:[\d:.]+\s+)?(?:(?:(?:C|client)\s*:|>+)\s*)?/i

/**
 * Private key and PKCS12 blocks span lines; everything between these two lines is secret (`crypto ca export … pkcs12`
 * prints the certificate and its private key as `-----BEGIN PKCS12-----` … `-----END PKCS12-----`).
 */
export const PRIVATE_KEY_BEGIN = /-----BEGIN (?:(?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?|PKCS12)-----/
export const PRIVATE_KEY_END = /-----END (?:(?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?|PKCS12)-----/
