/**
 * Files dropped on the diagnosis panel (issue 17): the real Google TLS-RPT report as Google sends it (.json.gz) is
 * decompressed and analysed as a report; a plain file is read as it is; a gzip bomb stops at the limit.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { DroppedFileTooLarge, readDroppedFile } from '../../../src/renderer/src/diagnosis/read-dropped'
import { analyzeTexts } from '../../../src/shared/diagnosis'

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'tlsrpt')

describe('readDroppedFile', () => {
  it('decompresses a real gzip TLS-RPT report, which then analyses as one', async () => {
    const gz = readFileSync(join(FIXTURES, 'google-no-policy-found-only-successes.json.gz'))
    const text = await readDroppedFile(new Blob([gz]), 5 * 1024 * 1024)
    expect(text.startsWith('{"organization-name":"Google Inc."')).toBe(true)
    const a = analyzeTexts([{ source: 'google.json.gz', text }])
    expect(a.parts.map((p) => p.kind)).toEqual(['tlsrpt'])
    expect(a.findings.map((f) => f.id)).toEqual(['tlsrpt.all-successful'])
  })

  it('reads a plain file as text, unchanged', async () => {
    const json = readFileSync(join(FIXTURES, 'rfc8460-appendix-b.json'), 'utf8')
    expect(await readDroppedFile(new Blob([json]), 5 * 1024 * 1024)).toBe(json)
  })

  it('stops a gzip bomb at the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20))
    expect(bomb.length).toBeLessThan(10_000)
    await expect(readDroppedFile(new Blob([bomb]), 1024 * 1024)).rejects.toBeInstanceOf(DroppedFileTooLarge)
  })
})
