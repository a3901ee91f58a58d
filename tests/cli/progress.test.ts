/**
 * The progress line of long work, through the built CLI: on a terminal (a real pseudo-terminal from util-linux
 * `script`) one line redrawn in place with `\r` + erase-line, what is happening and the elapsed time, erased before the
 * result; nothing of it when standard error is a pipe or the output is `--json`. Collect runs against the lab ASA,
 * report prints through Chromium.
 */
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from '../../src/lab'
import { findChromium } from '../../src/main/report/find-chromium'
import { startDnsServer } from '../main/smtp/support/dns-server'
import { scriptedSmtp, startServer } from '../support/hostile-smtp'
import { labFixture } from '../support/lab'
import { BIN, finished, isBuilt, unmask, unmaskAsync } from './built'

const hasScript = spawnSync('script', ['--version']).status === 0
const hasChromium = findChromium({ env: process.env }).ok
const REDRAW = '\r\u001b[2K'

/** Runs the CLI on a pseudo-terminal; everything it wrote (stdout and stderr alike) comes back as one screen. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; screen: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return finished(child, 90_000).then((r) => ({ status: r.status, screen: r.stdout }))
}

describe.runIf(isBuilt && hasScript)('the progress line', () => {
  const started = labFixture('asa9-default')
  let lab: Lab
  let tmp: { path: string }
  let env: NodeJS.ProcessEnv
  beforeAll(() => {
    lab = started.lab
    tmp = { path: started.dir }
    env = { UNMASK_HOME: join(started.dir, 'home'), FW_PASS: 'lab-admin', FW_ENABLE: 'lab-enable' }
  })
  const collectArgs = () => [
    'collect',
    `ssh://admin@127.0.0.1:${lab.management!.port}`,
    '--password-env',
    'FW_PASS',
    '--secret-env',
    'FW_ENABLE',
    '--accept-new-host-key',
  ]

  it('collect on a terminal: one line redrawn with each command and the elapsed time, erased before the result', async () => {
    const r = await onTerminal(collectArgs(), env)
    expect(r.status).toBe(1)
    const frames = r.screen.split(REDRAW).slice(1)
    expect(frames.length).toBeGreaterThan(2)
    expect(r.screen).toMatch(/\r\u001b\[2K.*show running-config.* \(\d+\.\d s\)/)
    // Erased before the result: the line after the last redraw is the report, not a progress frame.
    expect(frames.at(-1)).toMatch(/^Platform: Cisco ASA/)
    expect(r.screen.split('\n').filter((l) => l.includes(REDRAW)).length).toBe(1)
  })

  it('collect piped or with --json: no progress at all', async () => {
    const piped = await unmaskAsync(collectArgs(), env)
    expect(piped.status).toBe(1)
    expect(piped.stderr).not.toContain('\u001b[')
    expect(piped.stderr).not.toContain('show running-config')
    const json = await onTerminal([...collectArgs(), '--json'], env)
    expect(json.screen).not.toContain(REDRAW)
    expect(JSON.parse(json.screen.replace(/\r/g, '').replace(/^[^{]*/, '')).ok).toBe(true)
  })

  it('probe of a domain with several MX hosts: [done/total] on one line on a terminal, none with --json', async () => {
    const mx2 = await startServer(scriptedSmtp({ banner: ['220 mx2.lab.test ESMTP'] }), '127.0.0.2')
    const mx1 = await startServer(scriptedSmtp({ banner: ['220 mx1.lab.test ESMTP'] }), '127.0.0.4', mx2.port)
    const dns = await startDnsServer({
      'lab.test': {
        mx: [
          { preference: 20, exchange: 'mx2.lab.test' },
          { preference: 10, exchange: 'mx1.lab.test' },
        ],
      },
      'mx1.lab.test': { a: ['127.0.0.4'] },
      'mx2.lab.test': { a: ['127.0.0.2'] },
    })
    try {
      const args = ['probe', 'lab.test', '--port', String(mx2.port), '--dns', dns.server]
      const r = await onTerminal(args, env)
      expect(r.screen).toContain(`${REDRAW}Probing 2 hosts (`)
      expect(r.screen).toMatch(/\r\u001b\[2K\[2\/2\] mx\d\.lab\.test \[127\.0\.0\.\d\]: .* \(\d+\.\d s\)/)
      // Each transcript is printed on a clean line: the progress line is erased before it.
      expect(r.screen).not.toMatch(/\(\d+\.\d s\)(?!\r\u001b\[2K)/)
      const quiet = await onTerminal([...args, '--json'], env)
      expect(quiet.screen).not.toContain(REDRAW)
      expect(quiet.screen).toContain('MX hosts of lab.test: mx1.lab.test (10), mx2.lab.test (20)')
    } finally {
      await Promise.all([mx1.close(), mx2.close(), dns.close()])
    }
  })

  it.runIf(hasChromium)(
    'report on a terminal says what it prints while Chromium works; piped it does not',
    async () => {
      const id = (
        JSON.parse(unmask(['case', 'new', '--customer', 'Progress Co', '--json'], env).stdout) as { id: string }
      ).id
      const pdf = join(tmp.path, 'progress.pdf')
      const r = await onTerminal(['report', '--case', id, '--out', pdf], env)
      expect(r.status).toBe(0)
      expect(r.screen).toMatch(
        new RegExp(`\\r\\u001b\\[2KPrinting the report to ${pdf.replace(/\//g, '\\/')} \\(\\d+\\.\\d s\\)`),
      )
      const piped = await unmaskAsync(['report', '--case', id, '--out', pdf], env)
      expect(piped.status).toBe(0)
      expect(piped.stderr).toBe('')
      // --json (issue 15.10): the files written and what was masked, ReportJson of src/cli/commands/report-run.ts.
      const json = await onTerminal(['report', '--case', id, '--out', pdf, '--json'], env)
      expect(json.screen).not.toContain(REDRAW)
      const body = JSON.parse(json.screen.replace(/\r/g, '')) as { pdf: { path: string; bytes: number }; lang: string }
      expect(body.pdf.path).toBe(pdf)
      expect(body.pdf.bytes).toBeGreaterThan(1000)
      expect(body.lang).toBe('en')
    },
  )
})
