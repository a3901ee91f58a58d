/**
 * The loop against the other lab scenarios: an ASA 8.2 whose inspection sits on a custom class, a PIX 7.2(1) (too
 * old for allow-tls), a PIX 6.3 with MailGuard over telnet, and an FTD that must be refused with the FlexConfig advice.
 */
import { describe, expect, it } from 'vitest'
import { analyzeSnapshot } from '../../../src/main/fix/analysis'
import type { Preview } from '../../../src/main/fix/types'
import { probe } from '../../../src/main/smtp/probe'
import type { Remedy } from '../../../src/shared/remedies/types'
import { applyPreview, labFixEnv, labProbes } from './lab-session'

async function loop(env: ReturnType<typeof labFixEnv>, id: Remedy['id'], hostname: string) {
  const lab = env.lab()
  const before = await Promise.all(labProbes(lab).map((t) => probe(t)))
  const opened = await env.open()
  const snapshot = await opened.fix.read()
  const analysis = analyzeSnapshot(snapshot, before)
  const remedy = analysis.remedies.find((r) => r.id === id)!
  expect(remedy, `remedies: ${analysis.remedies.map((r) => r.id)}`).toBeDefined()
  const preview = (await opened.fix.preview(remedy)) as Preview
  expect(preview.checks.filter((c) => !c.passed)).toEqual([])
  const applied = await applyPreview(opened.fix, preview, { typedHostname: hostname, confirmedBy: 'Park' })
  expect(applied.outcome).toBe('applied')
  const verified = await opened.fix.verify(
    remedy,
    labProbes(lab).map((target, i) => ({ target, before: before[i]! })),
  )
  return { before, snapshot, analysis, remedy, preview, applied, verified, opened }
}

describe('asa8-custom-class: inspection on a custom class', () => {
  const env = labFixEnv('asa8-custom-class')
  it('removes inspect esmtp from every class where it is applied, and the path is fixed', async () => {
    const { remedy, verified, snapshot, before } = await loop(env, 'asa.no-inspect-esmtp', 'ciscoasa')
    expect(snapshot.version).toBe('8.2(5)')
    expect(before[0]!.starttls?.masked).toBe(true)
    expect(remedy.params.places).toContain('ESMTP')
    const classes = remedy.commands.filter((l) => l.command.startsWith('class ')).map((l) => l.command)
    expect(classes).toContain('class ESMTP')
    expect(verified.outcome).toBe('fixed')
    expect(env.lab().device!.runningText().join('\n')).not.toMatch(/^\s+inspect esmtp/m)
  })
})

describe('asa8-custom-class: the allow-tls map instead', () => {
  const env = labFixEnv('asa8-custom-class')
  it('puts a new map with allow-tls on the custom class; STARTTLS passes while inspection stays', async () => {
    const { remedy, verified, applied } = await loop(env, 'asa.allow-tls-map', 'ciscoasa')
    expect(applied.sent.map((l) => l.command)).toEqual(
      expect.arrayContaining(['class ESMTP', 'inspect esmtp UNMASK_ESMTP_TLS']),
    )
    expect(remedy.undo.map((l) => l.command)).toContain('no policy-map type inspect esmtp UNMASK_ESMTP_TLS')
    expect(verified.outcome).toBe('fixed')
    expect(verified.counters.after).toContain('Inspect: esmtp UNMASK_ESMTP_TLS')
  })
})

