import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { diagnose } from '../../../src/shared/diagnosis/causes'
import { parseEvidence } from '../../../src/shared/evidence'
import { collectFacts } from '../../../src/shared/evidence/facts'
import type { CommandLine, Remedy } from '../../../src/shared/remedies'
import { selectRemedies } from '../../../src/shared/remedies/select'
import { runRules } from '../../../src/shared/rules'
import { FTD_SHOW_VERSION, MIXED_POLICY_CONFIG, SERVICE_POLICY_8X } from '../evidence/device-samples'
import { fixtureText, SC_TRANSCRIPT } from '../evidence/samples'

const analyze = (...texts: string[]) => analyzeTexts(texts.map((text, i) => ({ source: `in${i}`, text })))
const remedy = (remedies: Remedy[], id: string) => {
  const r = remedies.find((x) => x.id === id)
  if (!r) throw new Error(`no ${id} among ${remedies.map((x) => x.id).join(', ')}`)
  return r
}
const commands = (lines: CommandLine[]) => lines.map((l) => l.command)

/** Every `policy-map X` / `class Y` a remedy names must be in the configuration, unless the remedy creates it. */
function namesUsed(lines: CommandLine[]): string[] {
  return lines.flatMap((l) => {
    const m = /^\s*(?:no )?(?:policy-map(?: type inspect esmtp)?|class) (\S+)$/.exec(l.command)
    return m ? [m[1]!] : []
  })
}

const TWO_PLACES = `ASA Version 8.4(7)
hostname gw
class-map SMTP_HOSTS
 match access-list MAIL_SERVERS
policy-map global_policy
 class inspection_default
  inspect esmtp 
 class SMTP_HOSTS
  inspect esmtp 
policy-map OUTSIDE_POLICY
 class inspection_default
  inspect esmtp
service-policy global_policy global
service-policy OUTSIDE_POLICY interface outside
`

describe('asa.no-inspect-esmtp', () => {
  it('covers every policy-map/class where inspection is live, with undo restoring each line', () => {
    const a = analyze(TWO_PLACES)
    const r = remedy(a.remedies, 'asa.no-inspect-esmtp')
    expect(r.params.places).toBe(
      'global_policy/inspection_default, global_policy/SMTP_HOSTS, OUTSIDE_POLICY/inspection_default',
    )
    expect(commands(r.commands).filter((c) => c === 'no inspect esmtp')).toHaveLength(3)
    expect(commands(r.undo).filter((c) => c === 'inspect esmtp')).toHaveLength(3)
    expect(commands(r.commands)[0]).toBe('configure terminal')
    expect(commands(r.commands).at(-1)).toBe('end')
    expect(r.target).toEqual({ hostname: 'gw', context: null, platform: 'asa', version: '8.4(7)' })
    for (const name of namesUsed(r.commands)) expect(TWO_PLACES).toContain(name)
  })

  it('enters each line in the right mode', () => {
    const r = remedy(analyze(TWO_PLACES).remedies, 'asa.no-inspect-esmtp')
    const modes = new Map(r.commands.map((l) => [l.command.split(' ')[0], l.mode]))
    expect(modes.get('configure')).toBe('enable')
    expect(modes.get('policy-map')).toBe('config')
    expect(modes.get('class')).toBe('config-pmap')
    expect(modes.get('no')).toBe('config-pmap-c')
  })

  it('leaves out policy-maps that no service-policy uses and places whose map allows TLS', () => {
    const r = remedy(analyze(MIXED_POLICY_CONFIG).remedies, 'asa.no-inspect-esmtp')
    expect(r.params.places).toBe('global_policy/inspection_default')
    expect(commands(r.commands)).toContain('no inspect esmtp STRICT')
    expect(commands(r.undo)).toContain('inspect esmtp STRICT')
    expect(namesUsed(r.commands)).not.toContain('UNUSED_POLICY')
    expect(namesUsed(r.commands)).not.toContain('MAIL')
  })

  it('uses the names show service-policy printed when there is no configuration', () => {
    const r = remedy(analyze(SERVICE_POLICY_8X).remedies, 'asa.no-inspect-esmtp')
    expect(namesUsed(r.commands)).toEqual(['global_policy', 'inspection_default', 'DMZ_POLICY', 'MAIL'])
    expect(commands(r.commands)).toContain('no inspect esmtp TLS_OK')
  })

  it('is not proposed without a name to use: syslog alone says inspection is on, not where', () => {
    const a = analyze(fixtureText('asa_syslog_esmtp_inspection_drop_blog.txt'))
    expect(a.remedies).toEqual([])
    expect(a.skipped).toEqual([{ id: 'asa.no-inspect-esmtp', reasonKey: 'remedies.skipped.noPlaces' }])
  })
})

