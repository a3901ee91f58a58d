/**
 * splitLines (./terminal.ts) for a text that arrives in pieces (a file read in chunks by the CLI): the same lines,
 * wherever the pieces were cut, also between the CR and the LF of a CRLF or between two CRs of CR CR LF. Only the
 * piece after the last LF is held back, so memory stays one line plus one piece however long the text is.
 *
 *   const s = new LineSplitter((line) => …)
 *   s.push('a\r'); s.push('\nb')   // emits 'a'
 *   s.end()                        // emits 'b'
 */
export class LineSplitter {
  private rest = ''
  private emitted = 0

  constructor(private readonly emit: (line: string) => void) {}

  push(piece: string): void {
    // A piece without a line end only grows the held-back line (a rope, not a copy: no quadratic cost on one long line).
    if (!piece.includes('\n')) {
      this.rest += piece
      return
    }
    const text = this.rest === '' ? piece : this.rest + piece
    let at = 0
    for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', at)) {
      // `\r*\n` ends a line, as in splitLines: the CRs before the LF go with it.
      let end = lf
      while (end > at && text.charCodeAt(end - 1) === 13) end--
      this.emitted++
      this.emit(text.slice(at, end))
      at = lf + 1
    }
    this.rest = at === 0 ? text : text.slice(at)
  }

  /** The last line, unless the text ended with a line end; an empty text is one empty line, as splitLines says. */
  end(): void {
    if (this.rest !== '' || this.emitted === 0) this.emit(this.rest)
    this.rest = ''
  }
}
