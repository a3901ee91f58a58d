/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 and puts the real main-process handlers behind
 * the same contract over HTTP, so headless Chromium exercises the real UI against real services — the
 * Electron window is the only thing not running. `bridgeScript` is injected into the page as
 * `window.unmask`, standing in for the preload.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { dispatch, type Handlers } from '../../src/main/api-handlers'
import { findChromium } from '../../src/main/report/find-chromium'
import { CHROMIUM_ARGS } from '../../src/main/report/pdf-chromium'
import type { EventName, EventPayload } from '../../src/shared/api'

export const rendererDir = join(import.meta.dirname, '../../out/renderer')
const lookup = findChromium({})
export const chromiumPath = lookup.ok ? lookup.path : undefined
/** The same hardened flags the report printer uses. */
export { CHROMIUM_ARGS }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

export interface Harness {
  url: string
  /** Pushes a main-process event to the page, as webContents.send does in the app. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  close(): Promise<void>
}

/** Events sent before the page subscribed are kept and replayed, so a test never races the page's load. */
class EventHub {
  private readonly clients = new Set<import('node:http').ServerResponse>()
  private readonly backlog: string[] = []
  emit(event: string, payload: unknown): void {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    if (this.clients.size === 0) this.backlog.push(frame)
    for (const c of this.clients) c.write(frame)
  }
  attach(res: import('node:http').ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
    for (const frame of this.backlog.splice(0)) res.write(frame)
    this.clients.add(res)
    res.on('close', () => this.clients.delete(res))
  }
  end(): void {
    for (const c of this.clients) c.end()
  }
}

export async function startRendererHarness(makeHandlers: (emit: Harness['emit']) => Handlers): Promise<Harness> {
  const hub = new EventHub()
  const emit: Harness['emit'] = (event, payload) => hub.emit(event, payload)
  const handlers = makeHandlers(emit)
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/__events') {
      hub.attach(res)
      return
    }
    if (req.method === 'POST' && url.pathname.startsWith('/__api/')) {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const method = decodeURIComponent(url.pathname.slice('/__api/'.length))
        const body = Buffer.concat(chunks).toString('utf8')
        const input = body === '' ? undefined : (JSON.parse(body) as { input?: unknown }).input
        void dispatch(handlers, method, input).then((result) => {
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(JSON.stringify(result))
        })
      })
      return
    }
    const path = normalize(join(rendererDir, url.pathname === '/' ? 'index.html' : url.pathname))
    if (!path.startsWith(rendererDir) || !existsSync(path)) {
      res.writeHead(404)
      res.end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
    res.end(readFileSync(path))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    emit,
    close: () => {
      hub.end()
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** Runs in the page before the app: the preload's `window.unmask`, over HTTP instead of IPC. */
export const bridgeScript = `
  window.unmask = {
    async invoke(method, input) {
      const res = await fetch('/__api/' + encodeURIComponent(method), {
        method: 'POST',
        body: JSON.stringify({ input }),
      })
      const result = await res.json()
      // As the preload's ApiCallError: the text for logs, the typed fields for the renderer.
      if (!result.ok) throw Object.assign(new Error(result.error.code + ': ' + result.error.message), result.error, { message: result.error.code + ': ' + result.error.message })
      return result.value
    },
    on(event, listener) {
      if (!window.__unmaskEvents) {
        window.__unmaskEvents = new Map()
        const source = new EventSource('/__events')
        source.onmessage = (m) => {
          const { event, payload } = JSON.parse(m.data)
          if (event === 'session.data') window.__unmaskDataChars = (window.__unmaskDataChars ?? 0) + payload.data.length
          for (const l of window.__unmaskEvents.get(event) ?? []) l(payload)
        }
      }
      const set = window.__unmaskEvents.get(event) ?? new Set()
      set.add(listener)
      window.__unmaskEvents.set(event, set)
      return () => set.delete(listener)
    },
  }
`

/** The text of the visible terminal's buffer (the app exposes its xterm as window.__unmaskTerminal). */
export async function terminalText(
  page: import('playwright-core').Page,
  lastLines = Number.POSITIVE_INFINITY,
): Promise<string> {
  return page.evaluate((last) => {
    type Buffer = { length: number; getLine(i: number): { translateToString(t: boolean): string } | undefined }
    const term = (window as unknown as { __unmaskTerminal?: { buffer: { active: Buffer } } }).__unmaskTerminal
    if (!term) return ''
    const buffer = term.buffer.active
    const lines: string[] = []
    for (let i = Math.max(0, buffer.length - last); i < buffer.length; i++)
      lines.push(buffer.getLine(i)?.translateToString(true) ?? '')
    return lines.join('\n')
  }, lastLines)
}
