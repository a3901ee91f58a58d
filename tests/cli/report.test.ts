/** `unmask report` errors that need no browser: each is bad usage (exit 2) with a message that says what to do. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../src/main/cases/case-store'
import { runUnmask } from '../support/cli'

const home = mkdtempSync(join(tmpdir(), 'unmask-cli-report-'))
const env = { UNMASK_HOME: home }
const handle = new CaseStore(home).create({ customer: 'ACME' })
handle.close()
afterAll(() => rmSync(home, { recursive: true, force: true }))

describe('unmask report (usage errors)', () => {
  it('a missing case: exit 2 and the case named', async () => {
    const r = await runUnmask(['report', '--case', join(home, 'nope'), '--out', join(home, 'r.pdf')], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`No case '${join(home, 'nope')}'`)
  })

  it('a --chromium path that does not exist: exit 2, nothing written', async () => {
    const out = join(home, 'x.pdf')
    const r = await runUnmask(['report', '--case', handle.dir, '--out', out, '--chromium', '/no/such/chrome'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('No browser at /no/such/chrome')
    expect(r.stdout).toBe('')
  })

  it('an output folder that does not exist: exit 2', async () => {
    const r = await runUnmask(['report', '--case', handle.dir, '--out', join(home, 'missing', 'r.pdf')], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('its folder does not exist')
  })

  it('no --out: exit 2 with the option named, in Korean with --lang ko', async () => {
    const r = await runUnmask(['report', '--case', handle.dir, '--lang', 'ko'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--out')
    const en = await runUnmask(['report', '--case', handle.dir], env)
    expect(r.stderr).not.toBe(en.stderr)
  })

  it('an unsupported language: exit 2', async () => {
    const r = await runUnmask(['report', '--case', handle.dir, '--out', join(home, 'r.pdf'), '--lang', 'fr'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("'fr'")
  })

  it('is listed in the help', async () => {
    const r = await runUnmask(['report', '--help'], env)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('--chromium <path>')
    expect(r.stdout).toContain('--html <file.html>')
  })
})
