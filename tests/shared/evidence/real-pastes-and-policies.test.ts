/**
 * Real public captures added for issues 13 and 22 (sources in tests/fixtures/real-networks/README.md and
 * tests/fixtures/pastes/README.md): a `show service-policy` that names the system default map, and a configuration
 * paste that still carries the ASA pager's residue. Each is compared with what it must equal, with counter-examples.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { parseEvidence, type TranscriptEvidence } from '../../../src/shared/evidence'
import { readLines } from '../../../src/shared/evidence/detect'

const FIXTURES = join(__dirname, '../../fixtures')
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8')
const analyze = (text: string) => analyzeTexts([{ source: 'paste', text }])

describe('show service-policy naming _default_esmtp_map (genieparser golden output)', () => {
  const text = read('real-networks/asa_show_service_policy_default_esmtp_map_genieparser.txt')

  it('is active ESMTP inspection with the system default map, not an unknown custom map', () => {
    const a = analyze(text)
    expect(a.parts.map((p) => p.kind)).toEqual(['show-service-policy'])
    expect(a.findings.map((f) => f.id)).toEqual(['asa.esmtp-inspection-active'])
    expect(a.findings[0]?.params).toMatchObject({ map: '_default_esmtp_map', ports: '25' })
    expect(a.causes.map((c) => [c.id, c.side])).toEqual([['local-esmtp-inspection', 'local']])
    // The default map is a system map: no step may edit it.
    const commands = a.remedies.flatMap((r) => (r.commands ?? []).map((c) => c.command))
    expect(commands.length).toBeGreaterThan(0)
    expect(commands.join('\n')).not.toMatch(/policy-map type inspect esmtp _default_esmtp_map/)
  })

  it('counter-example: the same output with a custom map name is an unknown map, not the default', () => {
    const custom = text.replace('esmtp _default_esmtp_map,', 'esmtp MAIL_MAP,')
    const ids = analyze(custom).findings.map((f) => f.id)
    expect(ids).toContain('asa.esmtp-map-unknown')
    expect(analyze(text).findings.map((f) => f.id)).not.toContain('asa.esmtp-map-unknown')
  })

  it('counter-example: without the esmtp line the same policy inspects no SMTP', () => {
    const without = text
      .split('\n')
      .filter((l) => !l.includes('Inspect: esmtp'))
      .join('\n')
    expect(analyze(without).causes.map((c) => c.id)).not.toContain('local-esmtp-inspection')
  })
})

describe('a real paste with ASA pager residue on the lines it interrupted', () => {
  const paged = read('pastes/asa_show_run_access-list_pager_residue_same_line_codeindex.txt')
  // What the screen showed: the prompt and its 14 erase spaces gone, the interrupted line whole again.
  const clean = paged.replaceAll(`<--- More --->${' '.repeat(14)}`, '')

  it('carries the residue three times, each time in front of an access-list line', () => {
    expect(paged.match(/^<--- More ---> {14}access-list /gm)).toHaveLength(3)
    expect(clean).not.toContain('More')
  })

  it('reads as exactly the lines of its cleaned copy, with the same evidence and analysis', () => {
    const texts = (text: string) => readLines(text).map((l) => l.text)
    expect(texts(paged)).toEqual(texts(clean))
    const strip = (text: string) => {
      const p = parseEvidence({ source: 'paste', text })
      return { parts: p.parts, evidence: p.evidence }
    }
    expect(strip(paged)).toEqual(strip(clean))
    expect(analyze(paged)).toEqual(analyze(clean))
  })

  it('counter-example: a line really changed is seen (the comparison of lines is not blind)', () => {
    const changed = clean.replace('host 10.20.66.22 \n', 'host 10.20.66.99 \n')
    expect(readLines(changed).map((l) => l.text)).not.toEqual(readLines(clean).map((l) => l.text))
  })

  it('the same residue, as this paste carries it, in front of `inspect esmtp` of a real ASA backup loses nothing', () => {
    const backup = read('real-networks/asa_9.12-4-67_asa5512_oxidized_backup.txt')
    expect(backup).toMatch(/^ {2}inspect esmtp ?$/m)
    const residue = backup.replace(/^ {2}inspect esmtp ?$/m, `<--- More --->${' '.repeat(14)}  inspect esmtp`)
    const a = analyze(residue)
    expect(a.causes.map((c) => c.id)).toEqual(analyze(backup).causes.map((c) => c.id))
    expect(a.causes.map((c) => c.id)).toContain('local-esmtp-inspection')
    expect(a.findings).toEqual(analyze(backup).findings)
  })
})

describe('a real Exchange NDR: Google answered "502 5.5.1 Unrecognized command" (pastebin DdVfruM2)', () => {
  const ndr = read('real-networks/exchange_ndr_502_5.5.1_unrecognized_command_gsmtp_pastebin_DdVfruM2.txt')
  const replies = (text: string) =>
    (parseEvidence({ source: 'paste', text }).evidence[0] as TranscriptEvidence).lines
      .filter((l) => l.direction === 'server')
      .map((l) => l.text)

  it("reads the quoted reply from Exchange's `#< #5.5.1 smtp;… #SMTP#` line (before: not read at all)", () => {
    expect(replies(ndr)).toEqual(['502 5.5.1 Unrecognized command. j65si249990ywg.6 - gsmtp'])
  })

  it('names no masking: the reply quotes no X-ed command, so it does not show what the server received', () => {
    const a = analyze(ndr)
    expect(a.findings.map((f) => f.id)).toEqual([])
    expect(a.causes).toEqual([])
  })

  it('counter-example: the same NDR quoting an X-ed command is command masking', () => {
    const masked = ndr.replace('502 5.5.1 Unrecognized command.', '500 5.5.1 Command unrecognized: "XXXXXXXX"')
    expect(analyze(masked).findings.map((f) => f.id)).toContain('smtp.command-masked')
  })

  it('the X-ed command answered by Google ("- gsmtp") points at the local egress path, not the remote side', () => {
    const masked = ndr.replace('502 5.5.1 Unrecognized command.', '500 5.5.1 Command unrecognized: "XXXXXXXX"')
    const causes = analyze(masked).causes
    expect(causes.map((c) => c.id)).toContain('local-egress-inspection')
    expect(causes.map((c) => c.id)).not.toContain('remote-inspection')
    // Counter-example: without Google's reply tag the bounce names only the recipient's domain: the remote side.
    const untagged = masked.replace(' - gsmtp', '')
    expect(analyze(untagged).causes.map((c) => c.id)).toContain('remote-inspection')
  })
})

describe('a real paste of two swaks dialogs merged (pastebin xJJQ05YE): GMX without STARTTLS, then a Postfix with it', () => {
  const two = read('pastes/swaks_two_dialogs_merged_gmx_no_starttls_rlogin_tls_pastebin_xJJQ05YE.txt')
  const findings = (text: string) =>
    analyze(text).findings.map((f) => [f.id, f.evidence.map((e) => [e.startLine, e.endLine])] as const)

  it("keeps both dialogs' verdicts: GMX lists no STARTTLS (lines 7-10), the second dialog's TLS works (32-33)", () => {
    expect(findings(two)).toEqual([
      ['smtp.starttls-missing', [[7, 10]]],
      ['smtp.tls-ok', [[32, 33]]],
    ])
    expect(analyze(two).causes.map((c) => c.id)).toEqual(['server-no-starttls'])
  })

  it('counter-example: with the first dialog masked, the second dialog’s STARTTLS does not cancel the masking', () => {
    const masked = two
      .replace('<- 250-ENHANCEDSTATUSCODES\n<- 250 SIZE', '<- 250-XXXXXXXA\n<- 250-ENHANCEDSTATUSCODES\n<- 250 SIZE')
      .replace('*** STARTTLS not supported', '-> STARTTLS\n<** 500 5.5.1 Command unrecognized')
    const ids = analyze(masked).findings.map((f) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['smtp.starttls-masked', 'smtp.starttls-rejected']))
    expect(analyze(masked).causes.map((c) => c.id)).toContain('path-inspection')
    // The two EHLO replies name two servers (mx0.gmx.net, rlogin.dk): the second's STARTTLS is no contradiction of
    // the first's mask, which is judged on its own (before: `basis: contradiction`, `contradiction: two-replies`).
    const f = analyze(masked).findings.find((x) => x.id === 'smtp.starttls-masked')
    expect(f?.params).not.toHaveProperty('contradiction')
    expect(f?.params).toMatchObject({ masked: 'XXXXXXXA', basis: 'length' })
    expect(f?.evidence.map((e) => [e.startLine, e.endLine])).toEqual([[9, 9]])
  })

  it('counter-example: the same merge with the second dialog from the same server is still a contradiction', () => {
    const masked = two
      .replace('<- 250-ENHANCEDSTATUSCODES\n<- 250 SIZE', '<- 250-XXXXXXXA\n<- 250-ENHANCEDSTATUSCODES\n<- 250 SIZE')
      .replaceAll('250-rlogin.dk', '250-mx0.gmx.net')
    const f = analyze(masked).findings.find((x) => x.id === 'smtp.starttls-masked')
    expect(f?.params).toMatchObject({ contradiction: 'two-replies' })
    expect(f!.confidence).toBeLessThanOrEqual(0.5)
  })
})
