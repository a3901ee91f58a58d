/**
 * A private Postfix (Debian's package) for tests: its own config, queue, data and mail folders under a temp
 * dir, listening only on 127.0.0.1 on a free high port, STARTTLS with a certificate made for this run,
 * delivery for one test domain into maildirs through virtual(8), no relaying, no DNS, no error sleep.
 * Needs root and `/usr/sbin/postfix` (apt package `postfix`); tests use `describe.skipIf(!hasPostfix)`.
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestCertificate } from './hostile-smtp'

const POSTFIX = '/usr/sbin/postfix'

export const hasPostfix: boolean = existsSync(POSTFIX) && process.getuid?.() === 0 && hasUser('postfix')

export interface PostfixInstance {
  host: string
  port: number
  domain: string
  hostname: string
  dir: string
  /** Messages delivered to `user@domain`, newest last. */
  delivered(user: string): string[]
  log(): string
  stop(): Promise<void>
}

export interface PostfixOptions {
  cert: TestCertificate
  hostname?: string
  domain?: string
  users?: string[]
}

export async function startPostfix(options: PostfixOptions): Promise<PostfixInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'unmask-postfix-'))
  // Postfix's daemons run as the postfix user and must reach their folders inside.
  chmodSync(dir, 0o755)
  const hostname = options.hostname ?? 'mx.postfix.test'
  const domain = options.domain ?? 'postfix.test'
  const users = options.users ?? ['postmaster', 'probe']
  const port = await freePort()
  const owner = uidOf('postfix')
  for (const sub of ['queue', 'data', 'mail']) mkdirSync(join(dir, sub), { recursive: true })
  chownSync(join(dir, 'data'), owner.uid, owner.gid)
  chownSync(join(dir, 'mail'), owner.uid, owner.gid)
  writeFileSync(join(dir, 'key.pem'), options.cert.key, { mode: 0o600 })
  writeFileSync(join(dir, 'cert.pem'), options.cert.cert)
  writeFileSync(join(dir, 'vmailbox'), users.map((u) => `${u}@${domain} ${domain}/${u}/\n`).join(''))
  writeFileSync(join(dir, 'main.cf'), mainCf(dir, hostname, domain, owner))
  writeFileSync(join(dir, 'master.cf'), masterCf(port))
  const env = { ...process.env, MAIL_CONFIG: dir }
  execFileSync(POSTFIX, ['-c', dir, 'start'], { env, stdio: 'pipe', timeout: 30_000 })
  const instance: PostfixInstance = {
    host: '127.0.0.1',
    port,
    domain,
    hostname,
    dir,
    delivered(user) {
      const newDir = join(dir, 'mail', domain, user, 'new')
      if (!existsSync(newDir)) return []
      return readdirSync(newDir)
        .sort()
        .map((f) => readFileSync(join(newDir, f), 'utf8'))
    },
    log: () => (existsSync(join(dir, 'maillog')) ? readFileSync(join(dir, 'maillog'), 'utf8') : ''),
    async stop() {
      try {
        execFileSync(POSTFIX, ['-c', dir, 'stop'], { env, stdio: 'pipe', timeout: 30_000 })
      } catch {
        // already stopped or never started; the folder goes anyway
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  try {
    await waitForBanner(port, 20_000)
  } catch (error) {
    const log = instance.log()
    await instance.stop()
    throw new Error(`postfix did not start: ${String(error)}\n${log}`)
  }
  return instance
}

function mainCf(dir: string, hostname: string, domain: string, owner: { uid: number; gid: number }): string {
  return `${[
    'compatibility_level = 3.6',
    `queue_directory = ${join(dir, 'queue')}`,
    `data_directory = ${join(dir, 'data')}`,
    'mail_owner = postfix',
    `maillog_file = ${join(dir, 'maillog')}`,
    `maillog_file_prefixes = ${dir}`,
    `myhostname = ${hostname}`,
    `mydomain = ${domain}`,
    'myorigin = $myhostname',
    'mydestination =',
    'inet_interfaces = 127.0.0.1',
    'inet_protocols = ipv4',
    'mynetworks = 127.0.0.0/8',
    'relayhost =',
    'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination',
    'alias_maps =',
    'alias_database =',
    'biff = no',
    `virtual_mailbox_domains = ${domain}`,
    `virtual_mailbox_base = ${join(dir, 'mail')}`,
    `virtual_mailbox_maps = texthash:${join(dir, 'vmailbox')}`,
    `virtual_uid_maps = static:${owner.uid}`,
    `virtual_gid_maps = static:${owner.gid}`,
    'virtual_minimum_uid = 1',
    'smtp_dns_support_level = disabled',
    'smtpd_peername_lookup = no',
    'smtpd_error_sleep_time = 0',
    'smtpd_soft_error_limit = 100',
    'smtpd_hard_error_limit = 100',
    'smtpd_banner = $myhostname ESMTP Postfix',
    'smtpd_tls_security_level = may',
    `smtpd_tls_cert_file = ${join(dir, 'cert.pem')}`,
    `smtpd_tls_key_file = ${join(dir, 'key.pem')}`,
    'smtpd_tls_loglevel = 1',
    'smtp_tls_security_level = none',
  ].join('\n')}\n`
}

/** Only what a receiving MTA needs; nothing chrooted (the chroot would lack the temp dir's files). */
function masterCf(port: number): string {
  const services = [
    `127.0.0.1:${port} inet n - n - - smtpd`,
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'smtp unix - - n - - smtp',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'virtual unix - n n - - virtual',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
  ]
  return `${services.join('\n')}\n`
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Polls until the port answers with a 220 line (Postfix's master forks smtpd on the first connection). */
async function waitForBanner(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no attempt'
  while (Date.now() < deadline) {
    last = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port })
      const timer = setTimeout(() => finish('timeout'), 2_000)
      let data = ''
      socket.on('data', (d) => {
        data += d.toString('latin1')
        if (data.includes('\n')) finish(data)
      })
      socket.on('error', (e) => finish(e.message))
      function finish(outcome: string): void {
        clearTimeout(timer)
        socket.destroy()
        resolve(outcome)
      }
    })
    if (last.startsWith('220')) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no banner on port ${port}: ${last}`)
}

function hasUser(name: string): boolean {
  try {
    uidOf(name)
    return true
  } catch {
    return false
  }
}

function uidOf(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`))
  if (!line) throw new Error(`no user ${name}`)
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}
