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
      // Issue 22: an 8-letter mask beside an unmasked STARTTLS in one reply hides some other keyword, or the paste was
      // edited: reported (not dropped because no single keyword fits), with lowered confidence and the reason.
      const c = s.contradiction?.reason === 'same-reply' ? s.contradiction : null
      if (resolved.length === 0 && c) {
        const lines = [c.masked, c.listed].map((l) => ({ line: l.line, text: l.text })).sort((a, b) => a.line - b.line)
        const token = c.masked.text.replace(/^\d{3}[ -]/, '').trim()
        return [
          makeFinding(this.id, 'warning', 0.4, [ref(s.source, lines)], {
            keywords: `${token}=?`,
            basis: 'contradiction',
            contradiction: c.reason,
          }),
        ]
      }
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
