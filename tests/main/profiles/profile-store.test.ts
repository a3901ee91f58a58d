import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { ProfileStore } from '../../../src/main/profiles/profile-store'
import { deviceProfileSchema } from '../../../src/shared/profiles'
import { makeTempDir } from '../../support/temp-dir'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

describe('profile store', () => {
  it('saves, replaces and removes device profiles and mail targets', () => {
    temp = makeTempDir()
    const store = new ProfileStore(temp.path)
    const id = randomUUID()
    store.saveDevice(
      deviceProfileSchema.parse({ id, name: 'asa1', transport: 'ssh', host: '127.0.0.1', username: 'admin' }),
    )
    store.saveDevice(
      deviceProfileSchema.parse({
        id,
        name: 'asa1-renamed',
        transport: 'ssh',
        host: '127.0.0.1',
        port: 2222,
        username: 'admin',
        legacy: true,
      }),
    )
    const mt = randomUUID()
    store.saveMailTarget({ id: mt, name: 'mx outside', host: '127.0.0.1', port: 2525, vantage: 'outside' })
    const file = store.read()
    expect(file.devices).toEqual([
      expect.objectContaining({ id, name: 'asa1-renamed', port: 2222, legacy: true, backspace: 'del' }),
    ])
    expect(file.mailTargets).toHaveLength(1)
    store.remove(id)
    expect(store.read().devices).toEqual([])
  })

  it('applies serial defaults (9600 8N1) and rejects bad profiles', () => {
    const serial = deviceProfileSchema.parse({
      id: randomUUID(),
      name: 'console',
      transport: 'serial',
      serial: { path: '/dev/ttyUSB0' },
    })
    expect(serial.transport === 'serial' && serial.serial).toEqual({
      path: '/dev/ttyUSB0',
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      flowControl: 'none',
    })
    expect(
      deviceProfileSchema.safeParse({ id: randomUUID(), name: 'x', transport: 'ssh', host: 'a b', username: 'u' })
        .success,
    ).toBe(false)
    expect(
      deviceProfileSchema.safeParse({
        id: randomUUID(),
        name: 'x',
        transport: 'ssh',
        host: 'h',
        username: 'u',
        port: 70000,
      }).success,
    ).toBe(false)
    expect(
      deviceProfileSchema.safeParse({
        id: randomUUID(),
        name: 'x',
        transport: 'ssh',
        host: 'h',
        username: 'u',
        password: 'p',
      }).data,
    ).not.toHaveProperty('password')
  })

  it('reads a damaged file as empty instead of failing', () => {
    temp = makeTempDir()
    const store = new ProfileStore(temp.path)
    writeFileSync(store.path, '{"devices": [{"transport": "gopher"}]}')
    expect(store.read()).toEqual({ devices: [], mailTargets: [] })
  })
})
