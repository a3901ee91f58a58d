import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../src/main/api-handlers'
import { CaseStore } from '../../src/main/cases/case-store'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

function setup() {
  temp = makeTempDir()
  return createHandlers({ cases: new CaseStore(temp.path), platform: 'linux' })
}

describe('contract dispatch', () => {
  it('runs valid calls against the real case store', async () => {
    const handlers = setup()
    const created = await dispatch(handlers, 'cases.create', { customer: 'Acme', site: 'HQ' })
    expect(created.ok).toBe(true)
    const id = created.ok ? (created.value as { id: string }).id : ''
    const listed = await dispatch(handlers, 'cases.list', undefined)
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ id, customer: 'Acme', site: 'HQ' })] })
    const opened = await dispatch(handlers, 'cases.open', { id })
    expect(opened.ok && (opened.value as { entries: unknown[] }).entries).toHaveLength(1)
    const info = await dispatch(handlers, 'app.info', undefined)
    expect(info).toMatchObject({ ok: true, value: { name: 'Unmask', platform: 'linux' } })
  })

  it('rejects unknown methods, wrong shapes and path tricks without running anything', async () => {
    const handlers = setup()
    expect(await dispatch(handlers, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    expect(await dispatch(handlers, 'cases.create', { customer: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(handlers, 'cases.create', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(handlers, 'cases.open', { id: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(handlers, 'cases.list', undefined)).toEqual({ ok: true, value: [] })
  })

  it('turns a failing handler into a structured error, never a throw', async () => {
    const handlers = setup()
    const result = await dispatch(handlers, 'cases.open', { id: '20261128-000000-gone-abcdef' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('not found') },
    })
  })
})
