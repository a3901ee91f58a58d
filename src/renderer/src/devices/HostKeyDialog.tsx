/** An unknown SSH host key: shown with its fingerprint; the user accepts or refuses. Nothing auto-accepts. */
import type { EventPayload } from '@shared/api'
import { Dialog } from '../Dialog'
import { useI18n } from '../i18n'

export interface HostKeyDialogProps {
  question: EventPayload<'session.hostKey'>
  onDecide: (accept: boolean) => void
}

export function HostKeyDialog({ question, onDecide }: HostKeyDialogProps) {
  const { t } = useI18n()
  return (
    <Dialog title={t('ui.hostKey.unknownTitle')} onCancel={() => onDecide(false)}>
      <p>{t('ui.hostKey.unknownText', { host: question.host, port: question.port })}</p>
      <dl className="fingerprint">
        <dt>{t('ui.hostKey.type')}</dt>
        <dd>{question.keyType}</dd>
        <dt>{t('ui.hostKey.fingerprint')}</dt>
        <dd>
          <code data-testid="host-key-fingerprint">{question.fingerprint}</code>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => onDecide(false)}>
          {t('ui.hostKey.refuse')}
        </button>
        <button type="button" onClick={() => onDecide(true)}>
          {t('ui.hostKey.accept')}
        </button>
      </div>
    </Dialog>
  )
}
