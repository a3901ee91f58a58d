/**
 * Words an engineer must not miss in a firewall session: masked STARTTLS, CLI errors, the inspection
 * commands themselves. Found per buffer line and shown as xterm decorations, so the byte stream from the
 * device is never altered (a rewritten stream would also corrupt what the driver reads).
 */

export type HighlightKind = 'masked' | 'error' | 'inspection'

export interface Highlight {
  start: number
  length: number
  kind: HighlightKind
}

const PATTERNS: Array<{ re: RegExp; kind: HighlightKind }> = [
  // A masked ESMTP keyword: a run of X's, possibly ending in another capital (XXXXXXXA for STARTTLS).
  { re: /\bX{4,}[A-Z]?\b/g, kind: 'masked' },
  { re: /\bERROR:[^\r\n]*/g, kind: 'error' },
  { re: /% Invalid[^\r\n]*/g, kind: 'error' },
  { re: /\b(?:no\s+)?inspect\s+esmtp\b/g, kind: 'inspection' },
  { re: /\b(?:no\s+)?fixup\s+protocol\s+smtp\b/g, kind: 'inspection' },
]

export function findHighlights(line: string): Highlight[] {
  const found: Highlight[] = []
  for (const { re, kind } of PATTERNS) {
    re.lastIndex = 0
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      if (m[0].length === 0) {
        re.lastIndex += 1
        continue
      }
      found.push({ start: m.index, length: m[0].length, kind })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

export const HIGHLIGHT_COLOURS: Record<HighlightKind, string> = {
  masked: '#b3261e',
  error: '#8c1d18',
  inspection: '#7a5b00',
}
