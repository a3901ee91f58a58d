/** Sessions labelled by vantage (`unmask analyze --direct F --through F`): the direct view of a through session. */
import type { SmtpSession } from '../../evidence/smtp-session'
import type { RuleContext } from '../types'

export function directSessionFor(session: SmtpSession, ctx: RuleContext): SmtpSession | null {
  if (ctx.vantages.get(session.source) !== 'through') return null
  return ctx.sessions.find((s) => ctx.vantages.get(s.source) === 'direct') ?? null
}
