/**
 * Log lines that bear on SMTP inspection, from three families:
 * - ASA/PIX/FWSM/FTD syslog (also with a class tag, `%FTD-session-…`, see src/shared/devices/syslog.ts): 108002–108007 (ESMTP inspection actions; 108007 = TLS allowed) and 507003 (inspector
 *   disconnected a flow), with the destination port when the message names one;
 * - Postfix client: `enabling PIX workarounds: … for host[ip]:port` (Postfix saw an asterisked banner) and
 *   `TLS is required, but was not offered`;
 * - Cisco ESA mail_logs: `TLS failed`, `TLS success`, `STARTTLS command not supported`;
 * - Exchange queue / protocol errors: `451 5.7.3 Cannot achieve Exchange Server authentication` (Microsoft: "A
 *   firewall or other device is blocking the Extended SMTP command that's required for Exchange Server authentication
 *   (X-EXPS)", Microsoft docs "DSNs and NDRs in Exchange 2016", enhanced code 5.7.3 (code-search index id
 *   28260417376); KB 979175: X-ANONYMOUSTLS, X-EXPS and GSSAPI must
 *   pass a firewall between Exchange servers).
 */
import { SYSLOG_MESSAGE, type SyslogFamily, syslogFamily } from '../../devices/syslog'
import { clip, type NumberedLine } from '../types'

export type LogFamily = 'asa' | 'postfix' | 'esa' | 'exchange'

export type LogEvent =
  | 'asa-esmtp-action'
  | 'asa-esmtp-tls-started'
  | 'asa-inspector-disconnected'
  | 'postfix-pix-workaround'
  | 'postfix-tls-not-offered'
  | 'postfix-remote-reply'
  | 'esa-tls-failed'
  | 'esa-tls-success'
  | 'esa-starttls-not-supported'
  | 'exchange-auth-failed'

export interface LogEntry {
  family: LogFamily
  event: LogEvent
  line: number
  text: string
  /** Syslog message id (`108004`), when an ASA line. */
  messageId?: string
  /** The platform the syslog prefix names (`%FTD-…` → ftd), when an ASA-family line. */
  platform?: SyslogFamily
  /** Destination `ifc:ip/port` pieces or the remote host, as far as the line names them. */
  host?: string
  port?: number
  /** ESA connection ids (`ICID 282204970`, `DCID 123`) or a Postfix queue id. */
  connection?: string
  detail?: string
}

const ASA_DEST = /\bto\s+([\w.-]+):([0-9a-fA-F.:]+)\/(\d+)/
const ASA_SERVER = /\bserver\s+([\w.-]+):([0-9a-fA-F.:]+)\/(\d+)/
const POSTFIX_PIX =
  /enabling PIX (workarounds: (.*?) for|<CRLF>\.<CRLF> workaround for) (\S+?)(?:\[([^\]]+)\])?(?::(\d+))?$/
const POSTFIX_QID = /postfix\/\w+\[\d+\]:\s+([0-9A-F]{6,}|[0-9A-Za-z]{10,}):/
const POSTFIX_NOTLS = /TLS is required, but was not offered by host (\S+?)(?:\[([^\]]+)\])?$/
/** `status=deferred (host mx.example.org[192.0.2.25] said: 500 5.5.1 … (in reply to …))` */
const POSTFIX_SAID = /\bhost (\S+?)(?:\[([^\]]+)\])? said: (\d{3}[ -].*)$/
const ESA_ID = /\b(ICID|DCID|MID)\s+(\S+)/
const ESA_STARTTLS = /STARTTLS command not supported/i
const ESA_TLS = /\bTLS (failed|success|error)\b/i
/** The Exchange reply, alone or quoted in a queue's Last Error (`451 4.4.0 Primary target IP address responded with: "451 5.7.3 …"`). */
export const EXCHANGE_AUTH_FAILED = /\b451[ -]5\.7\.3 Cannot achieve Exchange Server authentication/i

function asaEntry(m: RegExpExecArray, line: number, text: string): LogEntry | null {
  const id = m[4]!
  const message = m[5]!
  const dest = ASA_SERVER.exec(message) ?? ASA_DEST.exec(message)
  const platform = syslogFamily(m[1]!) ?? undefined
  const base = { family: 'asa' as const, line, text, messageId: id, detail: message, platform }
  const where = dest ? { host: dest[2], port: Number(dest[3]) } : {}
  if (id === '108007') return { ...base, ...where, event: 'asa-esmtp-tls-started' }
  if (/^10800[2-6]$/.test(id)) return { ...base, ...where, event: 'asa-esmtp-action' }
  if (id === '507003') return { ...base, ...where, event: 'asa-inspector-disconnected' }
  return null
}

function postfixEntry(line: number, text: string): LogEntry | null {
  const qid = POSTFIX_QID.exec(text)?.[1]
  const pix = POSTFIX_PIX.exec(text)
  if (pix) {
    return {
      family: 'postfix',
      event: 'postfix-pix-workaround',
      line,
      text,
      connection: qid,
      host: pix[4] ?? pix[3],
      port: pix[5] ? Number(pix[5]) : undefined,
      detail: pix[2] ?? 'delay_dotcrlf',
    }
  }
  const notls = POSTFIX_NOTLS.exec(text)
  if (notls) return { family: 'postfix', event: 'postfix-tls-not-offered', line, text, connection: qid, host: notls[1] }
  const said = qid ? POSTFIX_SAID.exec(text) : null
  if (said) {
    const quoted = said[3]!
    const cut = quoted.lastIndexOf('(in reply to ')
    const reply = (cut >= 0 ? quoted.slice(0, cut) : quoted.replace(/\)$/, '')).trim()
    return {
      family: 'postfix',
      event: 'postfix-remote-reply',
      line,
      text,
      connection: qid,
      host: said[2] ?? said[1],
      detail: reply,
    }
  }
  return null
}

function esaEntry(line: number, text: string): LogEntry | null {
  const id = ESA_ID.exec(text)
  const connection = id ? `${id[1]} ${id[2]}` : undefined
  if (ESA_STARTTLS.test(text)) return { family: 'esa', event: 'esa-starttls-not-supported', line, text, connection }
  const tls = ESA_TLS.exec(text)
  if (tls && id) {
    const event = tls[1]!.toLowerCase() === 'success' ? 'esa-tls-success' : 'esa-tls-failed'
    return { family: 'esa', event, line, text, connection }
  }
  return null
}

function exchangeEntry(line: number, text: string): LogEntry | null {
  if (!EXCHANGE_AUTH_FAILED.test(text)) return null
  const queued = /\b(4\d\d [45]\.\d{1,3}\.\d{1,3}) Primary target IP address responded with/.exec(text)
  return { family: 'exchange', event: 'exchange-auth-failed', line, text, detail: queued?.[1] }
}

/** Every relevant entry, in line order; other lines are ignored. */
export function parseLogLines(lines: readonly NumberedLine[]): LogEntry[] {
  const out: LogEntry[] = []
  for (const { line, text: raw } of lines) {
    const text = clip(raw).trimEnd()
    const asa = SYSLOG_MESSAGE.exec(text)
    const entry = asa
      ? asaEntry(asa, line, text)
      : (postfixEntry(line, text) ?? esaEntry(line, text) ?? exchangeEntry(line, text))
    if (entry) out.push(entry)
  }
  return out
}
