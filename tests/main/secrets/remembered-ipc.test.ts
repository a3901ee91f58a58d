/**
 * `secrets.remembered` (issue 18 point 4): which device profiles have a password in the keychain for their present
 * transport, host, port and user, so the fix dialog does not ask again — also in a later run of the app. Ids only.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../src/main/api-handlers'
import { createServices } from '../../../src/main/services'
import { type DeviceProfile, deviceProfileSchema } from '../../../src/shared/profiles'
import { makeTempDir } from '../../support/temp-dir'
import { aesEncryptor } from './aes-encryptor'

let temp: ReturnType<typeof makeTempDir>
afterEach(() => temp?.remove())

type NetworkProfile = Extract<DeviceProfile, { transport: 'ssh' }>
const A = deviceProfileSchema.parse({
  id: '0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e0a',
  name: 'fw-a',
  transport: 'ssh',
  host: '127.0.0.1',
  port: 2222,
  username: 'admin',
}) as NetworkProfile
const B: NetworkProfile = { ...A, id: '0b6f1d1e-3f61-4a57-9a55-8a0f7c2f0e0b', name: 'fw-b', port: 2223 }

function services(home: string) {
  return createServices({ home, encryptor: aesEncryptor(), emit: () => {}, platform: 'linux' })
}

describe('secrets.remembered', () => {
  it('names the profiles whose password is stored, across runs, and forgets a profile pointed elsewhere', async () => {
    temp = makeTempDir()
    const first = services(temp.path)
    const handlers = createHandlers(first)
    for (const p of [A, B]) expect(await dispatch(handlers, 'profiles.saveDevice', p)).toMatchObject({ ok: true })
    expect(await dispatch(handlers, 'secrets.remembered', undefined)).toEqual({ ok: true, value: [] })
    first.secrets.set(A, 'password', 'lab-admin')

    // A later run of the app: new services over the same folder.
    const later = createHandlers(services(temp.path))
    const listed = await dispatch(later, 'secrets.remembered', undefined)
    expect(listed).toEqual({ ok: true, value: [A.id] })
    expect(JSON.stringify(listed)).not.toContain('lab-admin')

    // Edited to point at another host: the password no longer belongs to it.
    await dispatch(later, 'profiles.saveDevice', { ...A, host: '127.0.0.2' })
    expect(await dispatch(later, 'secrets.remembered', undefined)).toEqual({ ok: true, value: [] })
  })
})
