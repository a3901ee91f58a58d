/**
 * Guided remediation against the lab's asa9-default: how long a preview (reading the device), the apply of the
 * 22-line allow-tls plan (per line: echo and prompt awaited before the next) and a verify (read-back plus two
 * probes) take, and the whole loop. Loopback only, so these are the costs of Unmask and the simulator, not a WAN.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLab } from '../../src/lab'
import { CaseStore } from '../../src/main/cases/case-store'
import { analyzeSnapshot } from '../../src/main/fix/analysis'
import { openDeviceLink } from '../../src/main/fix/device-link'
import { RemediationRun } from '../../src/main/fix/remediation-run'
import type { ApplyResult } from '../../src/main/fix/types'
import { HostKeyTrust } from '../../src/main/transports/host-key-trust'
import { connectSsh } from '../../src/main/transports/ssh-transport'
import { createTranslator } from '../../src/shared/i18n'

const ROUNDS = 3

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function run(): Promise<void> {
  const times = {
    preview: [] as number[],
    apply: [] as number[],
    perLine: [] as number[],
    verify: [] as number[],
    loop: [] as number[],
  }
  let lines = 0
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'unmask-bench-fix-'))
    const lab = await startLab({ scenario: 'asa9-default', stateDir: join(dir, 'lab') })
    try {
      const creds = lab.credentials!
      const link = await openDeviceLink({
        connect: () =>
          connectSsh({
            host: '127.0.0.1',
            port: lab.management!.port,
            username: creds.username,
            password: creds.password,
            trust: new HostKeyTrust({ storeFile: join(dir, 'known_hosts'), readOnlyFiles: [] }),
            askHostKey: async () => true,
          }),
        credentials: { username: creds.username, password: creds.password, secret: creds.enable },
      })
      const fix = new RemediationRun({
        link,
        journal: new CaseStore(dir).create({ customer: 'bench' }),
        t: createTranslator('en'),
      })
      const t0 = performance.now()
      const snapshot = await fix.read()
      const remedy = analyzeSnapshot(snapshot).remedies.find((r) => r.id === 'asa.allow-tls-map')!
      const preview = await fix.preview(remedy)
      const t1 = performance.now()
      const applied = (await fix.apply({
        token: preview.token!,
        typedHostname: snapshot.hostname,
        confirmedBy: 'bench',
      })) as ApplyResult
      const t2 = performance.now()
      const probes = [lab.smtp, lab.direct].map((e) => ({ target: { host: e.host, port: e.port }, before: null }))
      const verified = await fix.verify(remedy, probes)
      const t3 = performance.now()
      if (applied.outcome !== 'applied' || verified.outcome !== 'fixed') throw new Error('the loop did not fix the lab')
      lines = applied.sent.length
      times.preview.push(t1 - t0)
      times.apply.push(t2 - t1)
      times.perLine.push(applied.sent.reduce((sum, l) => sum + l.elapsedMs, 0) / lines)
      times.verify.push(t3 - t2)
      times.loop.push(t3 - t0)
      await link.close()
    } finally {
      await lab.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`
  console.log(`rounds: ${ROUNDS} (median), plan: asa.allow-tls-map, ${lines} lines`)
  console.log(`read + preview (6 commands, token):  ${ms(times.preview)}`)
  console.log(
    `apply (re-read, backup, ${lines} lines): ${ms(times.apply)}  (${median(times.perLine).toFixed(1)} ms per line, echo and prompt awaited)`,
  )
  console.log(`verify (read-back, 2 probes):        ${ms(times.verify)}`)
  console.log(`whole loop:                          ${ms(times.loop)}`)
}
