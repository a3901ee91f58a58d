/**
 * Keyboard accelerators (issue 18, point 5), listened to in the capture phase so that they work from inside the
 * terminal too (xterm would otherwise take every key): F6 (or Ctrl+Shift+Tab) moves between the terminal and the
 * diagnosis — the documented way out of the terminal; Ctrl+Shift+P probes, Ctrl+Shift+E runs the evidence script,
 * Ctrl+Shift+N goes to the next check. The panes listen for the events below.
 */
import { useEffect } from 'react'

export const PROBE_EVENT = 'unmask:probe'
export const EVIDENCE_EVENT = 'unmask:evidence'

/** The terminal of the visible tab (xterm's input element), or the terminal pane itself. */
export function focusTerminal(): boolean {
  const input = document.querySelector<HTMLElement>('.tab-panel:not(.hidden) .xterm-helper-textarea')
  const target = input ?? document.querySelector<HTMLElement>('.terminal-pane')
  target?.focus()
  return input !== null
}

function focusDiagnosis(): void {
  const pane = document.querySelector<HTMLElement>('.diagnosis-pane')
  const first = pane?.querySelector<HTMLElement>('.verdict button, [data-testid="check-row"] summary')
  ;(first ?? pane)?.focus()
}

function nextCheck(): void {
  const rows = [...document.querySelectorAll<HTMLElement>('.diagnosis-pane > .checks-list summary')]
  if (rows.length === 0) return
  const at = rows.indexOf(document.activeElement as HTMLElement)
  const next = rows[(at + 1) % rows.length]!
  next.focus()
  next.scrollIntoView?.({ block: 'nearest' })
}

export function handleAccelerator(event: KeyboardEvent): boolean {
  const inTerminal = (document.activeElement as HTMLElement | null)?.closest?.('.terminal-pane') !== null
  if (event.key === 'F6' || (event.key === 'Tab' && event.ctrlKey && event.shiftKey)) {
    if (document.querySelector('.dialog')) return false
    if (inTerminal) focusDiagnosis()
    else focusTerminal()
    return true
  }
  if (!(event.ctrlKey && event.shiftKey) || event.altKey) return false
  switch (event.key.toUpperCase()) {
    case 'P':
      window.dispatchEvent(new Event(PROBE_EVENT))
      return true
    case 'E':
      window.dispatchEvent(new Event(EVIDENCE_EVENT))
      return true
    case 'N':
      nextCheck()
      return true
    default:
      return false
  }
}

export function useAccelerators(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (handleAccelerator(event)) {
        event.preventDefault()
        event.stopPropagation()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
}
