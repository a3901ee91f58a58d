/**
 * What `unmask analyze FILE` accepts as text: terminal captures with stray NUL bytes (issue 22, point 1) and
 * UTF-16 files with a byte-order mark (Windows Notepad's "Unicode") give the clean file's analysis; binary files are
 * refused with exit 2 and a message naming the file.
 */

import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { isBuilt, ROOT, unmask } from './built'

const CONFIG = join(ROOT, 'tests/fixtures/device-output/asa_9.0-3_running-config_ciscoconfparse_sample_01.txt')
const temp = makeTempDir('unmask-analyze-input-')
afterAll(() => temp.remove())

function analysis(file: string) {
  const r = unmask(['analyze', '--json', file])
  expect(r.status, r.stderr).not.toBe(2)
  const json = JSON.parse(r.stdout) as {
    findings: { id: string }[]
    causes: { id: string }[]
    remedies: { id: string }[]
  }
  return {
    findings: json.findings.map((f) => f.id).sort(),
    causes: json.causes.map((c) => c.id),
    remedies: json.remedies.map((r) => r.id),
  }
}

describe.skipIf(!isBuilt)('unmask analyze: what counts as text', () => {
  const clean = analysis(CONFIG)

  it('the fixture is one where inspection is found (so the comparisons below mean something)', () => {
    expect(clean.findings).toContain('asa.esmtp-inspection-active')
    expect(clean.remedies.length).toBeGreaterThan(0)
  })

  it('stray NUL bytes after line ends (console padding) give the clean analysis', async () => {
    const { readFileSync } = await import('node:fs')
    const text = readFileSync(CONFIG, 'utf8')
    const padded = join(temp.path, 'padded.txt')
    writeFileSync(padded, Buffer.from(text.replace(/\n/g, '\r\n\0'), 'utf8'))
    expect(analysis(padded)).toEqual(clean)
  })

  it('a UTF-16 LE file with a BOM gives the clean analysis', async () => {
    const { readFileSync } = await import('node:fs')
    const utf16 = join(temp.path, 'unicode.txt')
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(CONFIG, 'utf8'), 'utf16le')]),
    )
    expect(analysis(utf16)).toEqual(clean)
  })

  it('binary files are refused with exit 2 and names the file', () => {
    const binary = join(temp.path, 'config.bin')
    writeFileSync(binary, randomBytes(16 * 1024))
    const r = unmask(['analyze', binary])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('config.bin is not a text file')
    // UTF-16 without its BOM: a NUL in every other byte.
    const noBom = join(temp.path, 'no-bom.txt')
    writeFileSync(
      noBom,
      Buffer.from('policy-map global_policy\n class inspection_default\n  inspect esmtp\n', 'utf16le'),
    )
    expect(unmask(['analyze', noBom]).status).toBe(2)
  })
})
