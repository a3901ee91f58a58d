/** Anchors shared by transcripts and findings, so an evidence reference can jump to its line. */

export function lineAnchor(source: string, line: number): string {
  return `line-${source.replace(/[^A-Za-z0-9_-]/g, '_')}-${line}`
}

/** Asks the sources list to open a source (its lines are rendered only when open). */
export const REVEAL_SOURCE_EVENT = 'unmask:reveal-source'

/** Where the last jump came from (an evidence link), for "back to the finding". */
let jumpedFrom: HTMLElement | null = null

export function backToFinding(): boolean {
  if (!jumpedFrom?.isConnected) return false
  jumpedFrom.scrollIntoView?.({ block: 'center' })
  jumpedFrom.focus()
  return true
}

/** Scrolls to a line of a transcript or source and flashes it, opening the source first when it is closed. */
export function jumpToLine(source: string, line: number): boolean {
  const from = document.activeElement
  if (from instanceof HTMLElement && !from.closest('.source-lines, .lanes-table')) jumpedFrom = from
  const element = document.getElementById(lineAnchor(source, line))
  if (!element) {
    window.dispatchEvent(new CustomEvent(REVEAL_SOURCE_EVENT, { detail: source }))
    // After React has rendered the opened source.
    setTimeout(() => {
      if (document.getElementById(lineAnchor(source, line))) jumpToLine(source, line)
    }, 50)
    return false
  }
  // A line inside a folded block (lanes, details) is unfolded first.
  for (let parent = element.parentElement; parent; parent = parent.parentElement)
    if (parent instanceof HTMLDetailsElement) parent.open = true
  element.scrollIntoView?.({ block: 'center' })
  element.classList.remove('flash')
  // Restart the animation on repeated clicks.
  void element.offsetWidth
  element.classList.add('flash')
  element.focus?.()
  return true
}

const MASKED = /\bX{4,}[A-Z]?\b|^\s*\d{3}[ -]?[*0-9 ]*\*{4,}/

export function looksMasked(text: string): boolean {
  return MASKED.test(text)
}
