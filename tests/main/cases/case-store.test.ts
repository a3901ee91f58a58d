import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseNotFoundError, CaseStore, makeCaseId } from '../../../src/main/cases/case-store'
import { unmaskHome } from '../../../src/main/cases/paths'
import { caseIdSchema } from '../../../src/shared/cases'
import { makeTempDir } from '../../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('case store', () => {
  it('creates a case folder whose journal starts with the metadata', () => {
    temp = makeTempDir()
    const store = new CaseStore(temp.path)
    const handle = store.create({ customer: '  Acme Corp ', site: 'Seoul DC', engineer: 'Kim' })
    handle.close()
    expect(handle.dir).toBe(join(temp.path, 'cases', handle.id))
    expect(existsSync(join(handle.dir, 'attachments'))).toBe(true)
    const detail = store.read(handle.id)
    expect(detail).toMatchObject({ customer: 'Acme Corp', site: 'Seoul DC', engineer: 'Kim' })
    expect(detail.entries[0]!.type).toBe('case.created')
  })

  it('lists cases newest first and skips folders that are not cases', () => {
    temp = makeTempDir()
    let now = new Date('2026-11-01T10:00:00Z')
    const store = new CaseStore(temp.path, () => now)
    store.create({ customer: 'Old' }).close()
    now = new Date('2026-11-02T10:00:00Z')
    store.create({ customer: 'New' }).close()
    expect(store.list().map((c) => c.customer)).toEqual(['New', 'Old'])
  })

  it('reopens a case and continues its journal numbering', () => {
    temp = makeTempDir()
    const store = new CaseStore(temp.path)
    const created = store.create({ customer: 'Acme' })
    created.appendUntyped('probe.result', { verdict: 'masked' })
    created.close()
    const reopened = store.open(created.id)
    reopened.appendUntyped('note', { text: 'second visit' })
    reopened.close()
    const { entries } = store.read(created.dir)
    expect(entries.map((e) => [e.seq, e.type])).toEqual([
      [0, 'case.created'],
      [1, 'probe.result'],
      [2, 'note'],
    ])
  })

  it('stores attachments with their SHA-256 and records them in the journal', () => {
    temp = makeTempDir()
    const store = new CaseStore(temp.path)
    const handle = store.create({ customer: 'Acme' })
    const content = 'policy-map global_policy\n class inspection_default\n  inspect esmtp\n'
    const att = handle.attach('../../running-config.txt', content)
    handle.close()
    const expected = createHash('sha256').update(content).digest('hex')
    expect(att.sha256).toBe(expected)
    expect(att.name).not.toContain('/')
    const onDisk = join(handle.dir, 'attachments', att.name)
    expect(readFileSync(onDisk, 'utf8')).toBe(content)
    expect(store.read(handle.id).attachments).toEqual([att])
    if (process.platform !== 'win32') expect(statSync(onDisk).mode & 0o077).toBe(0)
  })

  it('refuses an unknown case and invalid metadata', () => {
    temp = makeTempDir()
    const store = new CaseStore(temp.path)
    expect(() => store.read('20261128-000000-nope-abcdef')).toThrow(CaseNotFoundError)
    expect(() => store.create({ customer: '   ' })).toThrow()
    expect(() => store.create({ customer: 'x'.repeat(201) })).toThrow()
  })

  it('makes ids that are safe folder names, also for Korean customer names', () => {
    const at = new Date('2026-11-28T09:08:07Z')
    const latin = makeCaseId('Acme / ../ Corp', at)
    const hangul = makeCaseId('한국전력', at)
    expect(latin).toMatch(/^20261128-090807-acme-corp-[0-9a-f]{6}$/)
    expect(hangul).toMatch(/^20261128-090807-[0-9a-f]{6}$/)
    expect(caseIdSchema.safeParse(latin).success).toBe(true)
    expect(caseIdSchema.safeParse(hangul).success).toBe(true)
    expect(caseIdSchema.safeParse('../etc').success).toBe(false)
  })
})

describe('unmask home', () => {
  it('honours UNMASK_HOME, else follows the platform convention', () => {
    expect(unmaskHome({ UNMASK_HOME: '/data/u' }, 'linux')).toBe('/data/u')
    expect(unmaskHome({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Unmask'))
    expect(unmaskHome({ APPDATA: 'C:/Users/k/AppData/Roaming' }, 'win32')).toBe(
      join('C:/Users/k/AppData/Roaming', 'Unmask'),
    )
    expect(unmaskHome({}, 'darwin')).toMatch(/Library\/Application Support\/Unmask$/)
  })
})
