/**
 * The outbound check (`unmask probe --egress`, issue 13 point 2): probe several unrelated remote MX hosts from
 * inside at once and read what they have in common. Large providers run no PIX/ASA in front of their MX and all
 * offer STARTTLS, so when every one of them shows masking (or no STARTTLS at all) from here, the common element is
 * the local egress path: the site's own firewall inspects outbound TCP/25 too (pix-asa-smtp-inspection.md §7.1).
 * When only some do, the masking sits on those destinations' side (or a path only they share) and the local path
 * lets STARTTLS through to the others.
 */
import { z } from 'zod'
import { bannerMaskVariant } from '../evidence/smtp/masks'
import { isBareOk } from '../evidence/smtp-reply'
import { parseTarget } from './target'
import { DEFAULT_PORT, type ProbeResult } from './types'

export interface EgressTarget {
  host: string
  port: number
}

/**
 * Only a default, used when the user names no hosts: MX hosts of large providers, none of which runs a PIX/ASA
 * in front of its mail servers. Never used by tests (they pass loopback hosts behind the lab).
 */
export const DEFAULT_EGRESS_TARGETS: readonly EgressTarget[] = [
  { host: 'gmail-smtp-in.l.google.com', port: DEFAULT_PORT },
  { host: 'outlook-com.olc.protection.outlook.com', port: DEFAULT_PORT },
  { host: 'mx01.mail.icloud.com', port: DEFAULT_PORT },
  { host: 'mta5.am0.yahoodns.net', port: DEFAULT_PORT },
  { host: 'mx1.mail.ovh.net', port: DEFAULT_PORT },
]

/** At most this many hosts in one check: it is a sample of destinations, not a scan. */
export const MAX_EGRESS_TARGETS = 32

export interface EgressListError {
  line: number
  text: string
}

/** A hosts file: one `host[:port]` per line (`[v6]:port` for IPv6); blank lines and `#` comments are skipped. */
export function parseEgressList(
  text: string,
  defaultPort = DEFAULT_PORT,
): { targets: EgressTarget[]; errors: EgressListError[] } {
  const targets: EgressTarget[] = []
  const errors: EgressListError[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const entry = raw.replace(/#.*$/, '').trim()
    if (!entry) return
    const parsed = parseTarget(entry, defaultPort)
    if (parsed.ok) targets.push({ host: parsed.target.host, port: parsed.target.port })
    else errors.push({ line: i + 1, text: entry.slice(0, 200) })
  })
  return { targets, errors }
}

/**
 * What one destination shows from here: `masked` (an X-ed EHLO keyword, an asterisked banner, EHLO refused or
 * answered with a bare OK), `no-starttls` (a clean EHLO reply without STARTTLS: deleted on the way, or a server
 * without TLS), `offered` (STARTTLS listed), `failed` (the probe did not get that far).
 */
export type EgressView = 'masked' | 'no-starttls' | 'offered' | 'failed'

export interface EgressHost {
  host: string
  port: number
  address?: string
  view: EgressView
  /** The line that shows it (the first masked line, the banner, the EHLO reply), for the report. */
  evidence?: string
}

/**
 * `local-path-masks`: every destination reached shows masking (or no STARTTLS, with at least one mask);
 * `local-path-strips`: none offers STARTTLS and none shows a mask (deleted on the way, or servers without TLS);
 * `some-destinations-mask`: some lose STARTTLS, others get it through — the local path lets it pass;
 * `local-path-clean`: every destination offers STARTTLS; `inconclusive`: fewer than two destinations answered.
 */
export type EgressConclusionId =
  | 'local-path-masks'
  | 'local-path-strips'
  | 'some-destinations-mask'
  | 'local-path-clean'
  | 'inconclusive'

export interface EgressConclusion {
  id: EgressConclusionId
  hosts: EgressHost[]
  counts: Record<EgressView, number>
}

export function egressView(result: ProbeResult): Pick<EgressHost, 'view' | 'evidence'> {
  const bannerLine = result.banner?.lines[0]?.raw
  const greeting = result.greeting
  const maskedLine = greeting?.extensions.find((e) => e.masked)?.raw
  if (maskedLine) return { view: 'masked', evidence: maskedLine }
  if (bannerLine && bannerMaskVariant(bannerLine) !== null) return { view: 'masked', evidence: bannerLine }
  if (greeting && (greeting.ehloRefused || isBareOk(greeting.reply)))
    return { view: 'masked', evidence: (greeting.ehloRefused ?? greeting.reply).lines[0]?.raw }
  if (greeting?.extensions.some((e) => e.keyword === 'STARTTLS')) return { view: 'offered' }
  if (greeting?.reply.code === 250) return { view: 'no-starttls', evidence: greeting.reply.lines[0]?.raw }
  return { view: 'failed' }
}

export function egressConclusion(results: readonly ProbeResult[]): EgressConclusion {
  const hosts: EgressHost[] = results.map((r) => ({
    host: r.target.host,
    port: r.target.port,
    ...(r.address ? { address: r.address } : {}),
    ...egressView(r),
  }))
  const counts: Record<EgressView, number> = { masked: 0, 'no-starttls': 0, offered: 0, failed: 0 }
  for (const h of hosts) counts[h.view] += 1
  const reached = hosts.length - counts.failed
  const lost = counts.masked + counts['no-starttls']
  let id: EgressConclusionId
  // One destination alone cannot tell the local path from the remote side.
  if (reached < 2) id = 'inconclusive'
  else if (lost === reached) id = counts.masked > 0 ? 'local-path-masks' : 'local-path-strips'
  else if (lost === 0) id = 'local-path-clean'
  else id = 'some-destinations-mask'
  return { id, hosts, counts }
}

const egressViewSchema = z.enum(['masked', 'no-starttls', 'offered', 'failed'])

/** The conclusion as it crosses IPC (src/shared/api.ts `probe.egress`). */
export const egressConclusionSchema = z.object({
  id: z.enum(['local-path-masks', 'local-path-strips', 'some-destinations-mask', 'local-path-clean', 'inconclusive']),
  hosts: z.array(
    z.object({
      host: z.string(),
      port: z.number(),
      address: z.string().optional(),
      view: egressViewSchema,
      evidence: z.string().optional(),
    }),
  ),
  counts: z.record(egressViewSchema, z.number()),
})

// Compile-time check that the schema and the type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesType: Same<z.infer<typeof egressConclusionSchema>, EgressConclusion> = true
void schemaMatchesType
