/**
 * How a domain's mail-policy verdicts enter the case journal (`mailpolicy.result`, issue 17): one entry per probed
 * domain, written the moment its MX probes are judged with its policies, by the CLI and the app alike, so the report
 * can show the policy state of each MX beside its probe.
 */
import { JOURNAL, type JournalSink } from '../../shared/journal/events'
import { stsRef, tlsrptRef } from '../../shared/mail-policy/text'
import type { MailPolicyReport } from '../../shared/mail-policy/verdict'

export const MAIL_POLICY_ENTRY = JOURNAL.mailPolicyResult

export function recordMailPolicy(journal: JournalSink, report: MailPolicyReport): void {
  const { check, verdicts } = report
  journal.append(MAIL_POLICY_ENTRY, {
    domain: check.domain,
    sts: stsRef(check),
    tlsrpt: tlsrptRef(check),
    verdicts,
    check,
  })
}
