/** A modal dialog: focus moves in on open, Tab stays inside, Escape cancels, focus returns on close. */
import { type ReactNode, useLayoutEffect, useRef } from 'react'

export interface DialogProps {
  title: string
  onCancel: () => void
  children: ReactNode
  /** Extra class for the dialog box (e.g. a tall dialog with a sticky footer). */
  className?: string
}

export function Dialog({ title, onCancel, children, className }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null)
  // A layout effect: the focus is inside before the dialog is painted, so a key pressed at once (Escape) reaches it.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first = ref.current?.querySelector<HTMLElement>('input, select, button, textarea')
    first?.focus()
    return () => previous?.focus?.()
  }, [])
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onCancel()
      return
    }
    if (event.key !== 'Tab' || !ref.current) return
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('input, select, button, textarea, [tabindex="0"]')]
    const first = focusable[0]
    const last = focusable.at(-1)
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={onKeyDown}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  )
}
