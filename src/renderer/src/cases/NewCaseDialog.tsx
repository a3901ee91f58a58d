/** Opens a new case: customer, site, engineer. Used by the start screen and the case bar. */

import type { CaseSummary } from '@shared/cases'
import { useState } from 'react'
import { useBridge } from '../bridge'
import { Dialog } from '../Dialog'
import { ErrorText } from '../ErrorText'
import { describeError } from '../errors'
import { useI18n } from '../i18n'

export function NewCaseDialog({ onCreated, onCancel }: { onCreated: (c: CaseSummary) => void; onCancel: () => void }) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [customer, setCustomer] = useState('')
  const [site, setSite] = useState('')
  const [engineer, setEngineer] = useState('')
  const [error, setError] = useState<string>()

  const create = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!bridge) return
    try {
      onCreated(
        await bridge.invoke('cases.create', { customer, site: site || undefined, engineer: engineer || undefined }),
      )
    } catch (e) {
      setError(describeError(e, t))
    }
  }

  return (
    <Dialog title={t('ui.newCase')} onCancel={onCancel}>
      <form className="form-grid" onSubmit={(e) => void create(e)}>
        <label>
          {t('common.customer')}
          <input required maxLength={200} value={customer} onChange={(e) => setCustomer(e.target.value)} />
        </label>
        <label>
          {t('common.site')}
          <input maxLength={200} value={site} onChange={(e) => setSite(e.target.value)} />
        </label>
        <label>
          {t('common.engineer')}
          <input maxLength={200} value={engineer} onChange={(e) => setEngineer(e.target.value)} />
        </label>
        <ErrorText error={error} />
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('ui.cancel')}
          </button>
          <button type="submit">{t('ui.createCase')}</button>
        </div>
      </form>
    </Dialog>
  )
}
