/**
 * Evidence into a case and out again, through the built CLI: `case attach` and `analyze --case` record each file with
 * its SHA-256 as the app does with pasted texts (attachment.added, then analysis.result), and `case show` lists it
 * readably with `--since` / `--type` filters.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { isBuilt, unmask } from './built'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'device-output')
const CONFIG = join(FIXTURES, 'asa_9.0-3_running-config_ciscoconfparse_sample_01.txt')
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

interface Entry {
  seq: number
  type: string
  at: string
  data: Record<string, unknown>
}

describe.runIf(isBuilt)('case attach, analyze --case and case show', () => {
  const tmp = makeTempDir('unmask-cli-case-evidence-')
  afterAll(() => tmp.remove())
  const env = { UNMASK_HOME: join(tmp.path, 'home') }
  const newCase = (): { id: string; dir: string } =>
    JSON.parse(unmask(['case', 'new', '--customer', 'Evidence Co', '--json'], env).stdout) as {
      id: string
      dir: string
    }
  const entries = (id: string, ...filters: string[]): Entry[] =>
    (JSON.parse(unmask(['case', 'show', id, '--json', ...filters], env).stdout) as { entries: Entry[] }).entries

  it('attach stores each file unchanged and journals it with its SHA-256', () => {
    const { id, dir } = newCase()
    const bounce = join(tmp.path, 'bounce.eml')
    const binary = join(tmp.path, 'capture.bin')
    writeFileSync(bounce, 'From: MAILER-DAEMON\n\n500 #5.5.1 command not recognized\n')
    writeFileSync(binary, Buffer.from([0, 1, 2, 255, 0]))
    const r = unmask(['case', 'attach', id, bounce, binary], env)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`Stored ${bounce} as`)
    expect(r.stdout).toContain(sha256(readFileSync(bounce)))
    const files = entries(id, '--type', 'attachment.added').map((e) => e.data)
    expect(files.map((f) => f.sha256)).toEqual([sha256(readFileSync(bounce)), sha256(readFileSync(binary))])
    const stored = readdirSync(join(dir, 'attachments'))
    expect(stored.some((n) => n.endsWith('bounce.eml'))).toBe(true)
    const copy = stored.find((n) => n.endsWith('capture.bin'))!
    expect(readFileSync(join(dir, 'attachments', copy))).toEqual(readFileSync(binary))
  })

  it('attach is all or nothing: a missing file or case stores nothing and exits 2', () => {
    const { id } = newCase()
    const before = entries(id).length
    const missing = unmask(['case', 'attach', id, CONFIG, join(tmp.path, 'nope.txt')], env)
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('nope.txt')
    expect(entries(id)).toHaveLength(before)
    const noCase = unmask(['case', 'attach', 'no-such-case', CONFIG], env)
    expect(noCase.status).toBe(2)
    expect(noCase.stderr).toContain("No case 'no-such-case'")
  })

  it('analyze --case records the inputs and the analysis as the app does with pasted texts', () => {
    const { id, dir } = newCase()
    const r = unmask(['analyze', CONFIG, '--case', id, '--json'], env)
    expect(r.status).toBe(1)
    const analysis = JSON.parse(r.stdout) as { causes: Array<{ id: string }> }
    expect(r.stderr).toContain(`Stored 1 input(s) and the analysis in case ${id}.`)
    const recorded = entries(id, '--type', 'file,diagnosis')
    expect(recorded.map((e) => e.type)).toEqual(['attachment.added', 'analysis.result'])
    // The text is stored as the app stores pasted text: through the report's redaction (src/main/cases, issue 14), and
    // the SHA-256 journalled is that of the stored file.
    const stored = readdirSync(join(dir, 'attachments'))
    expect(stored).toHaveLength(1)
    const kept = readFileSync(join(dir, 'attachments', stored[0]!))
    expect(recorded[0]!.data.sha256).toBe(sha256(kept))
    expect(readFileSync(CONFIG, 'utf8')).toContain('enable password 2KFQnbNIdI.2KYOU encrypted')
    expect(kept.toString('utf8')).not.toContain('2KFQnbNIdI.2KYOU')
    expect(recorded[1]!.data.sources).toEqual([CONFIG])
    expect((recorded[1]!.data.causes as Array<{ id: string }>).map((c) => c.id)).toEqual(
      analysis.causes.map((c) => c.id),
    )
  })

  it('analyze --case with an unknown case is bad usage before any analysis, and records nothing', () => {
    const r = unmask(['analyze', CONFIG, '--case', 'no-such-case'], env)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain("No case 'no-such-case'")
  })

  it('case show lists the evidence readably, filtered by --type and --since', () => {
    const { id } = newCase()
    unmask(['analyze', CONFIG, '--case', id], env)
    const show = unmask(['case', 'show', id], env)
    expect(show.status).toBe(0)
    expect(show.stdout).toMatch(/Evidence \(3 of 3 journal entries\):/)
    expect(show.stdout).toMatch(/#1 .*file\s+attachment\.added\s+\S+asa_9\.0-3\S* \(\d+ bytes, SHA-256 [0-9a-f]{12}…\)/)
    expect(show.stdout).toMatch(/#2 .*diagnosis\s+analysis\.result\s+\d+ finding\(s\); causes: local-esmtp-inspection/)

    const onlyFiles = unmask(['case', 'show', id, '--type', 'file'], env)
    expect(onlyFiles.stdout).toMatch(/Evidence \(1 of 3 journal entries\):/)
    expect(onlyFiles.stdout).not.toContain('analysis.result')

    expect(entries(id, '--since', '1h')).toHaveLength(3)
    expect(entries(id, '--since', '2999-01-01')).toHaveLength(0)
    expect(entries(id, '--since', '2000-01-01T00:00:00Z', '--type', 'case')).toHaveLength(1)

    const ko = unmask(['--lang', 'ko', 'case', 'show', id, '--type', 'file'], env)
    expect(ko.stdout).toContain('증거 (저널 항목 3개 중 1개):')
    expect(ko.stdout).toContain('파일')
  })

  it('bad --since and --type values are bad usage with the accepted forms named', () => {
    const { id } = newCase()
    const since = unmask(['case', 'show', id, '--since', 'yesterday'], env)
    expect(since.status).toBe(2)
    expect(since.stderr).toContain('--since takes 30m, 2h, 7d')
    const type = unmask(['case', 'show', id, '--type', 'probe,bogus'], env)
    expect(type.status).toBe(2)
    expect(type.stderr).toContain("Unknown --type 'bogus'")
    expect(type.stderr).toContain('case, probe, device, file, diagnosis, change, report')
  })
})
