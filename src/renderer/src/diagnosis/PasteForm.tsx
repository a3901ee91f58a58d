/** The paste box of the diagnosis panel: pasted text on submit, dropped files (texts, captures) on drop. */
import { useState } from 'react'
import { useI18n } from '../i18n'

export interface PasteFormProps {
  disabled: boolean
  onPaste: (text: string) => void
  onFiles: (files: File[]) => void
}

export function PasteForm({ disabled, onPaste, onFiles }: PasteFormProps) {
  const { t } = useI18n()
  const [paste, setPaste] = useState('')
  return (
    <form
      className="paste-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (paste.trim() === '') return
        onPaste(paste)
        setPaste('')
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault()
        onFiles([...e.dataTransfer.files])
      }}
    >
      <label>
        {t('ui.analysis.paste')}
        <textarea
          rows={4}
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          placeholder={t('ui.analysis.placeholder')}
        />
      </label>
      <button type="submit" disabled={disabled}>
        {t('ui.analysis.run')}
      </button>
    </form>
  )
}
