/** Create, edit and delete a device profile (issue 18, point 10). */
import type { DeviceProfile } from '@shared/profiles'
import { Dialog } from '../Dialog'
import { useI18n } from '../i18n'
import { ProfileForm } from './ProfileForm'

export interface ProfileDialogsProps {
  creating: boolean
  editing?: DeviceProfile
  deleting?: DeviceProfile
  onSave: (profile: DeviceProfile) => void
  onDelete: (profile: DeviceProfile) => void
  onCancel: () => void
}

export function ProfileDialogs({ creating, editing, deleting, onSave, onDelete, onCancel }: ProfileDialogsProps) {
  const { t } = useI18n()
  if (creating || editing) return <ProfileForm initial={editing} onSave={onSave} onCancel={onCancel} />
  if (!deleting) return null
  return (
    <Dialog title={t('ui.device.deleteTitle', { name: deleting.name })} onCancel={onCancel}>
      <p>{t('ui.device.deleteText', { name: deleting.name })}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('ui.cancel')}
        </button>
        <button type="button" onClick={() => onDelete(deleting)}>
          {t('ui.device.delete')}
        </button>
      </div>
    </Dialog>
  )
}
