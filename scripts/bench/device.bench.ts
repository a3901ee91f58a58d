/**
 * Pulling a 20,000-line running-config from the lab ASA with the device driver (prompt detection, echo
 * and prompt stripping, cleaning, paging off) against a raw transfer of the very same bytes over the same
 * kind of SSH channel (ssh2 server, PTY shell, same algorithms) with no driver at all. Aim: within 1.5x.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Server, utils } from 'ssh2'
import { AsaShell } from '../../src/lab/devices/asa-shell'
import { LabDevice } from '../../src/lab/devices/lab-device'
import { asaLoginBanner } from '../../src/lab/devices/login-banner'
import { startSshEndpoint } from '../../src/lab/endpoints/ssh-endpoint'
import { loadScenario } from '../../src/lab/scenarios'
import { DeviceDriver } from '../../src/main/device/driver'
import { HostKeyTrust } from '../../src/main/transports/host-key-trust'
import { connectSsh } from '../../src/main/transports/ssh-transport'

const TARGET_LINES = 20_000
const ROUNDS = 9

/** The lab ASA's configuration grown to `target` lines with access-list entries (also used by cli.bench.ts). */
export function bigConfig(base: string, target = TARGET_LINES): string {
  const lines = base.replace(/\r/g, '').split('\n')
  const at =
    lines.findIndex((l) => l.startsWith('access-list')) >= 0 ? lines.findIndex((l) => l.startsWith('access-list')) : 10
  const extra: string[] = []
  for (let i = 0; extra.length + lines.length < target; i++) {
    extra.push(
      `access-list BENCH extended permit tcp host 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} any eq ${1024 + (i % 50000)}`,
    )
  }
  return [...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n')
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** The lab ASA (asa9-default) with a `lines`-line configuration behind an SSH endpoint of its own (cli.bench.ts too). */
export async function startBigAsa(dir: string, lines = TARGET_LINES) {
  const { scenario, config } = loadScenario('asa9-default')
  const fw = scenario.firewall!
  const device = new LabDevice({ ...fw, config: bigConfig(config!, lines) })
  const endpoint = await startSshEndpoint({
    deviceId: 'bench',
    stateDir: dir,
    credentials: fw.credentials,
    legacyAlgorithms: false,
    openShell: (username, from) => ({
      shell: new AsaShell(device, username),
      greeting: asaLoginBanner(device, username, from),
    }),
  })
  return { fw, endpoint }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unmask-bench-device-'))
  const { fw, endpoint } = await startBigAsa(dir)
  const trust = new HostKeyTrust({ storeFile: join(dir, 'known_hosts'), readOnlyFiles: [] })
  const channel = await connectSsh({
    host: '127.0.0.1',
    port: endpoint.port,
    username: fw.credentials.username,
    password: fw.credentials.password,
    trust,
    askHostKey: async () => true,
  })
  let received = Buffer.alloc(0)
  let capture = false
  let lastByteAt = 0
  channel.onData((chunk) => {
    lastByteAt = performance.now()
    if (capture) received = Buffer.concat([received, chunk])
  })
  const driver = new DeviceDriver(channel, {
    credentials: {
      username: fw.credentials.username,
      password: fw.credentials.password,
      secret: fw.credentials.enable,
    },
  })
  await driver.open()
  await driver.enable()
  await driver.disablePaging()

  const driverMs: number[] = []
  const afterLastByteMs: number[] = []
  let outputLines = 0
  for (let i = 0; i < ROUNDS; i++) {
    capture = i === 0
    const start = performance.now()
    const result = await driver.run('show running-config', { timeoutMs: 120_000 })
    const end = performance.now()
    driverMs.push(end - start)
    afterLastByteMs.push(end - lastByteAt)
    outputLines = result.output.split('\n').length - 1
    capture = false
  }
  driver.dispose()
  await channel.close()
  await endpoint.close()

  // The same bytes, the same kind of channel: an ssh2 shell that greets with the prompt and answers each line
  // with exactly what the lab sent (echo, config, prompt). Driver and raw reader both run on it, so the ratio
  // is the driver's own cost; the lab figure above adds the simulator's time to render the configuration.
  const payload = received
  const hostKey = utils.generateKeyPairSync('ecdsa', { bits: 256 }).private
  const server = new Server({ hostKeys: [hostKey] }, (client) => {
    client.on('error', () => {})
    client.on('authentication', (ctx) => ctx.accept())
    client.on('ready', () =>
      client.on('session', (accept) => {
        const session = accept()
        session.on('pty', (ok) => ok?.())
        session.on('shell', (ok) => {
          const stream = ok()
          stream.write('ciscoasa# ')
          stream.on('data', (d: Buffer) => {
            if (d.includes(13)) stream.write(payload)
          })
        })
      }),
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  const open = () =>
    connectSsh({ host: '127.0.0.1', port, username: 'bench', password: 'bench', trust, askHostKey: async () => true })

  const replayDriverMs: number[] = []
  const replayChannel = await open()
  const replayDriver = new DeviceDriver(replayChannel, { credentials: {} })
  await replayDriver.open()
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now()
    const result = await replayDriver.run('show running-config', { timeoutMs: 120_000 })
    replayDriverMs.push(performance.now() - start)
    if (result.failed || result.output.split('\n').length - 1 !== outputLines) throw new Error('replay output differs')
  }
  replayDriver.dispose()
  await replayChannel.close()

  const rawMs: number[] = []
  const rawChannel = await open()
  for (let i = 0; i < ROUNDS; i++) {
    let got = 0
    const start = performance.now()
    await new Promise<void>((resolve) => {
      const off = rawChannel.onData((d) => {
        got += d.length
        if (got >= payload.length) {
          off()
          resolve()
        }
      })
      rawChannel.write('show running-config\r')
    })
    rawMs.push(performance.now() - start)
  }
  await rawChannel.close()
  await new Promise<void>((r) => server.close(() => r()))
  rmSync(dir, { recursive: true, force: true })

  const lab = median(driverMs)
  const d = median(replayDriverMs)
  const r = median(rawMs)
  const mb = payload.length / 1024 / 1024
  const rate = (ms: number) => `${ms.toFixed(0)} ms = ${(mb / (ms / 1000)).toFixed(1)} MB/s`
  console.log(`running-config: ${outputLines} lines, ${payload.length} bytes over SSH (median of ${ROUNDS})`)
  console.log(`lab ASA, driver end to end (simulator renders the config): ${rate(lab)}`)
  console.log(
    `  of which after the last byte (cleaning, echo/prompt removal): ${median(afterLastByteMs).toFixed(1)} ms`,
  )
  console.log(`same bytes replayed, driver (show running-config, cleaned): ${rate(d)}`)
  console.log(`raw transfer of the same bytes:        ${r.toFixed(0)} ms = ${(mb / (r / 1000)).toFixed(1)} MB/s`)
  console.log(`ratio driver/raw: ${(d / r).toFixed(2)}x (aim <= 1.5x); lab end to end/raw: ${(lab / r).toFixed(2)}x`)
}
