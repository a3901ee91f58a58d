/** The capture fixtures (tests/fixtures/captures, sources in its README) as bytes. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const CAPTURES = join(__dirname, '../../fixtures/captures')

export function captureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CAPTURES, name)))
}
