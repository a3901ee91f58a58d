/**
 * The lab's MTA-STS policy host (issue 17): HTTPS on 127.0.0.1 with a certificate for `mta-sts.DOMAIN` from the lab
 * CA, serving `/.well-known/mta-sts.txt`. The policy text, the status and the media type can be changed while it runs
 * (testing → enforce after a fix; a 404, a redirect, an oversized body, a wrong media type as bad answers).
 */
import { createServer, type Server } from 'node:https'
import type { Socket } from 'node:net'
import { issueCertificate, type LabPem } from './ca'

export interface LabPolicyServer {
  port: number
  /** What `/.well-known/mta-sts.txt` answers. */
  response: { status: number; body: string; contentType: string; location?: string }
  requests: number
  close(): Promise<void>
}

/** A policy file as RFC 8461 §3.2 writes it (CRLF line ends). */
export function stsPolicyText(mode: 'enforce' | 'testing' | 'none', mx: string[], maxAge = 86_400): string {
  return ['version: STSv1', `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`, ''].join('\r\n')
}

export async function startLabPolicyServer(ca: LabPem, domain: string, body: string): Promise<LabPolicyServer> {
  const cert = await issueCertificate(ca, [`mta-sts.${domain}`])
  const sockets = new Set<Socket>()
  const handle: LabPolicyServer = {
    port: 0,
    response: { status: 200, body, contentType: 'text/plain' },
    requests: 0,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  const server: Server = createServer({ key: cert.key, cert: `${cert.cert}\n${ca.cert}` }, (req, res) => {
    handle.requests++
    if (req.url !== '/.well-known/mta-sts.txt') {
      res.writeHead(404).end()
      return
    }
    const { status, body: text, contentType, location } = handle.response
    res.writeHead(status, { 'content-type': contentType, ...(location ? { location } : {}) })
    res.end(text)
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  handle.port = typeof address === 'object' && address ? address.port : 0
  return handle
}
