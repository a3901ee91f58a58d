/**
 * The keyboard shortcuts, visible: a footer button (and F1 or `?`, see keys.ts) opens a dialog that lists every one
 * (issue 18, point 5: a documented way out of the terminal and pane shortcuts).
 */
import { useEffect, useState } from 'react'
import { Dialog } from './Dialog'
import { useI18n } from './i18n'
import { HELP_EVENT, SHORTCUTS } from './keys'

export function KeysHelp() {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const show = () => setOpen(true)
    window.addEventListener(HELP_EVENT, show)
    return () => window.removeEventListener(HELP_EVENT, show)
  }, [])
  return (
    <>
      <button type="button" className="keys-help" aria-keyshortcuts="F1" onClick={() => setOpen(true)}>
        {t('ui.keys.button')}
      </button>
      {open && (
        <Dialog title={t('ui.keys.title')} onCancel={() => setOpen(false)}>
          <table className="keys-table" data-testid="keys-help">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.action}>
                  <th scope="row" className="keys-combo">
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ` ${t('ui.keys.or')} `}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </th>
                  <td className="keys-what">{t(`ui.keys.actions.${s.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" onClick={() => setOpen(false)}>
              {t('ui.fix.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}
