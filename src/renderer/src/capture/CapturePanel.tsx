/**
 * The guided capture's entry in the device pane: a button for the selected device profile (it needs a case to
 * record into) that opens the capture dialog on its own connection.
 */
import { useState } from 'react'
import { useI18n } from '../i18n'
import { CaptureDialog } from './CaptureDialog'

export function CapturePanel({ caseId, profileId }: { caseId?: string; profileId?: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" disabled={!caseId || !profileId} onClick={() => setOpen(true)}>
        {t('device.guidedCapture.panel.open')}
      </button>
      {open && caseId && profileId && (
        <CaptureDialog caseId={caseId} profileId={profileId} onClose={() => setOpen(false)} />
      )}
    </>
  )
}
