/**
 * SMTP probe figures against local servers in this process (so the numbers include the server's work):
 *  1. the probe's overhead over a minimal raw-socket client sending the same lines (banner, EHLO, STARTTLS
 *     refused, QUIT), sequentially;
 *  2. the same with a real STARTTLS + TLS handshake + second EHLO (smtp-server), for scale;
 *  3. 50 targets probed in parallel (concurrency 50 and the default 8).
 */
import { connect } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { probe } from '../../src/main/smtp/probe'
import { probeAll } from '../../src/main/smtp/probe-many'
import { makeCertificate, scriptedSmtp, startServer } from '../../tests/support/hostile-smtp'

const ROUNDS = 200

/** The least a client can do: send each line and wait for the final line of each reply. */
function rawExchange(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true })
    const commands = ['EHLO bench.invalid', 'STARTTLS', 'QUIT']
    let buffer = ''
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1')
      for (let lf = buffer.indexOf('\n'); lf !== -1; lf = buffer.indexOf('\n')) {
        const line = buffer.slice(0, lf)
        buffer = buffer.slice(lf + 1)
        if (line[3] === '-') continue
        const next = commands.shift()
        if (next) socket.write(`${next}\r\n`)
        else {
          socket.destroy()
          resolve()
        }
      }
    })
    socket.on('error', reject)
  })
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! }
}

async function timeEach(rounds: number, work: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 10; i++) await work()
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    await work()
    samples.push(performance.now() - start)
  }
  return stats(samples)
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`

export async function run(): Promise<void> {
  const plain = await startServer(scriptedSmtp({ starttls: ['454 4.7.0 TLS not available'] }))
  const cert = await makeCertificate({ commonName: 'bench.lab.test' })
  const smtp = new SMTPServer({
    key: cert.key,
    cert: cert.cert,
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
  })
  smtp.on('error', () => {})
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const tlsPort = (smtp.server.address() as { port: number }).port
  try {
    const raw = await timeEach(ROUNDS, () => rawExchange(plain.port))
    const probed = await timeEach(ROUNDS, () => probe({ host: '127.0.0.1', port: plain.port }))
    console.log(`same lines, ${ROUNDS} rounds (banner, EHLO, STARTTLS refused, QUIT):`)
    console.log(`  raw socket   median ${fmt(raw.median)}  p95 ${fmt(raw.p95)}`)
    console.log(`  probe()      median ${fmt(probed.median)}  p95 ${fmt(probed.p95)}`)
    console.log(`  overhead     median ${fmt(probed.median - raw.median)} per probe`)

    const tlsPhase: number[] = []
    const withTls = await timeEach(50, async () => {
      const r = await probe({ host: '127.0.0.1', port: tlsPort })
      tlsPhase.push(r.phases.find((p) => p.phase === 'tls')?.durationMs ?? Number.NaN)
    })
    console.log('probe() with STARTTLS, TLS 1.3 handshake, EHLO again (smtp-server), 50 rounds:')
    console.log(`  median ${fmt(withTls.median)}  p95 ${fmt(withTls.p95)}  (smtp-server holds its banner 100 ms)`)
    console.log(`  TLS handshake phase median ${fmt(stats(tlsPhase.slice(10)).median)}`)

    const targets = Array.from({ length: 50 }, (_, i) => ({ host: '127.0.0.1', port: tlsPort, vantage: `t${i}` }))
    for (const concurrency of [50, 8]) {
      const start = performance.now()
      const results = await probeAll(targets, { concurrency })
      const wall = performance.now() - start
      const ok = results.filter((r) => r.outcome === 'completed' && r.tls?.established).length
      console.log(`50 targets with TLS, concurrency ${concurrency}: ${fmt(wall)} wall, ${ok}/50 completed with TLS`)
    }
  } finally {
    await plain.close()
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
  }
}
