import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REDACTION_MARKER, redactDeviceText, redactLine } from '../../../src/shared/redaction'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/redaction', name), 'utf8')
const M = REDACTION_MARKER

describe('redactLine: one rule family at a time', () => {
  it.each([
    ['enable password 8Ry2YjIyt7RRXU24 encrypted', `enable password ${M} encrypted`, 'password'],
    ['enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', `enable secret 5 ${M}`, 'password'],
    ['enable password level 15 Lvl15Pw', `enable password level 15 ${M}`, 'password'],
    ['passwd 2KFQnbNIdI.2KYOU encrypted', `passwd ${M} encrypted`, 'password'],
    ['pixfirewall(config)# passwd letmein', `pixfirewall(config)# passwd ${M}`, 'password'],
    ['pixfirewall(config)# enable password dude!letmein', `pixfirewall(config)# enable password ${M}`, 'password'],
    [
      'username mpenning password dXRTaA5wrZ3OL8gz encrypted privilege 15',
      `username mpenning password ${M} encrypted privilege 15`,
      'password',
    ],
    ['username netops secret 5 $1$abc$def', `username netops secret 5 ${M}`, 'password'],
    [' pre-shared-key Psk-Tunnel-S3cret', ` pre-shared-key ${M}`, 'pre-shared-key'],
    [
      ' ikev2 local-authentication pre-shared-key 0 LocalPsk',
      ` ikev2 local-authentication pre-shared-key 0 ${M}`,
      'pre-shared-key',
    ],
    [
      ' pre-shared-key address 192.0.2.1 key KeyringPsk',
      ` pre-shared-key address 192.0.2.1 key ${M}`,
      'pre-shared-key',
    ],
    [
      'isakmp key PixIsakmpK3y address 10.9.9.9 netmask 255.255.255.255',
      `isakmp key ${M} address 10.9.9.9 netmask 255.255.255.255`,
      'pre-shared-key',
    ],
    ['crypto isakmp key IosPsk address 0.0.0.0', `crypto isakmp key ${M} address 0.0.0.0`, 'pre-shared-key'],
    ['snmp-server community public', `snmp-server community ${M}`, 'snmp-community'],
    [
      'snmp-server host INSIDE Machine01 poll community public',
      `snmp-server host INSIDE Machine01 poll community ${M}`,
      'snmp-community',
    ],
    [
      'snmp-server host inside 10.1.1.1 community N0c version 2c',
      `snmp-server host inside 10.1.1.1 community ${M} version 2c`,
      'snmp-community',
    ],
    [
      'snmp-server user u1 G1 v3 auth sha AuthPw1 priv aes 128 PrivPw1',
      `snmp-server user u1 G1 v3 auth sha ${M} priv aes 128 ${M}`,
      'snmp-community',
    ],
    [' key R4d1usK3y!2026', ` key ${M}`, 'aaa-key'],
    [
      'aaa-server TACACS+ (inside) host 10.1.1.5 TacKey timeout 5',
      `aaa-server TACACS+ (inside) host 10.1.1.5 ${M} timeout 5`,
      'aaa-key',
    ],
    [' radius-common-pw CommonPw#77', ` radius-common-pw ${M}`, 'aaa-key'],
    ['tacacs-server host 10.1.1.1 key 7 0822455D0A16', `tacacs-server host 10.1.1.1 key 7 ${M}`, 'aaa-key'],
    ['failover key F41l0verK3y', `failover key ${M}`, 'other-key'],
    ['ntp authentication-key 1 md5 NtpMd5K3y', `ntp authentication-key 1 md5 ${M}`, 'other-key'],
    [' ldap-login-password LdapB1ndPw', ` ldap-login-password ${M}`, 'password'],
    ['AUTH PLAIN AGJvYgBzM2NyZXQ=', `AUTH PLAIN ${M}`, 'password'],
    [' ip ospf authentication-key OspfK3y', ` ip ospf authentication-key ${M}`, 'other-key'],
    [
      'key config-key password-encryption NewMaster1 OldMaster0',
      `key config-key password-encryption ${M} ${M}`,
      'other-key',
    ],
    [
      'ciscoasa# copy running-config ftp://admin:Secr3t@10.1.1.1/asa.cfg',
      `ciscoasa# copy running-config ftp://admin:${M}@10.1.1.1/asa.cfg`,
      'password',
    ],
    // Lines a session log already masked in part: the hash after the mask is still a secret.
    ['username netops secret ******** $1$mERr$hx5rVt7r', `username netops secret ******** ${M}`, 'password'],
    ['enable password ******** encrypted', `enable password ${M} encrypted`, 'password'],
  ])('%s', (input, expected, kind) => {
    const out = redactLine(input, 7)
    expect(out.text).toBe(expected)
    expect(out.redactions.length).toBeGreaterThan(0)
    expect(out.redactions[0]!.kind).toBe(kind)
    expect(out.redactions.every((r) => r.line === 7)).toBe(true)
  })

  it.each([
    'Key Version               : A',
    'Running Permanent Activation Key: 0x1 0x2 0x3 0x4 0x5',
    'ssh key-exchange group dh-group14-sha256',
    ' password-storage disable',
    'password encryption aes',
    'no service password-encryption',
    'Password: ********',
    "adminasa@192.168.57.121's password: ",
    'crypto isakmp policy 10',
    ' authentication pre-share',
    'aaa-server ISE (inside) host 172.10.20.50',
    'aaa-server TACACS+ protocol tacacs+',
    'snmp-server enable traps snmp authentication linkup linkdown coldstart',
    '250 XXXXXXXA',
    'ciscoasa# show running-config passwd',
    'Key name: <Default-RSA-Key>',
    '  inspect esmtp',
    'copy running-config tftp://10.1.1.1/asa.cfg',
    'url https://operator@ca.example.com/certsrv',
    'ftp mode passive',
    'ntp trusted-key 1',
  ])('leaves alone: %s', (input) => {
    expect(redactLine(input, 1)).toEqual({ text: input, redactions: [] })
  })

  it('finds every secret on a line, not only the first', () => {
    const out = redactLine('ciscoasa(config)# passwd Pw1aaaa ; passwd Pw2bbbb', 1)
    expect(out.redactions.map((r) => r.value)).toEqual(['Pw1aaaa', 'Pw2bbbb'])
    expect(out.text).toBe(`ciscoasa(config)# passwd ${M} ; passwd ${M}`)
  })

  it('is idempotent: a redacted line is not redacted again', () => {
    const once = redactLine('enable password 8Ry2YjIyt7RRXU24 encrypted', 1).text
    expect(redactLine(once, 1)).toEqual({ text: once, redactions: [] })
  })
})

