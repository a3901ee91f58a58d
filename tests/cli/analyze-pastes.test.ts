/**
 * Issue 22 through `unmask analyze --json` (in-process runCli, as tests/cli/analyze.test.ts does): real pastes
 * (tests/fixtures/pastes/README.md) give their stated diagnosis, and a paged copy of a real configuration saved to
 * a file gives exactly the JSON of the clean file.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../src/shared/diagnosis'
import { runUnmask } from '../support/cli'
import { makeTempDir } from '../support/temp-dir'

const PASTES = join(__dirname, '..', 'fixtures', 'pastes')
const tmp = makeTempDir('unmask-pastes-')
afterAll(() => tmp.remove())

async function analyzeFile(file: string): Promise<Analysis> {
  const r = await runUnmask(['analyze', '--json', file])
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout) as Analysis
}

const paste = (name: string) => analyzeFile(join(PASTES, name))
const ids = (a: Analysis) => a.findings.map((f) => f.id)
const causeIds = (a: Analysis) => a.causes.map((c) => c.id)

describe('unmask analyze --json on real pastes', () => {
  it('paged output saved from a terminal gives exactly the clean output’s analysis (the pager erase sits in front of the next line)', async () => {
    const name = 'fwsm_3.1-1_running-config_inspect_smtp.txt'
    const clean = readFileSync(join(PASTES, name), 'utf8')
    const lines = clean.split('\n')
    // Every 23 lines, as `pager lines 24` pages it: the erase in front of the next line, CRLF line ends.
    const paged = lines
      .map((l, i) => (i > 0 && i % 23 === 0 ? `<--- More --->\r${' '.repeat(14)}\r${l}` : l))
      .join('\r\n')
    const file = join(tmp.path, name)
    writeFileSync(file, paged)
    const a = await analyzeFile(file)
    const b = await paste(name)
    expect({ ...a, parts: a.parts.map((p) => ({ ...p, source: '' })) }).toEqual({
      ...JSON.parse(JSON.stringify(b).replaceAll(JSON.stringify(join(PASTES, name)), JSON.stringify(file))),
      parts: b.parts.map((p) => ({ ...p, source: '' })),
    })
    expect(ids(a)).toContain('asa.esmtp-inspection-active')
    expect(ids(a)).not.toContain('device.no-smtp-inspection')
  })

  it('FWSM inspect smtp: local inspection, the remedy removes `inspect smtp`', async () => {
    const a = await paste('fwsm_3.1-1_running-config_inspect_smtp.txt')
    expect(a.facts.platform).toBe('fwsm')
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
    expect(a.remedies[0]?.commands.map((c) => c.command)).toContain('no inspect smtp')
  })

  it('FTD configurations: managed device (FlexConfig), from the header or the FMC access list', async () => {
    for (const name of ['ftd_7.4_prefilter_trust_acl_batfish.txt', 'ftd_7.4.2.1_csm_fw_acl_batfish_test.txt']) {
      const a = await paste(name)
      expect(a.facts.platform).toBe('ftd')
      expect(ids(a)).toContain('ftd.managed-device')
    }
  })

  it('client debug logs: PHPMailer with STARTTLS offered shows no masking', async () => {
    for (const name of [
      'phpmailer_debug_starttls_ok_github2091.txt',
      'phpmailer_debug_ehlo_one_line_github_luminary47.txt',
    ]) {
      const a = await paste(name)
      expect(a.parts.map((p) => p.kind)).toEqual(['smtp-transcript'])
      expect(causeIds(a)).toEqual([])
    }
  })

  it('counter-example: Got:/Sent: log of a server without STARTTLS answering it 500 is "server does not offer STARTTLS"', async () => {
    const a = await paste('gotsent_dokuwiki_exchange_no_starttls_500_github24.txt')
    expect(ids(a)).toEqual(['smtp.starttls-missing'])
    expect(causeIds(a)).toEqual(['server-no-starttls'])
  })

  it('banners: masked multi-line (continuation without code) found; a real banner with asterisk rulers not', async () => {
    expect(ids(await paste('banner_multiline_first_line_only_gordano_kb.txt'))).toContain('smtp.banner-masked')
    expect(ids(await paste('banner_masked_telnet_appriver_kb.txt'))).toContain('smtp.banner-masked')
    expect(ids(await paste('banner_real_with_asterisk_rulers_cryptojoe2005.txt'))).not.toContain('smtp.banner-masked')
  })

  it('contradictory reply (X-run and STARTTLS): reported, lowered confidence, with the reason', async () => {
    const file = join(tmp.path, 'contradiction.txt')
    writeFileSync(file, '220 mx.example.org ESMTP\nEHLO me\n250-mx.example.org\n250-STARTTLS\n250 XXXXXXXA\n')
    const a = await analyzeFile(file)
    const f = a.findings.find((x) => x.id === 'smtp.keyword-masked')
    expect(f?.confidence).toBeLessThan(0.5)
    expect(f?.params).toMatchObject({ contradiction: 'same-reply' })
  })
})
