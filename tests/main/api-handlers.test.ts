import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers, dispatch, type Handlers } from '../../src/main/api-handlers'
import { createServices } from '../../src/main/services'
import { TransportError } from '../../src/main/transports/channel'
import { ApiCallError, requests } from '../../src/shared/api'
import { createTranslator } from '../../src/shared/i18n'
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

describe('typed errors', () => {
  it('carries the i18n key and params of a coded failure, which the renderer shows translated', async () => {
    const failing = {
      'cases.list': () => {
        throw new TransportError('hostKeyChanged', {
          host: '127.0.0.1',
          port: 22,
          keyType: 'ssh-ed25519',
          fingerprint: 'SHA256:NEWnew',
          previous: 'SHA256:OLDold',
          origin: 'known_hosts:3',
        })
      },
    } as unknown as Handlers
    const result = await dispatch(failing, 'cases.list', undefined)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'failed', key: 'device.errors.hostKeyChanged', params: { host: '127.0.0.1', port: 22 } },
    })
    if (result.ok) throw new Error('expected a failure')
    // What the preload throws carries the same fields; the renderer translates key + params (src/renderer/src/errors.ts).
    const thrown = new ApiCallError(result.error)
    expect(thrown).toMatchObject({ key: result.error.key, params: result.error.params })
    const shown = createTranslator('ko')(thrown.key!, thrown.params)
    expect(shown).toContain('SHA256:OLDold')
    expect(shown).toContain('SHA256:NEWnew')
    expect(shown).not.toContain('hostKeyChanged')
  })

  it('gives no key to a failure without a catalogued code (counter-example)', async () => {
    const failing = {
      'cases.list': () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
      },
    } as unknown as Handlers
    const result = await dispatch(failing, 'cases.list', undefined)
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'connect ECONNREFUSED 127.0.0.1:1' } })
  })

  it('hands the handler the parsed input, defaults filled in', async () => {
    let seen: unknown
    const handlers = {
      'report.preview': (input: unknown) => {
        seen = input
        return { html: '' }
      },
    } as unknown as Handlers
    await dispatch(handlers, 'report.preview', { caseId: '20261128-000000-acme-abcdef', lang: 'ko', extra: 1 })
    expect(seen).toEqual({ caseId: '20261128-000000-acme-abcdef', lang: 'ko' })
  })

  it('parses each request once: the real handlers do not parse again', async () => {
    const handlers = setup()
    const schema = requests['fix.close'].input
    const original = schema.safeParse.bind(schema)
    const originalParse = schema.parse.bind(schema)
    let parses = 0
    Object.assign(schema, {
      safeParse: (value: unknown) => {
        parses += 1
        return original(value)
      },
      parse: (value: unknown) => {
        parses += 1
        return originalParse(value)
      },
    })
    try {
      expect(await dispatch(handlers, 'fix.close', { fixId: '0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e01' })).toEqual({
        ok: true,
        value: undefined,
      })
    } finally {
      Object.assign(schema, { safeParse: original, parse: originalParse })
    }
    expect(parses).toBe(1)
  })
})
