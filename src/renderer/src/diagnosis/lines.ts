/** Anchors shared by transcripts and findings, so an evidence reference can jump to its line. */

export function lineAnchor(source: string, line: number): string {
  return `line-${source.replace(/[^A-Za-z0-9_-]/g, '_')}-${line}`
}

/** Scrolls to a transcript line and flashes it; false when the line is not on screen (e.g. a pasted config). */
export function jumpToLine(source: string, line: number): boolean {
  const element = document.getElementById(lineAnchor(source, line))
  if (!element) return false
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
