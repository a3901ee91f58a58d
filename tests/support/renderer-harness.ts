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

export const rendererDir = join(import.meta.dirname, '../../out/renderer')
export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  existsSync,
)
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

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
  close(): Promise<void>
}

export async function startRendererHarness(handlers: Handlers): Promise<Harness> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
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
      if (!result.ok) throw new Error(result.error.code + ': ' + result.error.message)
      return result.value
    },
    on() { return () => {} },
  }
`
