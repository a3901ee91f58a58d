/**
 * Hashes that bind a preview to what it showed. The running-config is normalised before hashing so that only a
 * change of configuration changes the hash: line endings, trailing spaces and the `:` comment lines (some images
 * stamp them with a time) do not count.
 */
import { createHash } from 'node:crypto'
import type { CommandLine } from '../../shared/remedies/types'

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

export function normaliseConfig(text: string): string {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line !== '' && !line.startsWith(':'))
    .join('\n')
}

export function configHash(text: string): string {
  return sha256(normaliseConfig(text))
}

/** The lines exactly as they will be typed, each with its mode. */
export function linesHash(lines: readonly CommandLine[]): string {
  return sha256(lines.map((l) => `${l.mode}\t${l.command}`).join('\n'))
}
