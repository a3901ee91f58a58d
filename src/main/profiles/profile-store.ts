/** Device profiles and mail targets in <home>/profiles.json, validated on every read and write. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type DeviceProfile, type MailTarget, type ProfilesFile, profilesFileSchema } from '../../shared/profiles'

export class ProfileStore {
  readonly path: string

  constructor(home: string) {
    this.path = join(home, 'profiles.json')
  }

  read(): ProfilesFile {
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'))
    } catch {
      return { devices: [], mailTargets: [] }
    }
    const parsed = profilesFileSchema.safeParse(raw)
    return parsed.success ? parsed.data : { devices: [], mailTargets: [] }
  }

  saveDevice(profile: DeviceProfile): ProfilesFile {
    const file = this.read()
    file.devices = [...file.devices.filter((d) => d.id !== profile.id), profile]
    return this.write(file)
  }

  saveMailTarget(target: MailTarget): ProfilesFile {
    const file = this.read()
    file.mailTargets = [...file.mailTargets.filter((t) => t.id !== target.id), target]
    return this.write(file)
  }

  remove(id: string): ProfilesFile {
    const file = this.read()
    return this.write({
      devices: file.devices.filter((d) => d.id !== id),
      mailTargets: file.mailTargets.filter((t) => t.id !== id),
    })
  }

  private write(file: ProfilesFile): ProfilesFile {
    const valid = profilesFileSchema.parse(file)
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 })
    const temp = `${this.path}.tmp`
    writeFileSync(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 })
    renameSync(temp, this.path)
    return valid
  }
}
