/**
 * `smtp.starttls-before-greeting`: the EHLO reply's first line is an extension (`250-STARTTLS`) and the greeting
 * comes later. Clients that follow RFC 5321 (a Cisco ESA among them) ignore that line and report "STARTTLS not
 * supported": a server bug that looks like the firewall fault.
 */
import { makeFinding, type Rule, ref } from '../types'

export const starttlsBeforeGreeting: Rule = {
  id: 'smtp.starttls-before-greeting',
  run(ctx) {
    return ctx.sessions.flatMap((s) => {
      const misplaced = s.ehlo?.extensionBeforeGreeting
      if (!misplaced || !s.ehlo?.greeting) return []
      const lines = [
        { line: misplaced.line, text: misplaced.raw },
        { line: s.ehlo.greeting.line, text: s.ehlo.greeting.raw },
      ]
      return [makeFinding(this.id, 'warning', 0.8, [ref(s.source, lines)], { keyword: misplaced.keyword })]
    })
  },
}
