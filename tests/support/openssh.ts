/**
 * A private OpenSSH server (Debian's sshd) for transport tests against an SSH implementation this project
 * did not write: own config, host keys and authorized_keys in a temp folder, 127.0.0.1 and a free port,
 * public-key login as the current user, whose session is forced to the scripted ASA-like CLI.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { makeTempDir } from './temp-dir'

export const SSHD = '/usr/sbin/sshd'
export const hasOpenSsh = existsSync(SSHD) && existsSync('/usr/bin/ssh-keygen')

export interface OpenSshOptions {
  /** Only what an ASA 8.x offers: diffie-hellman-group1-sha1, ssh-rsa host key, aes128-cbc, hmac-sha1. */
  legacyOnly?: boolean
  platform?: 'asa' | 'pix7' | 'pix6' | 'ftd'
  secret?: string
}

export interface OpenSsh {
  port: number
  username: string
  /** The user's private key (OpenSSH format) for public-key login. */
  userKey: string
  /** Host public key line(s) as in the *.pub files. */
  hostKeys: string[]
  dir: string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}`)
    const ok = await new Promise<boolean>((done) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy()
        done(true)
      })
      socket.on('error', () => done(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('sshd did not start listening')
}

export async function startOpenSsh(options: OpenSshOptions = {}): Promise<OpenSsh> {
  const tmp = makeTempDir('unmask-sshd-')
  const dir = tmp.path
  const keygen = (type: string, file: string) =>
    execFileSync('ssh-keygen', ['-q', '-N', '', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-f', file])
  const hostKeyFiles = options.legacyOnly ? [join(dir, 'host_rsa')] : [join(dir, 'host_ed25519')]
  keygen(options.legacyOnly ? 'rsa' : 'ed25519', hostKeyFiles[0])
  keygen('ed25519', join(dir, 'user'))
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user.pub')))
  // Privilege separation needs this folder; a test run as root may create it, as the openssh-server package would.
  if (!existsSync('/run/sshd')) {
    try {
      mkdirSync('/run/sshd', { mode: 0o755 })
    } catch {}
  }
  const port = await freePort()
  const cliMain = resolve(__dirname, 'asa-like-cli.main.ts')
  const tsx = resolve(__dirname, '../../node_modules/tsx/dist/cli.mjs')
  const command = [
    process.execPath,
    tsx,
    cliMain,
    '--platform',
    options.platform ?? 'asa',
    '--secret',
    options.secret ?? 'cisco-enable',
  ]
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    ...hostKeyFiles.map((f) => `HostKey ${f}`),
    `PidFile ${join(dir, 'sshd.pid')}`,
    'UsePAM no',
    'StrictModes no',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'PermitTTY yes',
    'LogLevel ERROR',
    ...(options.legacyOnly
      ? [
          'KexAlgorithms diffie-hellman-group1-sha1',
          'HostKeyAlgorithms ssh-rsa',
          'Ciphers aes128-cbc',
          'MACs hmac-sha1',
        ]
      : []),
    `ForceCommand ${command.map((c) => `'${c}'`).join(' ')}`,
  ].join('\n')
  const configFile = join(dir, 'sshd_config')
  writeFileSync(configFile, `${config}\n`)
  const child = spawn(SSHD, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  try {
    await waitForPort(port, child)
  } catch (error) {
    child.kill()
    tmp.remove()
    throw new Error(`${(error as Error).message}: ${stderr}`)
  }
  return {
    port,
    dir,
    username: userInfo().username,
    userKey: readFileSync(join(dir, 'user'), 'utf8'),
    hostKeys: hostKeyFiles.map((f) => readFileSync(`${f}.pub`, 'utf8').trim()),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      tmp.remove()
    },
  }
}
