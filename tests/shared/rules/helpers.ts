import { parseEvidence } from '../../../src/shared/evidence'
import type { Finding } from '../../../src/shared/findings'
import { runRules } from '../../../src/shared/rules'

/** Findings of all rules over the given texts, each parsed as the CLI would. */
export function findingsOf(...texts: string[]): Finding[] {
  return runRules(texts.flatMap((text, i) => parseEvidence({ source: `t${i}`, text }).evidence))
}

export function ids(findings: Finding[]): string[] {
  return findings.map((f) => f.id)
}

export function one(findings: Finding[], id: string): Finding {
  const found = findings.filter((f) => f.id === id)
  if (found.length !== 1) throw new Error(`expected one ${id}, got ${found.length}: ${ids(findings).join(', ')}`)
  return found[0]!
}
