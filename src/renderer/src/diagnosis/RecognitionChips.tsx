/** One chip per pasted or dropped text: what it was recognised as ("ASA config ✓"), or "not recognised". */
import type { Analysis } from '@shared/diagnosis'
import { useI18n } from '../i18n'

export interface RecognitionChipsProps {
  texts: ReadonlyArray<{ source: string }>
  analysis?: Analysis
}

export function RecognitionChips({ texts, analysis }: RecognitionChipsProps) {
  const { t } = useI18n()
  if (texts.length === 0) return null
  return (
    <ul className="chips" aria-label={t('ui.analysis.recognition')}>
      {texts.map((x) => {
        const parts = analysis?.parts.filter((p) => p.source === x.source && p.kind !== 'unknown') ?? []
        return (
          <li key={x.source} className={parts.length ? 'chip good' : 'chip bad'} data-testid="recognition-chip">
            {x.source}:{' '}
            {parts.length
              ? t('ui.analysis.recognised', {
                  kinds: [...new Set(parts.map((p) => t(`findings.kinds.${p.kind}`)))].join(', '),
                })
              : t('ui.analysis.notRecognised')}
          </li>
        )
      })}
    </ul>
  )
}
