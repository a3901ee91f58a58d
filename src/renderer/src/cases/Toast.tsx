/**
 * A passing message at the bottom of the window (the exported report's name) instead of a long path in the header,
 * which used to grow the header to four lines at 1366 px. The full path can be copied.
 */
import { useState } from 'react'
import { useI18n } from '../i18n'

export function Toast({ message, path, onDismiss }: { message: string; path?: string; onDismiss: () => void }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  return (
    <div className="toast" role="status" data-testid="report-status">
      <span title={path}>{message}</span>
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
