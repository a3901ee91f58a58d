import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../src/main/api-handlers'
import { createServices } from '../../src/main/services'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

function setup() {
  temp = makeTempDir()
  return createHandlers(createServices({ home: temp.path, encryptor: null, emit: () => {}, platform: 'linux' }))
}

describe('contract dispatch', () => {
  it('runs valid calls against the real case store', async () => {
    const handlers = setup()
    const created = await dispatch(handlers, 'cases.create', { customer: 'Acme', site: 'HQ' })
    expect(created.ok).toBe(true)
    const id = created.ok ? (created.value as { id: string }).id : ''
    const listed = await dispatch(handlers, 'cases.list', undefined)
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ id, customer: 'Acme', site: 'HQ' })] })
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
    expect(await dispatch(handlers, 'report.preview', { caseId: '../../etc', lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(handlers, 'cases.list', undefined)).toEqual({ ok: true, value: [] })
  })

  it('keeps device profiles and never accepts a password inside one', async () => {
    const handlers = setup()
    const id = '0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e01'
    const saved = await dispatch(handlers, 'profiles.saveDevice', {
      id,
      name: 'asa1',
      transport: 'ssh',
      host: '127.0.0.1',
      port: 2222,
      username: 'admin',
      password: 'Cisco123',
    })
    expect(saved.ok).toBe(true)
    expect(JSON.stringify(saved)).not.toContain('Cisco123')
    const opened = await dispatch(handlers, 'session.open', { profileId: '0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e02' })
    expect(opened).toMatchObject({ ok: false, error: { code: 'failed', message: 'no such device profile' } })
    const write = await dispatch(handlers, 'session.write', { sessionId: 'not-a-uuid', data: 'x' })
    expect(write).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('turns a failing handler into a structured error, never a throw', async () => {
    const handlers = setup()
    const result = await dispatch(handlers, 'report.preview', { caseId: '20261128-000000-gone-abcdef', lang: 'en' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('not found') },
    })
  })
})
