/**
 * `smtp.keyword-masked`: masked EHLO lines that are known to hide keywords other than STARTTLS (SMTPUTF8, CHUNKING,
 * VRFY…). Masking breaks those features too, but removing the inspection will not bring TLS if the server does not
 * offer STARTTLS (pix-asa-smtp-inspection.md §7.2).
 */
import { makeFinding, type Rule, ref } from '../types'
import { resolveMasks } from './masked-keywords'
import { directSessionFor } from './vantage'

export const keywordMasked: Rule = {
  id: 'smtp.keyword-masked',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const resolved = resolveMasks(s, directSessionFor(s, ctx)).filter(
        (m) => m.keyword !== null && m.keyword !== 'STARTTLS',
      )
      if (resolved.length === 0) return []
      const lines = resolved.map((m) => ({ line: m.extension.line, text: m.extension.raw }))
      const confidence = resolved.every((m) => m.basis === 'direct') ? 0.9 : 0.75
      return [
        makeFinding(this.id, 'warning', confidence, [ref(s.source, lines)], {
          keywords: resolved.map((m) => `${m.extension.keyword}=${m.keyword}`).join(', '),
          basis: resolved[0]!.basis,
        }),
      ]
    })
  },
}