describe('asa.allow-tls-map', () => {
  it('creates a new map with allow-tls and swaps it in at every place (default map)', () => {
    const r = remedy(analyze(TWO_PLACES).remedies, 'asa.allow-tls-map')
    const lines = commands(r.commands)
    expect(lines.slice(1, 4)).toEqual([
      'policy-map type inspect esmtp UNMASK_ESMTP_TLS',
      'parameters',
      'allow-tls action log',
    ])
    expect(lines.filter((l) => l === 'inspect esmtp UNMASK_ESMTP_TLS')).toHaveLength(3)
    expect(lines).not.toContain('mask-banner')
    expect(commands(r.undo)).toContain('no policy-map type inspect esmtp UNMASK_ESMTP_TLS')
    expect(r.params.newMap).toBe('UNMASK_ESMTP_TLS')
    const allowTls = r.commands.find((l) => l.command === 'allow-tls action log')
    expect(allowTls?.mode).toBe('config-pmap-p')
  })

  it('edits a custom map that is in the configuration instead of creating one', () => {
    const r = remedy(analyze(MIXED_POLICY_CONFIG).remedies, 'asa.allow-tls-map')
    expect(commands(r.commands)).toEqual([
      'configure terminal',
      'policy-map type inspect esmtp STRICT',
      'parameters',
      'allow-tls action log',
      'exit',
      'exit',
      'end',
    ])
    expect(commands(r.undo)).toContain('no allow-tls')
    expect(r.params.newMap).toBe('')
  })

  it('picks a map name that is not already in the configuration', () => {
    const taken = TWO_PLACES.replace(
      'hostname gw',
      'hostname gw\npolicy-map type inspect esmtp UNMASK_ESMTP_TLS\n parameters\n  mask-banner',
    )
    const r = remedy(analyze(taken).remedies, 'asa.allow-tls-map')
    expect(r.params.newMap).toBe('UNMASK_ESMTP_TLS_2')
  })

  it('is only proposed where the version supports allow-tls', () => {
    const old = analyze(TWO_PLACES.replace('ASA Version 8.4(7)', 'ASA Version 7.2(2)'))
    expect(old.remedies.map((r) => r.id)).toEqual(['asa.no-inspect-esmtp', 'advice.upgrade'])
    expect(old.skipped).toEqual([
      { id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.allowTlsVersion', params: { version: '7.2(2)' } },
    ])
    const eight = analyze(TWO_PLACES.replace('ASA Version 8.4(7)', 'ASA Version 8.0(2)'))
    expect(eight.remedies.map((r) => r.id)).toEqual(['asa.no-inspect-esmtp'])
    const fixed = analyze(TWO_PLACES.replace('ASA Version 8.4(7)', 'ASA Version 8.0(3)'))
    expect(fixed.remedies.map((r) => r.id)).toEqual(['asa.allow-tls-map', 'asa.no-inspect-esmtp'])
  })
})

describe('pix.no-fixup-smtp', () => {
  it('names the configured port, never a bare "no fixup protocol smtp"', () => {
    const a = analyze('PIX Version 6.3(5)\nhostname pix\nfixup protocol smtp 25\nfixup protocol smtp 2525\n')
    const r = remedy(a.remedies, 'pix.no-fixup-smtp')
    expect(commands(r.commands)).toEqual([
      'configure terminal',
      'no fixup protocol smtp 25',
      'no fixup protocol smtp 2525',
      'exit',
    ])
    expect(commands(r.undo)).toEqual([
      'configure terminal',
      'fixup protocol smtp 25',
      'fixup protocol smtp 2525',
      'exit',
    ])
    expect(r.commands.every((l) => l.command !== 'no fixup protocol smtp')).toBe(true)
    expect(r.verify[0]?.command).toBe('show fixup')
  })

  it('is not proposed when the fixup is already off', () => {
    expect(analyze('PIX Version 6.3(5)\nno fixup protocol smtp 25\n').remedies).toEqual([])
  })
})

describe('advice remedies', () => {
  it('remote side: what to send (the evidence lines), TLS Preferred, recheck', () => {
    const gmail =
      'The error that the other server returned was:\n500 500 5.5.1 Command unrecognized: "XXXXXXXX" (state 8)\n'
    const r = remedy(analyze(gmail).remedies, 'advice.remote-side')
    expect(r.type).toBe('advice')
    expect(r.commands).toEqual([])
    expect(r.steps.map((s) => s.textKey.split('.').at(-1))).toEqual(['tellPartner', 'tlsPreferred', 'recheck'])
    expect(r.params.evidence).toContain('in0:2: 500 5.5.1 Command unrecognized: "XXXXXXXX" (state 8)')
  })

  it('path of unknown side: first find out which firewall it is', () => {
    const r = remedy(analyze(SC_TRANSCRIPT).remedies, 'advice.remote-side')
    expect(r.summaryKey).toBe('remedies.advice.remote-side.summaryPath')
    expect(r.steps[0]?.textKey).toBe('remedies.advice.remote-side.steps.collectDevice')
  })

  it('FTD: FlexConfig lines from the real names, no CLI commands', () => {
    const config =
      'policy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n'
    const r = remedy(analyze(FTD_SHOW_VERSION, config).remedies, 'advice.ftd-flexconfig')
    expect(r.commands.every((l) => l.mode === 'flexconfig')).toBe(true)
    expect(commands(r.commands)).toEqual([
      'policy-map global_policy',
      ' class inspection_default',
      '  no inspect esmtp',
    ])
    const blind = remedy(
      analyze(FTD_SHOW_VERSION, fixtureText('asa_syslog_esmtp_inspection_drop_blog.txt')).remedies,
      'advice.ftd-flexconfig',
    )
    expect(blind.commands).toEqual([])
    expect(blind.steps[0]?.textKey).toBe('remedies.advice.ftd-flexconfig.steps.findPlaces')
  })
})

describe('names come from the configuration', () => {
  it('no remedy for any fixture names a policy-map or class that is not in that fixture', () => {
    for (const file of [
      'asa_9.0-3_running-config_ciscoconfparse_sample_01.txt',
      'asa_7.2-3_asa5505_running-config_inspect_esmtp_mocktest.txt',
      'asa_9.x_show_service-policy_genieparser.txt',
    ]) {
      const text = fixtureText(file)
      const { evidence } = parseEvidence({ source: file, text })
      expect(evidence.length).toBeGreaterThan(0)
      for (const r of analyze(text).remedies) {
        const created = r.params.newMap ? [r.params.newMap] : []
        for (const name of namesUsed(r.commands))
          if (!created.includes(name)) expect(text, `${r.id} ${name}`).toContain(name)
      }
    }
  })
})

describe('explicit default map and FTD configuration', () => {
  it('treats "inspect esmtp _default_esmtp_map" as the default map: the same plan as the bare line', () => {
    const config = (line: string) =>
      `ASA Version 9.12(4)\nhostname fw\npolicy-map global_policy\n class inspection_default\n  ${line}\nservice-policy global_policy global\n`
    const a = analyze(config('inspect esmtp _default_esmtp_map'))
    const plain = analyze(config('inspect esmtp'))
    expect(a.findings.find((f) => f.id === 'asa.esmtp-inspection-active')?.confidence).toBeGreaterThanOrEqual(0.9)
    expect(a.remedies).toEqual(plain.remedies)
    const allow = remedy(a.remedies, 'asa.allow-tls-map')
    expect(commands(allow.commands)).toContain('no inspect esmtp')
    expect(commands(allow.commands)).not.toContain('policy-map type inspect esmtp _default_esmtp_map')
  })

  it('reads an FTD running-config (NGFW Version) as FTD: FlexConfig only', () => {
    const text =
      ': Saved\n:\nNGFW Version 7.0.1\n!\nhostname ftd1\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n'
    const a = analyze(text)
    expect(a.facts).toMatchObject({ platform: 'ftd', version: '7.0.1', hostname: 'ftd1' })
    expect(a.causes.map((c) => c.id)).toEqual(['ftd-esmtp-inspection'])
    expect(a.remedies.map((r) => r.id)).toEqual(['advice.ftd-flexconfig'])
  })
})

describe('multiple-context mode', () => {
  it('a session in a security context: facts name it and the commands are shown at that context prompt', () => {
    const session = [
      'fw/mail# show running-config',
      ': Saved',
      'ASA Version 9.8(4)',
      'hostname mail',
      'policy-map global_policy',
      ' class inspection_default',
      '  inspect esmtp',
      'service-policy global_policy global',
      'fw/mail# ',
    ].join('\n')
    const a = analyze(session)
    expect(a.facts).toMatchObject({ context: 'mail', contextMode: 'multiple' })
    expect(remedy(a.remedies, 'asa.no-inspect-esmtp').target).toMatchObject({ context: 'mail' })
  })
})

describe('selectRemedies is pure', () => {
  it('returns new causes with their remedy ids and leaves the given causes untouched', () => {
    const text =
      'ASA Version 9.8(4)\nhostname fw\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n'
    const evidence = parseEvidence({ source: 'c', text }).evidence
    const facts = collectFacts(evidence)
    const findings = runRules(evidence)
    const causes = diagnose(findings, evidence, facts.facts.platform)
    const frozen = structuredClone(causes)
    const first = selectRemedies(causes, { evidence, facts, findings })
    expect(causes).toEqual(frozen)
    expect(causes[0]!.remedies).toEqual([])
    expect(first.causes[0]!.remedies).toEqual(['asa.allow-tls-map', 'asa.no-inspect-esmtp'])
    // Selecting twice gives the same answer: nothing was carried over from the first call.
    expect(selectRemedies(causes, { evidence, facts, findings })).toEqual(first)
  })
})
