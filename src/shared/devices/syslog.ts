/**
 * Syslog message prefixes of the Cisco firewall families, as data: `%ASA-4-108004:`, `%PIX-…`, `%FWSM-…`, `%FTD-…`, and
 * with the message class tag some builds insert, `%ASA-session-5-…` / `%FTD-session-4-106023:` (seen in FTD syslog; a
 * public Wazuh decoder integration exists only because of that variant, code index id 67590356839; knowledge §7.4).
 */
/** Group 1: family, 2: class tag (`session`) or undefined, 3: severity, 4: message id, 5: text. */
export const SYSLOG_MESSAGE = /%(ASA|PIX|FWSM|FTD)(?:-([a-z][a-z0-9]{1,15}))?-(\d)-(\d{6}):\s*(.*)$/

/** The same, unanchored and without captures, for telling a log from other text. */
export const SYSLOG_PREFIX = /%(?:ASA|PIX|FWSM|FTD)(?:-[a-z][a-z0-9]{1,15})?-\d-\d{6}/

/** The platform family a prefix names (PlatformFamily words). */
export type SyslogFamily = 'asa' | 'pix' | 'fwsm' | 'ftd'

const FAMILIES: Record<string, SyslogFamily> = { ASA: 'asa', PIX: 'pix', FWSM: 'fwsm', FTD: 'ftd' }

export function syslogFamily(prefix: string): SyslogFamily | null {
  return FAMILIES[prefix] ?? null
}
