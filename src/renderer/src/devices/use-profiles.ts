/** The saved device profiles and the one picked in the toolbar, kept in step with main's profile store. */
import type { DeviceProfile } from '@shared/profiles'
import { useEffect, useState } from 'react'
import { useBridge } from '../bridge'

export function useProfiles() {
  const bridge = useBridge()
  const [profiles, setProfiles] = useState<DeviceProfile[]>([])
  const [selected, setSelected] = useState('')

  useEffect(() => {
    bridge?.invoke('profiles.list', undefined).then(
      (file) => {
        setProfiles(file.devices)
        setSelected((s) => s || file.devices[0]?.id || '')
      },
      () => {},
    )
  }, [bridge])

  const save = async (profile: DeviceProfile): Promise<DeviceProfile | undefined> => {
    if (!bridge) return undefined
    const file = await bridge.invoke('profiles.saveDevice', profile)
    setProfiles(file.devices)
    setSelected(profile.id)
    return profile
  }

  const remove = async (profile: DeviceProfile): Promise<void> => {
    if (!bridge) return
    const file = await bridge.invoke('profiles.remove', { id: profile.id })
    setProfiles(file.devices)
    setSelected(file.devices[0]?.id ?? '')
  }

  return { profiles, selected, setSelected, save, remove }
}
