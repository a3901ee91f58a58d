/**
 * `mailpolicy.result` (issue 17): a domain's MTA-STS / TLS-RPT / DANE state joined with the probe of each MX, written
 * by `unmask probe DOMAIN --case` and the app's `mailPolicy.probe` as soon as the verdicts are made (after the MX
 * probes, which are their own `probe.result` entries). The domain lines are kept as i18n references so the report
 * renders them in its own language; `check` is the whole lookup record (src/shared/mail-policy/types.ts) for the
 * record's sake. Lenient like every journal schema.
 */
import { z } from 'zod'

const str = z.string()
const ref = z.object({ key: str, params: z.record(str, z.union([str, z.number()])).default({}) })

export const mailPolicyVerdictData = z.object({
  host: str,
  sts: str,
  stsListed: z.boolean().nullable().default(null),
  tlsrpt: z.boolean(),
  dane: str,
  tlsaCount: z.number().default(0),
  daneAuthenticated: z.boolean().default(false),
  level: z.enum(['critical', 'warning', 'good', 'info']),
  key: str,
  params: z.record(str, str).default({}),
})

export const mailPolicyResultData = z.object({
  domain: str,
  /** The `_mta-sts` record and policy, and the `_smtp._tls` record, as one line each. */
  sts: ref,
  tlsrpt: ref,
  verdicts: z.array(mailPolicyVerdictData),
  check: z.unknown().optional(),
})

export type MailPolicyResultData = z.output<typeof mailPolicyResultData>
