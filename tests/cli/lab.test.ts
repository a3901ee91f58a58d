import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LineClient } from '../lab/helpers/line-client'
import { runUnmask } from '../support/cli'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir> | undefined
afterEach(() => temp?.remove())

const root = join(__dirname, '..', '..')

describe('unmask lab', () => {
  it('prints endpoints and credentials, in English and Korean', async () => {
    temp = makeTempDir()
    const env = { UNMASK_LAB_EXIT_AFTER_START: '1' }
    const en = await runUnmask(['lab', '--scenario', 'asa9-default', '--state-dir', temp.path], env)
    expect(en.code).toBe(0)
    expect(en.stdout).toMatch(/smtp\s+smtp\s+127\.0\.0\.1:\d+\s+SMTP through the simulated firewall/)
    expect(en.stdout).toMatch(
      /direct\s+smtp\s+127\.0\.0\.1:\d+\s+SMTP straight to the mail host, bypassing the firewall/,
    )
    expect(en.stdout).toMatch(
      /management\s+ssh\s+127\.0\.0\.1:\d+\s+ciscoasa \(ASA 9\.8\(4\)10\) management, host key SHA256:/,
    )
    expect(en.stdout).toContain('Login: user admin, password lab-admin; enable password lab-enable')
    expect(en.stdout).toContain('Lab stopped.')

    const ko = await runUnmask(['--lang', 'ko', 'lab', '--scenario', 'remote-side', '--state-dir', temp.path], env)
    expect(ko.code).toBe(0)
    expect(ko.stdout).toContain('랩 시나리오 remote-side 실행 중입니다.')
    expect(ko.stdout).toContain('방화벽 관리 접속이 불가능합니다')
    expect(ko.stdout).not.toMatch(/management\s+ssh/)
  })

  it('prints each remote MX of an egress scenario, through the firewall and seen from outside', async () => {
    temp = makeTempDir()
    const env = { UNMASK_LAB_EXIT_AFTER_START: '1' }
    const run = await runUnmask(['lab', '--scenario', 'egress-providers', '--state-dir', temp.path], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /provider1\s+smtp\s+127\.0\.0\.1:\d+\s+Remote MX mx\.provider-a\.lab\.test through the firewall egress path/,
    )
    expect(run.stdout).toMatch(/provider3-direct\s+smtp\s+127\.0\.0\.1:\d+\s+Remote MX mx\.provider-c\.lab\.test seen/)
    const json = await runUnmask(['lab', '--scenario', 'egress-providers', '--json', '--state-dir', temp.path], env)
    const described = JSON.parse(json.stdout)
    expect(described.providers.map((p: { hostname: string }) => p.hostname)).toHaveLength(3)
  })

  it('lists the scenarios', async () => {
    const run = await runUnmask(['lab', '--list', '--json'])
    expect(run.code).toBe(0)
    const names = (JSON.parse(run.stdout) as Array<{ name: string }>).map((s) => s.name)
    expect(names).toEqual([
      'asa8-custom-class',
      'asa8-legacy-ssh',
      'asa9-allow-tls',
      'asa9-default',
      'asa9-failover',
      'asa9-multicontext',
      'asa9-postfix-notls',
      'clean-path',
      'egress-providers',
      'ftd7',
      'gateway-strip',
      'pix6-mailguard',
      'pix7-old',
      'remote-side',
    ])
  })

  it('rejects an unknown scenario and bad ports with exit code 2', async () => {
    const unknown = await runUnmask(['lab', '--scenario', 'asa42'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown lab scenario 'asa42'. Available: asa8-custom-class,")
    for (const ports of ['1,2,3,4,5', 'smtp=0', 'web=80', 'abc']) {
      const bad = await runUnmask(['lab', '--ports', ports])
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain('--ports takes up to four port numbers')
    }
  })

  it('runs until SIGTERM and serves SMTP meanwhile (real process)', async () => {
    temp = makeTempDir()
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "require('./src/cli').main(['lab', '--scenario', 'clean-path', '--json', '--state-dir', process.argv[1]])",
        temp.path,
      ],
      { cwd: root, env: { ...process.env, UNMASK_LAB_EXIT_AFTER_START: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      let stdout = ''
      child.stdout.setEncoding('utf8')
      const described = await new Promise<{ endpoints: Array<{ name: string; port: number }> }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no JSON: ${stdout}`)), 20_000)
        child.stdout.on('data', (d: string) => {
          stdout += d
          try {
            const parsed = JSON.parse(stdout)
            clearTimeout(timer)
            resolve(parsed)
          } catch {}
        })
        child.once('exit', () => reject(new Error(`exited early: ${stdout}`)))
      })
      const smtp = described.endpoints.find((e) => e.name === 'smtp')!
      const client = await LineClient.open(smtp.port)
      expect((await client.reply()).text).toBe('220 mail.lab.test ESMTP Postfix (Debian/GNU)')
      client.close()
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
