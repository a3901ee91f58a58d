/** Saved mail targets: pick one to fill the probe form, or save what is typed for the next visit. */

import { parseTarget } from '@shared/probe/target'
import type { MailTarget } from '@shared/profiles'
import { useEffect, useState } from 'react'
import { useBridge } from '../bridge'
import { useI18n } from '../i18n'

export interface SavedTargetsProps {
  current: Array<{ input: string; vantage: string }>
  onPick: (target: MailTarget) => void
}

export function SavedTargets({ current, onPick }: SavedTargetsProps) {
  const bridge = useBridge()
  const { t } = useI18n()
  const [targets, setTargets] = useState<MailTarget[]>([])

  useEffect(() => {
    bridge?.invoke('profiles.list', undefined).then(
      (file) => setTargets(file.mailTargets),
      () => {},
    )
  }, [bridge])

  const save = async () => {
    if (!bridge) return
    for (const { input, vantage } of current) {
      const parsed = parseTarget(input.trim())
      if (!parsed.ok) continue
      const { host, port } = parsed.target
      const existing = targets.find((x) => x.host === host && x.port === port && x.vantage === vantage)
      const file = await bridge.invoke('profiles.saveMailTarget', {
        id: existing?.id ?? crypto.randomUUID(),
        name: `${vantage} ${host}:${port}`,
        host,
        port,
        vantage,
      })
      setTargets(file.mailTargets)
    }
  }

  return (
    <div className="saved-targets">
      {targets.length > 0 && (
        <label>
          {t('ui.probe.saved')}{' '}
          <select
            value=""
            onChange={(e) => {
              const picked = targets.find((x) => x.id === e.target.value)
              if (picked) onPick(picked)
            }}
          >
            <option value="">—</option>
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        disabled={!bridge || current.every((c) => c.input.trim() === '')}
        onClick={() => void save()}
      >
        {t('ui.probe.save')}
      </button>
    </div>
  )
}