describe('pix7-old: PIX 7.2(1)', () => {
  const env = labFixEnv('pix7-old')
  let upgrade: Remedy | undefined
  it('leaves allow-tls out for the version, advises the upgrade, and fixes with no inspect esmtp', async () => {
    const { analysis, verified, snapshot } = await loop(env, 'asa.no-inspect-esmtp', 'pixfirewall')
    upgrade = analysis.remedies.find((r) => r.id === 'advice.upgrade')
    expect(snapshot.platform).toBe('pix7')
    expect(analysis.skipped).toContainEqual(
      expect.objectContaining({ id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.allowTlsVersion' }),
    )
    expect(analysis.remedies.map((r) => r.id)).toContain('advice.upgrade')
    expect(verified.outcome).toBe('fixed')
  })

  it('refuses to preview the upgrade advice as a change', async () => {
    const opened = await env.open()
    await opened.fix.read()
    const preview = await opened.fix.preview(upgrade!)
    expect(preview.token).toBeNull()
    expect(preview.checks.find((c) => c.id === 'changeType')).toMatchObject({ passed: false })
  })
})

describe('pix6-mailguard over telnet', () => {
  const env = labFixEnv('pix6-mailguard')
  it('turns MailGuard off with the port named, the banner and EHLO come back, and write memory answers [OK]', async () => {
    const { preview, verified, before, opened, snapshot } = await loop(env, 'pix.no-fixup-smtp', 'pixfirewall')
    expect(snapshot).toMatchObject({ platform: 'pix6', version: '6.3(5)' })
    expect(opened.link.peer).toMatch(/^telnet:\/\//)
    expect(before[0]!.transcript.find((l) => l.direction === 'server')!.text).toMatch(/\*{5}/)
    expect(preview.plan.lines).toEqual([
      { mode: 'enable', command: 'configure terminal' },
      { mode: 'config', command: 'no fixup protocol smtp 25' },
      { mode: 'config', command: 'exit' },
    ])
    expect(verified.outcome).toBe('fixed')
    expect(verified.counters.after).toMatch(/no fixup protocol smtp 25/)
    const token = opened.fix.requestSave()
    if ('refused' in token) throw new Error('no save token')
    expect(await opened.fix.save(token.token, 'Park')).toMatchObject({ saved: true })
    expect(env.lab().device!.startup.some((n) => n.line === 'fixup protocol smtp 25')).toBe(false)
  })
})

describe('ftd7: Firepower Threat Defense', () => {
  const env = labFixEnv('ftd7')
  it('refuses any CLI change with the FlexConfig advice, issues no token and sends nothing', async () => {
    const opened = await env.open()
    const snapshot = await opened.fix.read()
    expect(snapshot.platform).toBe('ftd')
    const analysis = analyzeSnapshot(snapshot)
    const advice = analysis.remedies.find((r) => r.id === 'advice.ftd-flexconfig')!
    expect(advice.commands.every((l) => l.mode === 'flexconfig')).toBe(true)
    const config = env.lab().device!.runningText().join('\n')
    const preview = await opened.fix.preview(advice)
    expect(preview.token).toBeNull()
    expect(preview.checks.filter((c) => !c.passed).map((c) => c.key)).toEqual([
      'fix.checks.changeType.advice',
      'fix.checks.platform.ftd',
    ])
    // Even a plan dressed up as an ASA change is refused on the platform.
    const disguised: Remedy = {
      ...advice,
      id: 'asa.no-inspect-esmtp',
      type: 'change',
      commands: [
        { mode: 'enable', command: 'configure terminal' },
        { mode: 'config', command: 'policy-map global_policy' },
      ],
    }
    const refused = await opened.fix.preview(disguised)
    expect(refused.token).toBeNull()
    expect(refused.checks.find((c) => c.id === 'platform')).toMatchObject({
      passed: false,
      key: 'fix.checks.platform.ftd',
    })
    expect(
      await opened.fix.apply({ token: 'B'.repeat(43), typedHostname: 'firepower', confirmedBy: 'Park' }),
    ).toMatchObject({
      refused: true,
      code: 'tokenUnknown',
    })
    expect(env.lab().device!.runningText().join('\n')).toBe(config)
    expect(opened.journal().some((e) => e.type === 'fix.line')).toBe(false)
  })
})

describe('asa9-allow-tls: inspection that already lets TLS through (counter-example)', () => {
  const env = labFixEnv('asa9-allow-tls')
  it('proposes no change, although show service-policy lists an esmtp inspection', async () => {
    const lab = env.lab()
    const before = await Promise.all(labProbes(lab).map((t) => probe(t)))
    expect(before.every((r) => r.starttls?.advertised && r.tls?.established)).toBe(true)
    const opened = await env.open()
    const snapshot = await opened.fix.read()
    expect(snapshot.outputs.find((o) => o.command === 'show service-policy inspect esmtp')!.output).toContain(
      'Inspect: esmtp TLS_OK',
    )
    const analysis = analyzeSnapshot(snapshot, before)
    expect(analysis.causes).toEqual([])
    expect(analysis.remedies.filter((r) => r.type === 'change')).toEqual([])
    expect(analysis.findings.map((f) => f.id)).toContain('asa.esmtp-inspection-allow-tls')
  })
})
