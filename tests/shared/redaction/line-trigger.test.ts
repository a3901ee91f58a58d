/**
 * The trigger-word shortcut in secretSpans (LINE_TRIGGER) must never hide a secret: every rule needs one of its words,
 * and on every line of every fixture and on generated lines built from the rules' own words the shortcut gives what
 * the rules give.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LINE_RULES, LINE_TRIGGER } from '../../../src/shared/redaction/line-rules'
import { ruleSpans, secretSpans } from '../../../src/shared/redaction/redact-text'

const FIXTURES = resolve(import.meta.dirname, '../../fixtures')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.txt') ? [path] : []
  })
}

const WORDS = [
  'enable',
  'password',
  'secret',
  'level',
  '15',
  '5',
  '7',
  '0',
  'username',
  'admin',
  'pre-shared-key',
  'address',
  '192.0.2.1',
  'Key',
  'key',
  'isakmp',
  'snmp-server',
  'community',
  'host',
  'user',
  'auth',
  'sha',
  'priv',
  'aes',
  '128',
  'aaa-server',
  'ISE',
  '(inside)',
  'radius-common-pw',
  'tacacs-server',
  'radius-server',
  'failover',
  'hex',
  'authentication-key',
  'md5',
  'message-digest-key',
  'key-string',
  'config-key',
  'password-encryption',
  'ftp://admin:Secr3t@192.0.2.1/',
  'ldap-login-password',
  'passwd',
  'AUTH',
  'PLAIN',
  'LOGIN',
  'dGVzdA==',
  'authentication',
  'eigrp',
  '100',
  'crypto',
  'ca',
  'pki',
  'import',
  'export',
  'TP',
  'pkcs12',
  'terminal',
  'license',
  'smart',
  'register',
  'idtoken',
  'T0KEN',
  'fw(config)#',
  'C:',
  'S:',
  '250-AUTH',
  's3cr3t',
  'encrypted',
  '*****',
]

describe('LINE_TRIGGER', () => {
  it('names a word that each rule needs', () => {
    const alternatives = LINE_TRIGGER.source.split('|').map((a) => a.replace(/\\/g, '').toLowerCase())
    for (const rule of LINE_RULES) {
      const source = rule.pattern.source.replace(/\\/g, '').toLowerCase()
      expect(
        alternatives.some((a) => source.includes(a)),
        rule.pattern.source,
      ).toBe(true)
    }
  })

  it('gives the rules’ result on every line of every fixture', () => {
    let lines = 0
    let withSecrets = 0
    for (const file of files(FIXTURES))
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        lines++
        const spans = ruleSpans(line)
        if (spans.length > 0) withSecrets++
        expect(secretSpans(line), `${file}: ${line}`).toEqual(spans)
      }
    expect(lines).toBeGreaterThan(1000)
    expect(withSecrets).toBeGreaterThan(10)
  })

  it('gives the rules’ result on lines made of the rules’ own words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }), (words) => {
        const line = words.join(' ')
        expect(secretSpans(line)).toEqual(ruleSpans(line))
      }),
      { numRuns: 3000 },
    )
  })
})