describe('redactDeviceText', () => {
  it('keeps line count and line endings (CRLF, LF, CR and a missing final newline)', () => {
    const text = 'a\r\nenable password x1y2z3 encrypted\nb\rpasswd abcd\n\nend'
    const out = redactDeviceText(text)
    expect(out.text).toBe(`a\r\nenable password ${M} encrypted\nb\rpasswd ${M}\n\nend`)
    expect(out.redactions.map((r) => r.line)).toEqual([2, 4])
  })

  it('removes every secret of a secrets-heavy ASA configuration and nothing else', () => {
    const text = fixture('asa_7.2-3_secrets_galore.txt')
    const out = redactDeviceText(text)
    for (const secret of [
      'shlxHOGhGlncPVRr',
      'Zq9vXk2LmP0aBcDe',
      'hx5rVt7rPNoS4wqbXKX7m0',
      'R4d1usK3y!2026',
      'CommonPw#77',
      'LdapB1ndPw',
      'N0c-C0mmunity',
      'AuthPassw0rd99',
      'PrivPassw0rd77',
      'Psk-Tunnel-S3cret',
      'F41l0verK3y',
      'NtpMd5K3y',
    ])
      expect(out.text).not.toContain(secret)
    expect(out.text.split('\n')).toHaveLength(text.split('\n').length)
    // Exactly the changed lines differ; every other line is byte-identical.
    const before = text.split('\n')
    const after = out.text.split('\n')
    const changed = before.map((l, i) => (l === after[i] ? 0 : i + 1)).filter((n) => n > 0)
    expect(changed).toEqual([...new Set(out.redactions.map((r) => r.line))])
    expect(changed).toHaveLength(13)
    expect(after).toContain('  inspect esmtp')
    expect(after).toContain('aaa-server ISE (inside) host 172.10.20.50')
  })

  it('removes the body of a private key block and keeps its fences and line count', () => {
    const text = fixture('session_with_private_key.txt')
    const out = redactDeviceText(text)
    const body = text.split('\n')[4]!
    expect(body).toMatch(/^MC4CAQ/)
    expect(out.text).not.toContain(body)
    const lines = out.text.split('\n')
    expect(lines[3]).toBe('-----BEGIN PRIVATE KEY-----')
    expect(lines[4]).toBe(M)
    expect(lines[5]).toBe('-----END PRIVATE KEY-----')
    expect(lines[6]).toBe('ciscoasa# show crypto key mypubkey rsa')
    expect(lines).toContain('Key Version               : A')
    expect(lines).toHaveLength(text.split('\n').length)
    expect(out.redactions.find((r) => r.kind === 'private-key')?.line).toBe(5)
  })

  it('finds nothing in outputs without secrets (counter-examples from real devices)', () => {
    for (const name of ['asa_show_version_ntc4.txt', 'asa_ssh_kex_mismatch_and_kex_options_blog2024.txt']) {
      const text = fixture(name)
      expect(redactDeviceText(text)).toEqual({ text, redactions: [] })
    }
  })

  it('redacts the real ciscoconfparse ASA sample at the lines that hold secrets', () => {
    const out = redactDeviceText(fixture('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt'))
    expect(out.redactions.map((r) => [r.line, r.kind])).toEqual([
      [10, 'password'],
      [19, 'password'],
      [327, 'snmp-community'],
      [330, 'snmp-community'],
      [379, 'password'],
    ])
  })

  it('redacts passwords typed at a PIX 6.3 prompt', () => {
    const out = redactDeviceText(fixture('pix_6.3-1_wr_mem_and_show_ver_chuckbag.txt'))
    expect(out.text).not.toContain('letmein')
    expect(out.text).toContain(`pixfirewall(config)# passwd ${M}`)
  })
})
