/**
 * What `unmask analyze FILE` accepts as text: terminal captures with stray NUL bytes (issue 22, point 1) and
 * UTF-16 files with a byte-order mark (Windows Notepad's "Unicode") give the clean file's analysis; binary files are
 * refused with exit 2 and a message naming the file.
 * Issue 16: a text file is read in chunks (streamTextFile) into the engine's TextStream; the pieces join up to exactly
 * the text a whole read decodes (multi-byte characters, bad bytes and a BOM cut anywhere), files read differently
 * stay on the whole-text path, and the built CLI's `--json` equals the whole-text analysis of the same files.
 */

import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { CliContext } from '../../src/cli/io'
import { streamTextFile } from '../../src/cli/read-input'
import { looksLikeAsaDump } from '../../src/shared/capture/asa-dump'
import { analyzeTexts, streamable } from '../../src/shared/diagnosis'
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

const ctx = {
  io: { out: () => {}, err: () => {}, env: {}, readStdin: async () => '' },
  t: (key: string) => key,
  lang: 'en',
  exitCode: 0,
} as unknown as CliContext

/** The pieces streamTextFile hands over, or null when it leaves the file to the whole-text path. */
function pieces(file: string, chunkBytes?: number): string[] | null {
  const out: string[] = []
  return streamTextFile(ctx, file, streamable, (p) => out.push(p), chunkBytes) ? out : null
}

/** Text with everything a chunk may cut: Korean, an emoji, a BOM, CRLF, pager residue, bad UTF-8 bytes. */
const TRICKY = [
  Buffer.from('\uFEFFhostname 방화벽-1\r\n', 'utf8'),
  Buffer.from('policy-map global_policy\r\n class inspection_default\r\n', 'utf8'),
  Buffer.from('<--- More --->\r              \r  inspect esmtp 😀\r\n', 'utf8'),
  Buffer.from([0xe2, 0x82, 0x0a, 0xff, 0xc3, 0x0d, 0x0a, 0xf0, 0x9f, 0x98]),
  Buffer.from('description 한국어 설명\n', 'utf8'),
]

describe('streamTextFile: a text file in chunks', () => {
  it('joins up to the whole decoded text wherever the chunks cut (8 KiB sniffed first, then any size)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(TRICKY.length - 1), { minLength: 1, maxLength: 800 }),
        fc.integer({ min: 1, max: 37 }),
        (order, chunkBytes) => {
          const data = Buffer.concat(order.map((i) => TRICKY[i]!))
          const file = join(temp.path, 'tricky.txt')
          writeFileSync(file, data)
          const got = pieces(file, chunkBytes)
          expect(got).not.toBeNull()
          expect(got!.join('')).toBe(data.toString('utf8'))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('leaves gzip, UTF-16, binary, JSON (TLS-RPT) and standard input to the whole-text path', () => {
    const cases: Record<string, Buffer> = {
      'c.gz': gzipSync('hostname fw1\n'),
      'c16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hostname fw1\n', 'utf16le')]),
      'c.bin': randomBytes(4096),
      'c.json': Buffer.from(' {"organization-name":"x","policies":[]}'),
    }
    for (const [name, data] of Object.entries(cases)) {
      writeFileSync(join(temp.path, name), data)
      expect(pieces(join(temp.path, name)), name).toBeNull()
    }
    expect(pieces('-')).toBeNull()
    expect(pieces(temp.path)).toBeNull()
    // Counter-example: a plain configuration is streamed.
    writeFileSync(join(temp.path, 'plain.txt'), 'hostname fw1\n')
    expect(pieces(join(temp.path, 'plain.txt'))).toEqual(['hostname fw1\n', ''])
  })
})

const FIXTURE_ROOTS = [join(ROOT, 'tests/fixtures'), '/work/shared/fixtures/device-output']
function textFixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? textFixtures(join(dir, e.name)) : e.name.endsWith('.txt') ? [join(dir, e.name)] : [],
  )
}

describe.skipIf(!isBuilt)('unmask analyze --json reads streamed files as it reads whole texts', () => {
  it('every text fixture at once, and a 12,000-line configuration, give the whole-text analysis', () => {
    const files = FIXTURE_ROOTS.filter(existsSync)
      .flatMap(textFixtures)
      // A saved `show capture … dump` is read as a capture, not as text.
      .filter((f) => !looksLikeAsaDump(readFileSync(f).subarray(0, 65536).toString('latin1')))
    const big = join(temp.path, 'big.cfg')
    const lines = ['ASA Version 9.8(4)10', 'hostname big-fw']
    for (let i = 0; lines.length < 12_000; i++)
      lines.push(`access-list in extended permit tcp any host 10.0.${i >> 8}.${i & 255} eq smtp`)
    lines.push(
      'policy-map global_policy',
      ' class inspection_default',
      '  inspect esmtp',
      'service-policy global_policy global',
    )
    writeFileSync(big, lines.join('\r\n'))
    files.push(big)
    expect(files.length).toBeGreaterThan(80)
    const r = unmask(['analyze', '--json', ...files])
    expect(r.status, r.stderr).toBe(1)
    const whole = analyzeTexts(files.map((f) => ({ source: f, text: readFileSync(f, 'utf8') })))
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(whole)))
    expect(whole.parts.find((p) => p.source === big)).toMatchObject({ kind: 'running-config', lastLine: 12_004 })
  })
})
