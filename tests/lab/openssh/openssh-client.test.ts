/**
 * Realism check with an ordinary SSH client: Debian's OpenSSH `ssh` logs in to the lab ASA (password from an
 * SSH_ASKPASS script), sees the ASA banner and prompts, and is refused by the legacy ASA 8 unless it re-enables
 * the old algorithms, with the same message engineers meet on real ASA 8.x.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'

const SSH = '/usr/bin/ssh'
const dir = mkdtempSync(join(tmpdir(), 'unmask-openssh-'))
const askpass = join(dir, 'askpass.sh')
writeFileSync(askpass, '#!/bin/sh\necho lab-admin\n')
chmodSync(askpass, 0o700)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

class OpenSsh {
  output = ''
  private readonly child: ChildProcessWithoutNullStreams
  exited: Promise<number | null>

  constructor(port: number, extra: string[] = []) {
    this.child = spawn(
      SSH,
      [
        '-tt',
        '-p',
        String(port),
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        `UserKnownHostsFile=${join(dir, 'known_hosts')}`,
        '-o',
        'PubkeyAuthentication=no',
        '-o',
        'PreferredAuthentications=password',
        '-o',
        'ConnectTimeout=10',
        '-F',
        '/dev/null',
        ...extra,
        'admin@127.0.0.1',
      ],
      { env: { ...process.env, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' } },
    )
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => {
      this.output += d
    })
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => {
      this.output += d
    })
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)))
  }

  async waitFor(text: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!this.output.includes(text)) {
      if (Date.now() > deadline)
        throw new Error(`timeout waiting for ${JSON.stringify(text)}: ${JSON.stringify(this.output)}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  send(text: string): void {
    this.child.stdin.write(text)
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL')
  }
}

describe.skipIf(!existsSync(SSH))('OpenSSH client against the lab', () => {
  const labs: Lab[] = []
  afterAll(async () => {
    for (const lab of labs) await lab.stop()
  })

  it('logs in to the ASA 9 and works the CLI like a person would', async () => {
    const lab = await startLab({ scenario: 'asa9-default', stateDir: join(dir, 'asa9') })
    labs.push(lab)
    const ssh = new OpenSsh(lab.management!.port)
    try {
      await ssh.waitFor('ciscoasa> ')
      expect(ssh.output).toContain('User admin logged in to ciscoasa')
      ssh.send('enable\r')
      await ssh.waitFor('Password: ')
      ssh.send('lab-enable\r')
      await ssh.waitFor('ciscoasa# ')
      ssh.send('show version | include Software\r')
      await ssh.waitFor('Cisco Adaptive Security Appliance Software Version 9.8(4)10')
      ssh.send('logout\r')
      expect(await ssh.exited).toBe(0)
    } finally {
      ssh.kill()
    }
  })

  it('is refused by the legacy ASA 8 with the real OpenSSH message, then let in with the old algorithms', async () => {
    const lab = await startLab({ scenario: 'asa8-legacy-ssh', stateDir: join(dir, 'asa8') })
    labs.push(lab)
    const refused = new OpenSsh(lab.management!.port)
    try {
      expect(await refused.exited).toBe(255)
      expect(refused.output).toMatch(
        /Unable to negotiate with 127\.0\.0\.1 port \d+: no matching key exchange method found\. Their offer: diffie-hellman-group1-sha1/,
      )
    } finally {
      refused.kill()
    }
    const legacy = new OpenSsh(lab.management!.port, [
      '-o',
      'KexAlgorithms=+diffie-hellman-group1-sha1',
      '-o',
      'HostKeyAlgorithms=+ssh-rsa',
      '-o',
      'Ciphers=+aes128-cbc',
    ])
    try {
      await legacy.waitFor('ciscoasa> ')
      legacy.send('exit\r')
      expect(await legacy.exited).toBe(0)
    } finally {
      legacy.kill()
    }
  })
})
