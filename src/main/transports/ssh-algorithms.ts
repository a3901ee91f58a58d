/**
 * SSH algorithm policy. Modern algorithms by default; a per-device *legacy* switch appends what old
 * PIX 7.x / ASA 8.x images still need (SHA-1 key exchanges, ssh-rsa/ssh-dss host keys, CBC ciphers,
 * hmac-sha1). Legacy entries always come last, so a server that offers something better still gets it.
 */
import { getCiphers, getHashes } from 'node:crypto'
import type { Algorithms, CipherAlgorithm, KexAlgorithm, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2'

export const MODERN_KEX: KexAlgorithm[] = [
  'curve25519-sha256',
  'curve25519-sha256@libssh.org',
  'ecdh-sha2-nistp256',
  'ecdh-sha2-nistp384',
  'ecdh-sha2-nistp521',
  'diffie-hellman-group-exchange-sha256',
  'diffie-hellman-group14-sha256',
  'diffie-hellman-group16-sha512',
  'diffie-hellman-group18-sha512',
]
export const LEGACY_KEX: KexAlgorithm[] = [
  'diffie-hellman-group14-sha1',
  'diffie-hellman-group-exchange-sha1',
  'diffie-hellman-group1-sha1',
]

export const MODERN_HOST_KEYS: ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
]
export const LEGACY_HOST_KEYS: ServerHostKeyAlgorithm[] = ['ssh-rsa', 'ssh-dss']

export const MODERN_CIPHERS: CipherAlgorithm[] = [
  'aes128-gcm@openssh.com',
  'aes256-gcm@openssh.com',
  'aes128-ctr',
  'aes192-ctr',
  'aes256-ctr',
]
export const LEGACY_CIPHERS: CipherAlgorithm[] = ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc']

export const MODERN_MACS: MacAlgorithm[] = [
  'hmac-sha2-256-etm@openssh.com',
  'hmac-sha2-512-etm@openssh.com',
  'hmac-sha2-256',
  'hmac-sha2-512',
]
export const LEGACY_MACS: MacAlgorithm[] = ['hmac-sha1']

/** OpenSSL names of the ciphers above: Electron's BoringSSL lacks some, and ssh2 rejects unknown ones. */
const CIPHER_SSL_NAME: Record<string, string> = {
  'aes128-gcm@openssh.com': 'aes-128-gcm',
  'aes256-gcm@openssh.com': 'aes-256-gcm',
  'aes128-ctr': 'aes-128-ctr',
  'aes192-ctr': 'aes-192-ctr',
  'aes256-ctr': 'aes-256-ctr',
  'aes128-cbc': 'aes-128-cbc',
  'aes192-cbc': 'aes-192-cbc',
  'aes256-cbc': 'aes-256-cbc',
  '3des-cbc': 'des-ede3-cbc',
}
const MAC_SSL_NAME: Record<string, string> = {
  'hmac-sha2-256-etm@openssh.com': 'sha256',
  'hmac-sha2-512-etm@openssh.com': 'sha512',
  'hmac-sha2-256': 'sha256',
  'hmac-sha2-512': 'sha512',
  'hmac-sha1': 'sha1',
}

/** `knownKeyTypes`: key types stored for the host, whose algorithms go first (see preferKnownHostKeys). */
export function algorithmPolicy(legacy: boolean, knownKeyTypes: readonly string[] = []): Algorithms {
  const ciphers = new Set(getCiphers())
  const hashes = new Set(getHashes())
  const cipher = [...MODERN_CIPHERS, ...(legacy ? LEGACY_CIPHERS : [])].filter((c) => ciphers.has(CIPHER_SSL_NAME[c]))
  const hmac = [...MODERN_MACS, ...(legacy ? LEGACY_MACS : [])].filter((m) => hashes.has(MAC_SSL_NAME[m]))
  return {
    kex: [...MODERN_KEX, ...(legacy ? LEGACY_KEX : [])],
    serverHostKey: preferKnownHostKeys([...MODERN_HOST_KEYS, ...(legacy ? LEGACY_HOST_KEYS : [])], knownKeyTypes),
    cipher,
    hmac,
    compress: ['none'],
  }
}

/** Host-key algorithms that sign with a key of each known_hosts key type (an RSA key signs as any of three). */
const ALGORITHMS_OF_KEY_TYPE: Record<string, ServerHostKeyAlgorithm[]> = {
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
}

/**
 * Puts the host-key algorithms of the key types already known for the host first, keeping the policy's
 * order otherwise, as OpenSSH's order_hostkeyalgs() (sshconnect2.c) does: a server holding both an ed25519
 * and an RSA key then presents the one the user already trusts instead of an "unknown" (now: changed) one.
 */
export function preferKnownHostKeys(
  offered: ServerHostKeyAlgorithm[],
  knownKeyTypes: readonly string[],
): ServerHostKeyAlgorithm[] {
  const wanted = new Set(knownKeyTypes.flatMap((t) => ALGORITHMS_OF_KEY_TYPE[t] ?? [t]))
  return [...offered.filter((a) => wanted.has(a)), ...offered.filter((a) => !wanted.has(a))]
}
