/**
 * The texts behind the diagnosis (pasted, dropped, or read from a device), each with numbered lines so an
 * evidence reference can jump to the exact line. A source renders its lines only once opened: a pasted
 * 5 MB configuration costs nothing until someone looks at it.
 */
import { useEffect, useState } from 'react'
import { useI18n } from '../i18n'
import { backToFinding, lineAnchor, REVEAL_SOURCE_EVENT } from './lines'
import { useSourceLabel } from './source-labels'

const MAX_LINES = 20_000

export function SourcesList({ sources }: { sources: Array<{ source: string; text: string }> }) {
  const { t } = useI18n()
  const [open, setOpen] = useState<Set<string>>(new Set())
  const label = useSourceLabel()

  useEffect(() => {
    const reveal = (event: Event) => {
      const source = (event as CustomEvent<string>).detail
      setOpen((all) => (all.has(source) ? all : new Set([...all, source])))
    }
    window.addEventListener(REVEAL_SOURCE_EVENT, reveal)
    return () => window.removeEventListener(REVEAL_SOURCE_EVENT, reveal)
  }, [])

  if (sources.length === 0) return null
  return (
    <section className="sources" aria-label={t('ui.sources.title')}>
      <h3>{t('ui.sources.title')}</h3>
      {sources.map(({ source, text }) => {
        const isOpen = open.has(source)
        const lines = isOpen ? text.split(/\r?\n/) : []
        return (
          <div key={source} className="source">
            <button
              type="button"
              className="link"
              aria-expanded={isOpen}
              onClick={() =>
                setOpen((all) => {
                  const next = new Set(all)
                  if (next.has(source)) next.delete(source)
                  else next.add(source)
                  return next
                })
              }
            >
              {label(source)}
            </button>
            {isOpen && (
              <button type="button" className="link source-back" onClick={() => backToFinding()}>
                ↩ {t('ui.sources.back')}
              </button>
            )}
            {isOpen && (
              <ol className="transcript source-lines">
                {lines.slice(0, MAX_LINES).map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line's number is its identity here
                  <li key={i} id={lineAnchor(source, i + 1)} tabIndex={-1}>
                    <span className="at">{i + 1}</span>
                    <span />
                    <code>{line}</code>
                  </li>
                ))}
                {lines.length > MAX_LINES && (
                  <li className="hint">{t('ui.sources.truncated', { count: lines.length })}</li>
                )}
              </ol>
            )}
          </div>
        )
      })}
    </section>
  )
}
