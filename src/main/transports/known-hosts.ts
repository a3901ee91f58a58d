/**
 * OpenSSH known_hosts format: `host[,host…] keytype base64key [comment]`, `[host]:port` for ports other
 * than 22, hashed names `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, wildcard patterns and the
 * `@revoked` / `@cert-authority` markers. Only reading and appending plain lines; files are never rewritten.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'

export interface KnownHostEntry {
  /** The host field as written (patterns, hashed names). */
  hosts: string
  keyType: string
  key: Buffer
  marker?: 'revoked' | 'cert-authority'
  /** Where it came from, for messages: `file:line`. */
  origin: string
}

/**
 * The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise, always lowercased. OpenSSH's ssh.c
 * lowercases the host name in main() before any known_hosts lookup, and a hashed entry is the HMAC of that
 * lowercased name, so `FW1` and `fw1` must hash the same (openssh-portable ssh.c `lowercase(host)`;
 * hostfile.c host_hash()).
 */
export function hostKeyName(host: string, port: number): string {
  const name = host.toLowerCase()
  return port === 22 ? name : `[${name}]:${port}`
}

export function parseKnownHosts(text: string, file = 'known_hosts'): KnownHostEntry[] {
  const entries: KnownHostEntry[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const fields = line.split(/\s+/)
    let marker: KnownHostEntry['marker']
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields.shift() === '@revoked' ? 'revoked' : 'cert-authority'
    }
    const [hosts, keyType, base64] = fields
    if (!hosts || !keyType || !base64 || !/^[A-Za-z0-9+/]+=*$/.test(base64)) return
    entries.push({ hosts, keyType, key: Buffer.from(base64, 'base64'), marker, origin: `${file}:${index + 1}` })
  })
  return entries
}

/** True if the entry's host field names this host (plain, `[host]:port`, hashed, wildcard, negated). */
export function entryMatchesHost(entry: KnownHostEntry, host: string, port: number): boolean {
  const name = hostKeyName(host, port)
  if (entry.hosts.startsWith('|1|')) return hashedNameMatches(entry.hosts, name)
  let matched = false
  for (const pattern of entry.hosts.split(',')) {
    const negated = pattern.startsWith('!')
    const body = negated ? pattern.slice(1) : pattern
    if (wildcardMatches(body.toLowerCase(), name)) {
      if (negated) return false
      matched = true
    }
  }
  return matched
}

function hashedNameMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|')
  if (!salt || !hash) return false
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64')
  return digest === hash
}

function wildcardMatches(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === name
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`).test(name)
}

/** The key type named inside an SSH public-key blob (its first string). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown'
  const length = key.readUInt32BE(0)
  if (length <= 0 || length > 64 || key.length < 4 + length) return 'unknown'
  return key.subarray(4, 4 + length).toString('latin1')
}

/** `SHA256:` + unpadded base64, as `ssh-keygen -l` and OpenSSH's prompts print it. */
export function sha256Fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`
}

/** One known_hosts line for a newly accepted key; `hashed` writes `|1|salt|hash` like HashKnownHosts. */
export function formatKnownHostLine(host: string, port: number, key: Buffer, hashed = false): string {
  const name = hostKeyName(host, port)
  let field = name
  if (hashed) {
    const salt = randomBytes(20)
    field = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
  }
  return `${field} ${keyTypeOf(key)} ${key.toString('base64')}`
}
