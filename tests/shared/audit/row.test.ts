/**
 * One device file → one audit row through the engine (auditText), for every kind of the generated fleet in each
 * backup layout; the proof line is checked against the file itself rather than against a number written here.
 */
import { describe, expect, it } from 'vitest'
import { auditText, detectLayout } from '../../../src/shared/audit/row'
import type { AuditRow } from '../../../src/shared/audit/types'
import { device, type Kind, oxidized, rancid } from '../../main/audit/fleet'

const KINDS: Kind[] = [
  'asa9-active',
  'asa8-allow-tls',
  'asa9-off',
  'pix6-mailguard',
  'pix6-off',
  'pix7-active-bug',
  'fwsm-active',
  'ftd-active',
  'asa-show-version',
]

function rowOf(file: string, text: string): AuditRow {
  const outcome = auditText(file, text)
  if (outcome.kind !== 'row') throw new Error(`${file} skipped: ${outcome.reason}`)
  return outcome.row
}

describe('auditText: every state, in every backup layout', () => {
  for (const kind of KINDS) {
    for (const layout of ['plain', 'rancid', 'oxidized'] as const) {
      it(`${kind} stored ${layout}`, () => {
        const { text: body, expected } = device(kind, `fw-${kind}`, 5, 500)
        if (!expected) throw new Error('device kinds have expectations')
        const v = expected.version ?? '9.8(4)'
        const text = layout === 'plain' ? body : layout === 'rancid' ? rancid(body, v) : oxidized(body, v)
        const row = rowOf('site/fw.cfg', text)
        expect(row).toMatchObject({
          file: 'site/fw.cfg',
          hostname: expected.hostname,
          platform: expected.platform,
          version: expected.version,
          state: expected.state,
          mailguard: expected.mailguard,
          ftd: expected.ftd,
          remedy: expected.remedy,
          duplicateOf: null,
        })
        if (kind !== 'asa-show-version') expect(row.layout).toBe(layout)
        expect(row.bugs.includes('pix.duplicate-header-bug')).toBe(expected.duplicateHeaderBug)
        expect(row.affected).toBe(expected.state === 'active' || expected.duplicateHeaderBug)
        // The proof names a real line of the file that says what the row claims.
        expect(row.proof).not.toBeNull()
        const line = text.split('\n')[row.proof!.line - 1]!
        expect(line).toContain(row.proof!.excerpt)
        const says: Record<string, RegExp> = {
          active: expected.mailguard ? /^fixup protocol smtp/ : /^\s*inspect esmtp/,
          'allow-tls': /allow-tls/,
          off: /^(ASA|PIX|FWSM|NGFW) Version/,
          unknown: /Version|\d/,
        }
        expect(line).toMatch(says[expected.state]!)
        if (expected.state === 'active' && !expected.mailguard)
          expect(row.places).toEqual(['global_policy/inspection_default'])
        if (expected.mailguard) expect(row.places).toEqual(['fixup protocol smtp 25'])
        if (expected.state === 'off' || expected.state === 'unknown') expect(row.places).toEqual([])
      })
    }
  }

  it('active wins over allow-tls when one policy masks and another allows TLS', () => {
    const { text } = device('asa8-allow-tls', 'mixed')
    const both = text.replace(
      'service-policy global_policy global',
      'policy-map outside_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\nservice-policy outside_policy interface outside',
    )
    const row = rowOf('mixed.cfg', both)
    expect(row.state).toBe('active')
    expect(row.places).toEqual(['outside_policy/inspection_default'])
  })
})

describe('what is not a firewall configuration is skipped with the reason', () => {
  it('an IOS router config is not-firewall, plain or in RANCID layout', () => {
    const { text } = device('ios', 'core-r1')
    expect(auditText('r1', text)).toMatchObject({ kind: 'skip', reason: 'not-firewall' })
    expect(auditText('r1', rancid(text, null))).toMatchObject({ kind: 'skip', reason: 'not-firewall' })
  })

  it('prose, a RANCID router.db and an empty file are not configurations', () => {
    expect(auditText('README.md', '# Backups\n\nNightly copies.\n')).toMatchObject({ reason: 'not-config' })
    expect(auditText('router.db', 'fw1;cisco;up\nfw2;cisco;up\n')).toMatchObject({ reason: 'not-config' })
    expect(auditText('e.cfg', '  \n\n')).toMatchObject({ reason: 'empty' })
  })
})

describe('detectLayout', () => {
  it('names RANCID by its content-type line and Oxidized by its commented show version', () => {
    const { text } = device('asa9-active', 'x')
    expect(detectLayout(rancid(text, '9.1(1)'))).toBe('rancid')
    expect(detectLayout(oxidized(text, '9.1(1)'))).toBe('oxidized')
    expect(detectLayout(text)).toBe('plain')
    // A plain config that merely starts with a comment is not Oxidized.
    expect(detectLayout(`!\n! site B\n${text}`)).toBe('plain')
  })
})
