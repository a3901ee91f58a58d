/**
 * The app's diagnosis panel analyses pasted or dropped texts through InvestigationService.analyze (issue 17): a
 * pasted TLS-RPT report gives the same findings as `unmask analyze`, is journalled in the case, and a report with
 * only successes gives none of the problem findings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { InvestigationService } from '../../../src/main/investigation/investigation-service'
import { RFC_EXAMPLE, tlsrptFixture } from '../../shared/mail-policy/tlsrpt-fixtures'

const dir = mkdtempSync(join(tmpdir(), 'unmask-investigation-tlsrpt-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the app analyses a pasted TLS-RPT report', () => {
  it('names the failing MX with counts, and the case journal records the analysis', () => {
    const cases = new CaseStore(dir)
    const handle = cases.create({ customer: 'Company Y' })
    handle.close()
    const service = new InvestigationService(cases)
    const a = service.analyze([{ source: 'paste 1', text: RFC_EXAMPLE() }], [], handle.id)
    expect(a.parts.map((p) => p.kind)).toEqual(['tlsrpt'])
    expect(a.findings.find((f) => f.id === 'tlsrpt.starttls-not-supported')?.params).toMatchObject({
      mx: 'mx2.mail.company-y.example',
      sessions: 200,
    })
    expect(a.causes.map((c) => c.id)).toEqual(['inbound-path-inspection'])
    const journal = readFileSync(join(handle.dir, 'journal.jsonl'), 'utf8')
    expect(journal).toContain('tlsrpt.starttls-not-supported')
  })

  it('counter-example: a report with only successes', () => {
    const service = new InvestigationService(new CaseStore(dir))
    const a = service.analyze(
      [{ source: 'google', text: tlsrptFixture('google-no-policy-found-only-successes.json.gz') }],
      [],
    )
    expect(a.findings.map((f) => f.id)).toEqual(['tlsrpt.all-successful'])
    expect(a.causes).toEqual([])
  })
})
