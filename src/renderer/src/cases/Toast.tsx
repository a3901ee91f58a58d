/**
 * A passing message at the bottom of the window (the exported report's name) instead of a long path in the header,
 * which used to grow the header to four lines at 1366 px. Open, Show in folder, or copy the full path.
 */
import { useState } from 'react'
import { useI18n } from '../i18n'

export interface ToastProps {
  message: string
  path?: string
  /** Opens the file (or its folder) with the desktop's own handler. */
  onReveal?: (folder: boolean) => void
  onDismiss: () => void
}

export function Toast({ message, path, onReveal, onDismiss }: ToastProps) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  return (
    <div className="toast" role="status" data-testid="report-status">
      <span title={path}>{message}</span>
      {path && onReveal && (
        <>
          <button type="button" onClick={() => onReveal(false)}>
            {t('ui.toast.open')}
          </button>
          <button type="button" onClick={() => onReveal(true)}>
            {t('ui.toast.showInFolder')}
          </button>
        </>
      )}
      {path && (
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(path).then(
              () => setCopied(true),
              () => {},
            )
          }
        >
          {copied ? t('ui.toast.copied') : t('ui.toast.copyPath')}
        </button>
      )}
      <button type="button" aria-label={t('ui.toast.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
