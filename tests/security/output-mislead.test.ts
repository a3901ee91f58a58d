/**
 * Issue 14, output that can mislead: a form feed (or any other character) in a case field must not break out of a CSS
 * string in the report's page margins; bidirectional controls (U+202A–E, U+2066–9, U+200E/F, U+061C) from SMTP lines,
 * configurations or case fields are shown escaped by the CLI and isolated in the report's HTML; OSC residue of a
 * pasted terminal copy (`]2;title` BEL) never reaches a remedy or an evidence excerpt.
 * Bidi controls: Unicode Standard Annex #9 (Unicode Bidirectional Algorithm), table 2; "Trojan Source" (CVE-2021-42574).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { caseText, cssString } from '../../src/shared/report/render/escape'
import { runUnmask } from '../support/cli'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir> | undefined
afterEach(() => temp?.remove())

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
]
/** What a CSS string literal may hold after escaping: safe characters and hex escapes ended by a space. */
const SAFE_CSS_STRING = /^"(?:[A-Za-z0-9 .,_()/#:@+!?%*=-]|\\[0-9a-f]{1,6} )*"$/

describe('CSS strings in the report', () => {
  it.each([
    ['form feed', 'Acme\f}body{display:none}'],
    ['end of the style sheet', '</style><script>alert(1)</script>'],
    ['quote and backslash', 'a"b\\c'],
    ['NUL and line separators', 'a\0b\u2028c\r\nd'],
    ['Korean', '한빛물류 Hanbit Logistics'],
    ['comment opener', '/* x */ ;{}'],
  ])('escape every character outside a safe set: %s', (_name, text) => {
    const css = cssString(text)
    expect(css).toMatch(SAFE_CSS_STRING)
  })

  it('keep the text readable once CSS unescapes it, and drop bidi controls (no isolation exists in CSS content)', () => {
    const cssUnescape = (css: string) =>
      css
        .slice(1, -1)
        .replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    expect(cssUnescape(cssString('한빛물류 "Hanbit" <HQ>'))).toBe('한빛물류 "Hanbit" <HQ>')
    expect(cssUnescape(cssString('Acme\f2'))).toBe('Acme 2')
    for (const c of BIDI) expect(cssUnescape(cssString(`gnp.${c}exe`))).toBe('gnp.exe')
  })
})

describe('bidirectional controls', () => {
  it('are isolated in the report HTML, and text without them is unchanged', () => {
    for (const c of BIDI)
      expect(caseText(`250 mail.example.test ${c}KO`)).toMatch(/^<bdi>250 mail\.example\.test .*KO<\/bdi>$/)
    expect(caseText('250 mail.example.test')).toBe('250 mail.example.test')
  })

  it('are shown escaped by the CLI, in text and in JSON (where the escape reads back as the same string)', async () => {
    temp = makeTempDir()
    const env = { UNMASK_HOME: temp.path }
    const customer = 'Acme \u202eexe.txt\u202c Corp'
    const created = await runUnmask(['case', 'new', '--customer', customer], env)
    expect(created.code).toBe(0)
    const listed = await runUnmask(['case', 'list'], env)
    const json = await runUnmask(['case', 'list', '--json'], env)
    for (const out of [created.stdout + created.stderr, listed.stdout, json.stdout]) {
      for (const c of BIDI) expect(out.includes(c)).toBe(false)
    }
    expect(listed.stdout).toContain('Acme \\u202eexe.txt\\u202c Corp')
    expect((JSON.parse(json.stdout) as Array<{ customer: string }>)[0]!.customer).toBe(customer)
  })
})

describe('OSC residue in pasted text', () => {
  it('never reaches the analysis: facts, evidence excerpts and remedy lines are clean', async () => {
    temp = makeTempDir()
    const fixture = join(
      import.meta.dirname,
      '../fixtures/device-output/asa_7.2-3_asa5505_running-config_inspect_esmtp_mocktest.txt',
    )
    const text = readFileSync(fixture, 'utf8')
      .split('\n')
      // A terminal copy that lost its ESC bytes: the title sequence stays as `]2;…` + BEL before lines.
      .map((l, i) => (i % 7 === 0 ? `]2;admin@fw: ~\x07${l}` : l))
      .join('\n')
    const file = join(temp.path, 'pasted.txt')
    writeFileSync(file, text)
    const r = await runUnmask(['analyze', '--json', file])
    expect(r.code, r.stderr).toBeLessThan(2)
    expect(r.stdout).not.toMatch(/\]2;|\\u0007|\x07/)
    expect(r.stdout).toMatch(/inspect esmtp/)
  })
})
