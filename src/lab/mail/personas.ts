/**
 * How each simulated mail server introduces itself and words its refusals. smtp-server does the SMTP work; a persona
 * only changes the words on the wire, so a probe sees what the real product would print.
 */
export const PERSONA_IDS = ['esa', 'postfix', 'postfix-notls', 'exchange'] as const
export type PersonaId = (typeof PERSONA_IDS)[number]

export interface Persona {
  id: PersonaId
  /** Text of the 220 greeting after the code. */
  greeting(hostname: string, now: Date): string
  /** smtp-server's heloResponse template: first %s is the server name, second the client's address literal. */
  heloResponse: string
  /** EHLO keywords in the order the real product lists them; others follow in smtp-server's order. */
  ehloOrder: string[]
  /**
   * Keywords the product lists that smtp-server does not (Postfix: VRFY, ETRN, CHUNKING). Listed only, so that an
   * inspecting path masks what the real reply holds; the lab does not implement ETRN or BDAT behind them.
   */
  extraEhlo?: string[]
  /** False: no STARTTLS offered, and the command answered as the product does with TLS switched off. */
  tls?: { offered: false; reply: { code: number; text: string } }
  size: number
  hide: { pipelining: boolean; smtputf8: boolean; dsn: boolean; enhancedStatusCodes: boolean }
  /** Reply to a command the server does not know (e.g. a verb an inspecting firewall overwrote with X's). */
  unknownCommand(verb: string): { code: number; text: string }
  /** Lines of the 214 reply to HELP, when the product words it its own way. */
  help?: string[]
  /** After this many unknown commands in one session the server says goodbye (ESA: the 5th one). */
  badCommandLimit?: { count: number; code: number; text: string }
}

const esa: Persona = {
  id: 'esa',
  // Cisco ESA listener greeting as in Cisco's own transcript: `220 C680.lab.test ESMTP`.
  greeting: (hostname) => `${hostname} ESMTP`,
  heloResponse: '%s',
  ehloOrder: ['8BITMIME', 'SIZE', 'STARTTLS'],
  size: 14_680_064,
  hide: { pipelining: true, smtputf8: true, dsn: true, enhancedStatusCodes: true },
  unknownCommand: () => ({ code: 500, text: '#5.5.1 command not recognized' }),
  badCommandLimit: { count: 5, code: 421, text: 'Exceeded bad SMTP command limit, disconnecting.' },
  // Cisco's transcript of an ESA answering `help` (fixture #33).
  help: ['The following commands are recognized', ' auth data ehlo helo', ' help mail noop quit', 'rcpt rset vrfy'],
}

// Debian's Postfix 3.x as run by tests/lab/postfix: keyword order and the 500 for an unknown (or X-ed) command
// are what that real Postfix prints (pix-asa-smtp-inspection.md §7.4: 500, not 502).
const postfix: Persona = {
  id: 'postfix',
  greeting: (hostname) => `${hostname} ESMTP Postfix (Debian/GNU)`,
  heloResponse: '%s',
  ehloOrder: [
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
  extraEhlo: ['VRFY', 'ETRN', 'CHUNKING'],
  size: 10_240_000,
  hide: { pipelining: false, smtputf8: false, dsn: false, enhancedStatusCodes: false },
  unknownCommand: () => ({ code: 500, text: '5.5.2 Error: command not recognized' }),
}

/** The same Postfix with `smtpd_tls_security_level = none`: SMTPUTF8 and CHUNKING are its 8-letter keywords. */
const postfixNoTls: Persona = {
  ...postfix,
  id: 'postfix-notls',
  tls: { offered: false, reply: { code: 502, text: '5.5.1 Error: command not implemented' } },
}

const exchange: Persona = {
  id: 'exchange',
  greeting: (hostname, now) => `${hostname} Microsoft ESMTP MAIL Service ready at ${rfc2822(now)}`,
  heloResponse: '%s Hello %s',
  ehloOrder: ['SIZE', 'PIPELINING', 'DSN', 'ENHANCEDSTATUSCODES', 'STARTTLS', '8BITMIME', 'SMTPUTF8'],
  size: 37_748_736,
  hide: { pipelining: false, smtputf8: false, dsn: false, enhancedStatusCodes: false },
  unknownCommand: (verb) => ({ code: 500, text: `5.3.3 Unrecognized command '${verb}'` }),
}

const personas: Record<PersonaId, Persona> = { esa, postfix, 'postfix-notls': postfixNoTls, exchange }

export function isPersonaId(value: unknown): value is PersonaId {
  return typeof value === 'string' && (PERSONA_IDS as readonly string[]).includes(value)
}

export function personaFor(id: PersonaId): Persona {
  return personas[id]
}

/** Orders EHLO keyword lines the way the persona's product does; the first line (the greeting) stays first. */
export function orderEhloLines(lines: string[], order: string[]): string[] {
  const [first, ...features] = lines
  const rank = (line: string) => {
    const i = order.indexOf(line.split(' ')[0]!.toUpperCase())
    return i === -1 ? order.length : i
  }
  const sorted = features
    .map((line, index) => ({ line, index }))
    .sort((a, b) => rank(a.line) - rank(b.line) || a.index - b.index)
  return first === undefined ? [] : [first, ...sorted.map((s) => s.line)]
}

function rfc2822(d: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}
