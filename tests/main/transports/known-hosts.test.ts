import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { utils } from 'ssh2'
import { describe, expect, it } from 'vitest'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import {
  entryMatchesHost,
  formatKnownHostLine,
  hostKeyName,
  keyTypeOf,
  parseKnownHosts,
  sha256Fingerprint,
} from '../../../src/main/transports/known-hosts'
import { makeTempDir } from '../../support/temp-dir'

const keyPair = () => utils.generateKeyPairSync('ed25519')
const blob = (pub: string) => Buffer.from(pub.split(' ')[1], 'base64')
const hasSshKeygen = existsSync('/usr/bin/ssh-keygen')

describe('known_hosts format', () => {
  it('names port 22 plainly and other ports as [host]:port', () => {
    expect(hostKeyName('10.0.0.1', 22)).toBe('10.0.0.1')
    expect(hostKeyName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222')
  })

  it('matches plain, listed, wildcard, negated and hashed names, and nothing else', () => {
    const key = blob(keyPair().public)
    const b64 = key.toString('base64')
    const entries = parseKnownHosts(
      [
        '# comment',
        `fw1,10.0.0.1 ssh-ed25519 ${b64}`,
        `[10.0.0.2]:2222 ssh-ed25519 ${b64}`,
        `*.example.net,!bad.example.net ssh-ed25519 ${b64}`,
        formatKnownHostLine('10.0.0.3', 22, key, true),
        'garbage line',
      ].join('\n'),
    )
    expect(entries).toHaveLength(4)
    const matches = (host: string, port = 22) => entries.filter((e) => entryMatchesHost(e, host, port)).length
    expect(matches('10.0.0.1')).toBe(1)
    expect(matches('FW1')).toBe(1)
    expect(matches('10.0.0.1', 2222)).toBe(0)
    expect(matches('10.0.0.2', 2222)).toBe(1)
    expect(matches('10.0.0.2')).toBe(0)
    expect(matches('mx.example.net')).toBe(1)
    expect(matches('bad.example.net')).toBe(0)
    expect(matches('10.0.0.3')).toBe(1)
    expect(matches('10.0.0.33')).toBe(0)
  })

  it('reads the key type from the blob and prints OpenSSH-style fingerprints', () => {
    const pair = keyPair()
    expect(keyTypeOf(blob(pair.public))).toBe('ssh-ed25519')
    expect(sha256Fingerprint(blob(pair.public))).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
  })

  it.skipIf(!hasSshKeygen)('writes lines OpenSSH finds, hashed or not, and fingerprints it agrees with', () => {
    const tmp = makeTempDir()
    try {
      const pair = keyPair()
      const file = join(tmp.path, 'known_hosts')
      writeFileSync(
        file,
        `${formatKnownHostLine('127.0.0.1', 2022, blob(pair.public))}\n${formatKnownHostLine('fw.lab', 22, blob(pair.public), true)}\n`,
      )
      expect(execFileSync('ssh-keygen', ['-F', '[127.0.0.1]:2022', '-f', file]).toString()).toContain('ssh-ed25519')
      expect(execFileSync('ssh-keygen', ['-F', 'fw.lab', '-f', file]).toString()).toContain('|1|')
      const pubFile = join(tmp.path, 'key.pub')
      writeFileSync(pubFile, `${pair.public}\n`)
      expect(execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubFile]).toString()).toContain(
        sha256Fingerprint(blob(pair.public)),
      )
    } finally {
      tmp.remove()
    }
  })

  it.skipIf(!hasSshKeygen)('honours entries hashed by ssh-keygen -H', () => {
    const tmp = makeTempDir()
    try {
      const pair = keyPair()
      const file = join(tmp.path, 'known_hosts')
      writeFileSync(file, `[127.0.0.1]:2200 ${pair.public.split(' ').slice(0, 2).join(' ')}\n`)
      execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' })
      const trust = new HostKeyTrust({ storeFile: join(tmp.path, 'own'), readOnlyFiles: [file] })
      expect(trust.check('127.0.0.1', 2200, blob(pair.public)).status).toBe('trusted')
      expect(trust.check('127.0.0.1', 2201, blob(pair.public)).status).toBe('unknown')
      expect(trust.check('127.0.0.1', 2200, blob(keyPair().public)).status).toBe('changed')
    } finally {
      tmp.remove()
    }
  })

  it('treats a key of another type as changed (issue 14), and a revoked key as revoked', () => {
    const tmp = makeTempDir()
    try {
      const ed = blob(keyPair().public)
      const rsa = blob(utils.generateKeyPairSync('rsa', { bits: 1024 }).public)
      const file = join(tmp.path, 'kh')
      writeFileSync(file, `${formatKnownHostLine('h', 22, rsa)}\n@revoked h ssh-ed25519 ${ed.toString('base64')}\n`)
      const trust = new HostKeyTrust({ storeFile: file, readOnlyFiles: [] })
      expect(trust.check('h', 22, blob(keyPair().public)).status).toBe('changed')
      expect(trust.check('other', 22, blob(keyPair().public)).status).toBe('unknown')
      expect(trust.check('h', 22, ed).status).toBe('revoked')
      expect(trust.check('h', 22, rsa).status).toBe('trusted')
    } finally {
      tmp.remove()
    }
  })
})
