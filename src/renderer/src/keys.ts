/**
 * Keyboard accelerators (issue 18, point 5), listened to in the capture phase so that they work from inside the
 * terminal too (xterm would otherwise take every key): F6 (or Ctrl+Shift+Tab) moves between the terminal and the
 * diagnosis — the documented way out of the terminal; Ctrl+1 and Ctrl+2 go to the terminal and to the diagnosis;
 * Ctrl+Shift+P probes, Ctrl+Shift+E runs the evidence script, Ctrl+Shift+N goes to the next check; F1 (or `?` outside
 * a text field) lists them all (KeysHelp). The panes listen for the events below.
 *
 * Why these keys: none is taken by the application menu (src/main/menu.ts uses Electron's roles, whose accelerators
 * are Ctrl+Q/Z/Shift+Z/X/C/V/A/M/W, Ctrl+0/+/-, F11, Ctrl+Shift+I — electron/electron lib/browser/api/menu-item-roles.ts),
 * and xterm 6.0.0 sends nothing for Ctrl+1 or Ctrl+2 (src/common/input/Keyboard.ts maps Ctrl+3…7 to ESC, FS, GS, RS,
 * US and Ctrl+8 to DEL — Ctrl+6, i.e. Ctrl+^, is the Cisco CLI's escape sequence, so digits above 2 stay the device's).
 */
import { useEffect } from 'react'

export const PROBE_EVENT = 'unmask:probe'
export const EVIDENCE_EVENT = 'unmask:evidence'
export const HELP_EVENT = 'unmask:keys-help'

/** Every shortcut, as the help dialog lists it (ui.keys.actions.<action>). */
export const SHORTCUTS = [
  { keys: ['Ctrl+1'], action: 'terminal' },
  { keys: ['Ctrl+2'], action: 'diagnosis' },
  { keys: ['F6', 'Ctrl+Shift+Tab'], action: 'switch' },
  { keys: ['Ctrl+Shift+P'], action: 'probe' },
  { keys: ['Ctrl+Shift+E'], action: 'evidence' },
  { keys: ['Ctrl+Shift+N'], action: 'next' },
  { keys: ['Ctrl+F'], action: 'search' },
  { keys: ['Esc'], action: 'close' },
  { keys: ['F1', '?'], action: 'help' },
] as const

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

/** A key typed into a text field (or the terminal's own textarea) is text, not a shortcut. */
function typingText(): boolean {
  const el = document.activeElement as HTMLElement | null
  return el !== null && (el.matches('input, textarea, select') || el.isContentEditable)
}

export function handleAccelerator(event: KeyboardEvent): boolean {
  const inTerminal = (document.activeElement as HTMLElement | null)?.closest?.('.terminal-pane') !== null
  const dialogOpen = document.querySelector('.dialog') !== null
  if (event.key === 'F6' || (event.key === 'Tab' && event.ctrlKey && event.shiftKey)) {
    if (dialogOpen) return false
    if (inTerminal) focusDiagnosis()
    else focusTerminal()
    return true
  }
  if (event.key === 'F1' || (event.key === '?' && !event.ctrlKey && !event.altKey && !typingText())) {
    if (dialogOpen) return false
    window.dispatchEvent(new Event(HELP_EVENT))
    return true
  }
  if (event.ctrlKey && !event.shiftKey && !event.altKey && (event.code === 'Digit1' || event.code === 'Digit2')) {
    if (dialogOpen) return false
    if (event.code === 'Digit1') focusTerminal()
    else focusDiagnosis()
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
