/**
 * `unmask analyze` on TLS-RPT reports (issue 17): plain and gzip files, a folder of daily reports, in-process through
 * runCli: the failing MX, counts and days in the text report and in --json, exit 1 for failures and 0 for a report
 * with only successes, exit 2 with a message for a broken gzip, a folder without reports and a gzip bomb.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_INPUT_BYTES } from '../../../src/cli/read-input'
import type { Analysis } from '../../../src/shared/diagnosis'
import { derivedReport, RFC_EXAMPLE, TLSRPT_DIR } from '../../shared/mail-policy/tlsrpt-fixtures'
import { runUnmask } from '../../support/cli'

async function run(argv: string[], lang = 'en_US.UTF-8'): Promise<{ code: number; out: string; err: string }> {
  const r = await runUnmask(argv, { LANG: lang })
  return { code: r.code, out: r.stdout, err: r.stderr }
}

let dir: string
let folder: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'unmask-tlsrpt-'))
  folder = join(dir, 'reports')
  // A month of reports as a mailbox export leaves them: a clean day, then failures (derived from the RFC example).
  const series: [string, string][] = [
    ['company-x!company-y.example!2016-03-31.json.gz', derivedReport('2016-03-31', 5100, [])],
    ['company-x!company-y.example!2016-04-01.json', RFC_EXAMPLE()],
    [
      'company-x!company-y.example!2016-04-02.json.gz',
      derivedReport('2016-04-02', 4800, [
        { type: 'starttls-not-supported', mx: 'mx2.mail.company-y.example', count: 310 },
      ]),
    ],
  ]
  mkdirSync(folder)
  for (const [name, text] of series)
    writeFileSync(join(folder, name), name.endsWith('.gz') ? gzipSync(Buffer.from(text)) : text)
  writeFileSync(join(folder, 'notes.txt'), 'not a report: skipped by name')
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('unmask analyze with TLS-RPT reports', () => {
  it('a folder of daily reports names the failing MX, the sessions, the reporters and the day it started', async () => {
    const r = await run(['analyze', folder])
    expect(r.code).toBe(1)
    expect(r.out).toContain(
      'Senders found no STARTTLS at mx2.mail.company-y.example (510 sessions, 2016-04-01 to 2016-04-02)',
    )
    expect(r.out).toContain('STARTTLS went missing at mx2.mail.company-y.example on 2016-04-01')
    expect(r.out).toContain('Only the path to mx2.mail.company-y.example loses STARTTLS')
    expect(r.out).toContain(
      '_smtp._tls.company-y.example. IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@company-y.example"',
    )
    expect(r.out).not.toContain('notes.txt')
    expect(r.out).toContain(`${join(folder, 'company-x!company-y.example!2016-03-31.json.gz')}:1-`)
  })

  it('--json carries the findings with their parameters and the report parts', async () => {
    const r = await run(['analyze', '--json', folder])
    const a = JSON.parse(r.out) as Analysis
    expect(a.parts.map((p) => p.kind)).toEqual(['tlsrpt', 'tlsrpt', 'tlsrpt'])
    const f = a.findings.find((x) => x.id === 'tlsrpt.starttls-not-supported')!
    expect(f.params).toMatchObject({ mx: 'mx2.mail.company-y.example', sessions: 510, reporters: 'Company-X' })
    expect(a.causes.map((c) => c.id)).toEqual(['inbound-path-inspection'])
  })

  it('a real gzip report from Google with only successes exits 0 (Korean text too)', async () => {
    const file = join(TLSRPT_DIR, 'google-no-policy-found-only-successes.json.gz')
    const en = await run(['analyze', file])
    expect(en.code).toBe(0)
    expect(en.out).toContain('TLS-RPT: 48 sessions to cardinalhealth.ca in TLS, no failures')
    const ko = await run(['analyze', file], 'ko_KR.UTF-8')
    expect(ko.code).toBe(0)
    expect(ko.out).toContain('cardinalhealth.ca로의 48개 세션이 TLS로 성공')
  })

  it('a broken gzip, a gzip bomb and a folder without reports exit 2 with the file named', async () => {
    const broken = join(dir, 'broken.json.gz')
    writeFileSync(broken, gzipSync(Buffer.from(RFC_EXAMPLE())).subarray(0, 60))
    const b = await run(['analyze', broken])
    expect(b.code).toBe(2)
    expect(b.err).toContain(`${broken} is not a readable gzip file`)
    const bomb = join(dir, 'bomb.json.gz')
    writeFileSync(bomb, gzipSync(Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20)))
    const g = await run(['analyze', bomb])
    expect(g.code).toBe(2)
    expect(g.err).toContain(`${bomb} is larger than ${MAX_INPUT_BYTES} bytes`)
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    const e = await run(['analyze', empty])
    expect(e.code).toBe(2)
    expect(e.err).toContain(`${empty} is a directory with no reports in it`)
  })
})
