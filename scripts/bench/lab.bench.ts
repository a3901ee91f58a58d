/**
 * Lab inspection proxy figures (everything in this process, on 127.0.0.1, so the numbers include the mail host):
 *  1. one 20 MB message: straight to the mail host, through the proxy with inspection off, and through ASA
 *     inspect esmtp with the default map (streaming end-of-data scan);
 *  2. 200 sequential sessions (banner, EHLO, STARTTLS, QUIT) on the same three paths. smtp-server holds every
 *     greeting back 100 ms to catch early talkers, so that is the floor; the difference is the proxy's cost.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startMailHost } from '../../src/lab/mail/mail-host'
import { startInspectionProxy } from '../../src/lab/proxy/inspection-proxy'
import { type InspectingFirewall, type InspectionPolicy, newCounters } from '../../src/lab/proxy/policy'
import { LineClient } from '../../tests/lab/helpers/line-client'

const SESSIONS = 200
const MESSAGE_MB = 20

function firewall(policy: InspectionPolicy): InspectingFirewall {
  return { counters: newCounters(), currentPolicy: () => policy, log: () => {} }
}

async function sendBig(port: number, body: string): Promise<number> {
  const c = await LineClient.open(port)
  await c.reply()
  await c.command('HELO bench.example')
  await c.command('MAIL FROM:<bench@example.org>')
  await c.command('RCPT TO:<user@lab.test>')
  await c.command('DATA')
  const start = performance.now()
  c.send(body)
  c.send('\r\n.\r\n')
  const reply = await c.reply(120_000)
  const ms = performance.now() - start
  if (reply.code !== 250) throw new Error(`message refused: ${reply.text}`)
  c.close()
  return ms
}

async function sessions(port: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < SESSIONS; i++) {
    const c = await LineClient.open(port)
    await c.reply()
    await c.command('EHLO bench.example')
    await c.command('STARTTLS')
    c.close()
  }
  return performance.now() - start
}

export async function run(): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'unmask-bench-lab-'))
  const host = await startMailHost({
    // Exchange's persona allows 36 MB messages (Postfix's 10 MB would refuse the test message).
    persona: 'exchange',
    hostname: 'mail.lab.test',
    domain: 'lab.test',
    stateDir,
    maxMessageBytes: 64 * 1024 * 1024,
  })
  const off = await startInspectionProxy({ upstream: host, firewall: null })
  const asa = await startInspectionProxy({
    upstream: host,
    firewall: firewall({
      kind: 'esmtp',
      map: '_default_esmtp_map',
      maskBanner: true,
      allowTls: false,
      duplicateHeaderBug: false,
    }),
  })
  try {
    const line = `${'x'.repeat(76)}\r\n`
    const body = `Subject: bench\r\n\r\n${line.repeat(Math.ceil((MESSAGE_MB * 1024 * 1024) / line.length))}`.slice(
      0,
      -2,
    )
    const paths: Array<[string, number]> = [
      ['direct', host.port],
      ['proxy, inspection off', off.port],
      ['ASA default map', asa.port],
    ]
    await sendBig(host.port, body) // warm-up (JIT, buffers), not counted
    for (const [name, port] of paths) {
      const ms = await sendBig(port, body)
      console.log(
        `${MESSAGE_MB} MB message, ${name}: ${ms.toFixed(0)} ms = ${((MESSAGE_MB / ms) * 1000).toFixed(0)} MB/s`,
      )
    }
    for (const [name, port] of paths) {
      const ms = await sessions(port)
      console.log(`${SESSIONS} sessions (banner, EHLO, STARTTLS, QUIT), ${name}: ${(ms / SESSIONS).toFixed(2)} ms each`)
    }
  } finally {
    await asa.close()
    await off.close()
    await host.close()
    rmSync(stateDir, { recursive: true, force: true })
  }
}
