/** One device session in xterm: fit, search (Ctrl+F), web links, Unicode 11, highlights, flow control. */
import { FitAddon } from '@xterm/addon-fit'
import { SearchAddon } from '@xterm/addon-search'
import { Unicode11Addon } from '@xterm/addon-unicode11'
import { WebLinksAddon } from '@xterm/addon-web-links'
import { type IDisposable, Terminal } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n'
import { findHighlights, HIGHLIGHT_COLOURS } from './highlight'
import { PasteQueue } from './paste-queue'
import type { BackspaceMode, TerminalSource } from './types'
import { openWebLink } from './web-links'

export interface TerminalViewProps {
  source: TerminalSource
  fontSize?: number
  backspace?: BackspaceMode
  /** Take the keyboard focus when the terminal opens (a session just connected). */
  focusOnOpen?: boolean
  /** Exposes the xterm instance (tests read its buffer; the app's search box drives it). */
  onReady?: (terminal: Terminal, search: SearchAddon) => void
}

const ACK_BATCH = 5_000

export function TerminalView({ source, fontSize = 14, backspace = 'del', focusOnOpen, onReady }: TerminalViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const terminalRef = useRef<Terminal | null>(null)
  const fitRef = useRef<FitAddon | null>(null)
  const initialFontSize = useRef(fontSize)
  const focusOnOpenRef = useRef(focusOnOpen)
  const backspaceRef = useRef(backspace)
  backspaceRef.current = backspace
  const [searchOpen, setSearchOpen] = useState(false)
  const [query, setQuery] = useState('')
  const searchRef = useRef<SearchAddon | null>(null)
  const { t } = useI18n()

  useEffect(() => {
    const element = host.current
    if (!element) return
    const terminal = new Terminal({
      fontSize: initialFontSize.current,
      scrollback: 100_000,
      allowProposedApi: true,
      fontFamily: '"DejaVu Sans Mono", "Noto Sans Mono CJK KR", monospace',
      theme: { background: '#0b0d10' },
    })
    const fit = new FitAddon()
    const search = new SearchAddon()
    terminal.loadAddon(fit)
    terminal.loadAddon(search)
    terminal.loadAddon(new WebLinksAddon(openWebLink))
    terminal.loadAddon(new Unicode11Addon())
    terminal.unicode.activeVersion = '11'
    terminal.open(element)
    terminalRef.current = terminal
    fitRef.current = fit
    searchRef.current = search
    safeFit(fit)
    // After the connect dialog has closed and handed focus back: the terminal is where typing should go.
    if (focusOnOpenRef.current) requestAnimationFrame(() => terminal.focus())

    const paste = new PasteQueue({ send: (text) => source.write(text) })
    const disposables: IDisposable[] = []
    let scannedRow = 0
    let unacked = 0
    const decorate = () => {
      const buffer = terminal.buffer.active
      const lastRow = buffer.baseY + buffer.cursorY
      for (let row = Math.max(scannedRow, lastRow - terminal.rows * 4); row <= lastRow; row++) {
        const line = buffer.getLine(row)?.translateToString(true) ?? ''
        for (const h of findHighlights(line)) {
          const marker = terminal.registerMarker(row - lastRow)
          if (!marker) continue
          terminal.registerDecoration({
            marker,
            x: h.start,
            width: h.length,
            backgroundColor: HIGHLIGHT_COLOURS[h.kind],
            layer: 'bottom',
          })
        }
      }
      // The cursor line may still grow: scan it again next time.
      scannedRow = lastRow
    }
    const unsubscribe = source.onData((text) => {
      paste.onOutput()
      terminal.write(text, () => {
        unacked += text.length
        if (unacked >= ACK_BATCH) {
          source.ack(unacked)
          unacked = 0
        }
        decorate()
      })
    })
    source.attach?.()
    source.resize(terminal.cols, terminal.rows)
    const flushAck = setInterval(() => {
      if (unacked > 0) {
        source.ack(unacked)
        unacked = 0
      }
    }, 100)
    disposables.push(
      terminal.onData((data) => source.write(backspaceRef.current === 'ctrl-h' ? data.replace(/\x7f/g, '\b') : data)),
      terminal.onResize(({ cols, rows }) => source.resize(cols, rows)),
    )
    terminal.attachCustomKeyEventHandler((event) => {
      if (event.type === 'keydown' && event.ctrlKey && event.key.toLowerCase() === 'f') {
        setSearchOpen(true)
        return false
      }
      return true
    })
    const onPaste = (event: ClipboardEvent) => {
      const text = event.clipboardData?.getData('text/plain') ?? ''
      if (!text.includes('\n')) return
      event.preventDefault()
      event.stopPropagation()
      paste.paste(text)
    }
    element.addEventListener('paste', onPaste, true)
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => safeFit(fit))
    observer?.observe(element)
    onReady?.(terminal, search)
    return () => {
      observer?.disconnect()
      element.removeEventListener('paste', onPaste, true)
      clearInterval(flushAck)
      paste.cancel()
      unsubscribe()
      for (const d of disposables) d.dispose()
      terminal.dispose()
      terminalRef.current = null
    }
    // The terminal lives as long as its source; font size is applied below without recreating it.
  }, [source, onReady])

  useEffect(() => {
    const terminal = terminalRef.current
    if (!terminal || !fitRef.current) return
    terminal.options.fontSize = fontSize
    safeFit(fitRef.current)
  }, [fontSize])

  return (
    <div className="terminal-view">
      {searchOpen && (
        <search className="terminal-search">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              searchRef.current?.findNext(query)
            }}
          >
            <input
              aria-label={t('ui.search')}
              value={query}
              // biome-ignore lint/a11y/noAutofocus: the search box opens on Ctrl+F and must take the keys at once
              autoFocus
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setSearchOpen(false)
                  terminalRef.current?.focus()
                }
              }}
            />
            <button type="submit">{t('ui.findNext')}</button>
          </form>
        </search>
      )}
      <div className="terminal-host" ref={host} data-testid="terminal-host" />
    </div>
  )
}

function safeFit(fit: FitAddon): void {
  try {
    fit.fit()
  } catch {
    // Not laid out yet (hidden tab, test DOM): the next resize fits it.
  }
}
