/**
 * Issue 14: forms the report's redaction missed. Each planted secret must be gone, and the words around it kept
 * (a counter-example beside each form). Syntax sources:
 * - `authentication key eigrp AS KEY key-id N`: Cisco ASA command reference, "authentication key eigrp".
 * - `crypto ca export|import TP pkcs12 PASS` (ASA), `crypto pki export TP pkcs12 terminal PASS` (IOS), and the
 *   `-----BEGIN PKCS12-----` block they print: Cisco community, "Certificate Backup and Installation - Trustpoints"
 *   (community.cisco.com/t5/security-documents/certificate-backup-and-installation-trustpoints/ta-p/3109377).
 * - `license smart register idtoken TOKEN [force]`: Cisco ASA command reference, "license smart register".
 * - SMTP AUTH PLAIN initial response and AUTH LOGIN `334` challenges answered by one client line each: RFC 4954 §4.
 */
import { describe, expect, it } from 'vitest'
import { createRedactor, REDACTION_MARKER, redactDeviceText } from '../../../src/shared/redaction'

const M = REDACTION_MARKER

describe('planted secrets in the forms issue 14 found', () => {
  it.each([
    [' authentication key eigrp 100 EigrpK3y-Planted key-id 2', ` authentication key eigrp 100 ${M} key-id 2`],
    [' authentication key eigrp 7 8 EigrpK3y-Planted key-id 2', ` authentication key eigrp 7 8 ${M} key-id 2`],
    ['crypto ca export TrustPoint1 pkcs12 P12pass-Planted', `crypto ca export TrustPoint1 pkcs12 ${M}`],
    [
      'ciscoasa(config)# crypto ca import TP2 pkcs12 P12pass-Planted nointeractive',
      `ciscoasa(config)# crypto ca import TP2 pkcs12 ${M} nointeractive`,
    ],
    ['crypto pki export TP1 pkcs12 terminal P12pass-Planted', `crypto pki export TP1 pkcs12 terminal ${M}`],
    ['license smart register idtoken SmartT0ken-Planted force', `license smart register idtoken ${M} force`],
    ['C: AUTH PLAIN AGJvYgBQbGFudGVk', `C: AUTH PLAIN ${M}`],
    ['12:00:01 >>> AUTH PLAIN AGJvYgBQbGFudGVk', `12:00:01 >>> AUTH PLAIN ${M}`],
    ['AUTH LOGIN Ym9iLVBsYW50ZWQ=', `AUTH LOGIN ${M}`],
  ])('%s', (line, expected) => {
    expect(redactDeviceText(line).text).toBe(expected)
  })

  it('leaves the look-alikes: EHLO AUTH lists, eigrp without a key, pkcs12 without a passphrase', () => {
    for (const line of [
      '250-AUTH PLAIN LOGIN CRAM-MD5',
      '250-AUTH=PLAIN LOGIN',
      'router eigrp 100',
      ' authentication mode eigrp 100 md5',
      'license smart register',
      'Exported pkcs12 follows:',
    ]) {
      expect(redactDeviceText(line).text).toBe(line)
    }
  })

  it('removes a whole PKCS12 block and keeps its frame and the lines after it', () => {
    const text = [
      'Exported pkcs12 follows:',
      '-----BEGIN PKCS12-----',
      'MIIKFwIBAzCCCdEGCSqGSIb3DQEHAaCCCcIEggm+PlantedPkcs12LineOne',
      'BqCCCacwggmjAgEAMIIJnAYJKoZIhvcNAQcBPlantedPkcs12LineTwo',
      '-----END PKCS12-----',
      'ciscoasa(config)# show run hostname',
    ].join('\n')
    const out = redactDeviceText(text)
    expect(out.text).not.toMatch(/Planted/)
    expect(out.text.split('\n')).toEqual([
      'Exported pkcs12 follows:',
      '-----BEGIN PKCS12-----',
      M,
      M,
      '-----END PKCS12-----',
      'ciscoasa(config)# show run hostname',
    ])
    expect(out.redactions.map((r) => r.kind)).toEqual(['private-key', 'private-key'])
  })

  it('removes the client line after each 334 challenge (AUTH LOGIN), and only that line', () => {
    const transcript = [
      'S: 220 mx.example.test ESMTP',
      'C: AUTH LOGIN',
      'S: 334 VXNlcm5hbWU6',
      'C: cGxhbnRlZC11c2Vy',
      'S: 334 UGFzc3dvcmQ6',
      'C: cGxhbnRlZC1wYXNz',
      'S: 235 2.7.0 Authentication successful',
      'C: MAIL FROM:<a@example.test>',
    ].join('\n')
    const out = redactDeviceText(transcript).text.split('\n')
    expect(out).toEqual([
      'S: 220 mx.example.test ESMTP',
      'C: AUTH LOGIN',
      'S: 334 VXNlcm5hbWU6',
      `C: ${M}`,
      'S: 334 UGFzc3dvcmQ6',
      `C: ${M}`,
      'S: 235 2.7.0 Authentication successful',
      'C: MAIL FROM:<a@example.test>',
    ])
    // Unprefixed, as a probe transcript holds it, with a cancel (`*`) answered by 501: the 501 is not eaten.
    expect(redactDeviceText('334 VXNlcm5hbWU6\nYm9i\n501 5.7.0 cancelled\nQUIT').text).toBe(
      `334 VXNlcm5hbWU6\n${M}\n501 5.7.0 cancelled\nQUIT`,
    )
  })

  it('a probe transcript redacted line by line still loses the AUTH LOGIN answers (learned from the whole)', () => {
    const lines = ['334 VXNlcm5hbWU6', 'cGxhbnRlZC11c2Vy', '334 UGFzc3dvcmQ6', 'cGxhbnRlZC1wYXNz', '235 ok']
    const redactor = createRedactor({ deviceTexts: [lines.join('\n')] })
    const each = lines.map((l) => redactor.device(l)).join('\n')
    expect(each).not.toMatch(/cGxhbnRlZC/)
    expect(each).toContain('334 VXNlcm5hbWU6')
  })
})

describe('the aaa-server key line as a terminal echoes it', () => {
  it('masks it after a prompt too, but not "Key Version" or a key word inside a sentence', () => {
    expect(redactDeviceText('fw(config-aaa-server-host)# key Planted-K3y').text).toBe(
      `fw(config-aaa-server-host)# key ${M}`,
    )
    expect(redactDeviceText('ciscoasa/admin# key Planted-K3y').text).toBe(`ciscoasa/admin# key ${M}`)
    expect(redactDeviceText('Key Version : A').text).toBe('Key Version : A')
    expect(redactDeviceText('press any key to continue').text).toBe('press any key to continue')
  })
})
