/** Quick connect (issue 18, point 10): `user@host[:port]` typed once, saved as a profile named after the host. */
import { useState } from 'react'
import { ErrorText } from '../ErrorText'
import { useI18n } from '../i18n'

const QUICK = /^([A-Za-z0-9._-]{1,64})@([A-Za-z0-9.:_-]+?|\[[0-9A-Fa-f:]+\])(?::(\d{1,5}))?$/

export function parseQuickTarget(text: string): { username: string; host: string; port: number } | undefined {
  const match = QUICK.exec(text.trim())
  if (!match) return undefined
  const port = match[3] ? Number(match[3]) : 22
  if (port < 1 || port > 65_535) return undefined
  return { username: match[1]!, host: match[2]!.replace(/^\[|\]$/g, ''), port }
}

export function QuickConnect({ onConnect, error }: { onConnect: (text: string) => void; error?: string }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  return (
    <form
      className="quick-connect"
      onSubmit={(e) => {
        e.preventDefault()
        if (text.trim()) onConnect(text)
      }}
    >
      <label>
        {t('ui.device.quickTarget')}
        <input value={text} placeholder="admin@192.0.2.1:22" onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit">{t('ui.device.quick')}</button>
      <ErrorText error={error} />
    </form>
  )
}
