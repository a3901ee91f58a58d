/**
 * `unmask analyze` on saved `show capture NAME dump` text (issue 21): the ASA's own text form of a capture. Two dumps
 * of the same connection, inside and outside (the real tcpdump frames of the lab's Postfix captures printed in the
 * dump layout, as no public SMTP dump exists), give the finding that names the rewrite, as the pcaps do; the public
 * PIX 515 sample (one ICMP packet) is a dump with no SMTP in it; an ordinary configuration still goes the text path.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { asDump, CAPTURES } from '../../shared/capture/fixtures'
import { runUnmask } from '../../support/cli'
import { makeTempDir } from '../../support/temp-dir'

const temp = makeTempDir('unmask-analyze-dump-')
afterAll(() => temp.remove())

function dumpFile(capture: string, name: string): string {
  const file = join(temp.path, name)
  writeFileSync(file, asDump(capture))
  return file
}

describe('unmask analyze with show capture dump text', () => {
  it('inside and outside dumps: the firewall caught rewriting STARTTLS, with the line of each dump', async () => {
    const inside = dumpFile('postfix-esmtp-inside.pcap', 'cap-inside.txt')
    const outside = dumpFile('postfix-esmtp-outside.pcap', 'cap-outside.txt')
    const r = await runUnmask(['analyze', '--json', inside, outside])
    expect(r.code, r.stderr).toBe(1)
    const json = JSON.parse(r.stdout) as {
      findings: Array<{ id: string; params?: Record<string, unknown>; evidence: Array<{ source: string }> }>
    }
    const f = json.findings.find((x) => x.id === 'capture.firewall-rewrote')
    expect(f?.params).toMatchObject({ original: '250-STARTTLS', changed: '250-XXXXXXXB' })
    expect(new Set(f?.evidence.map((e) => e.source))).toEqual(
      new Set([`${inside} #1 (pair 1)`, `${outside} #1 (pair 1)`]),
    )
  })

  it('dumps of a clear path: no rewrite', async () => {
    const inside = dumpFile('postfix-off-inside.pcap', 'off-inside.txt')
    const outside = dumpFile('postfix-off-outside.pcap', 'off-outside.txt')
    const r = await runUnmask(['analyze', '--json', inside, outside])
    const json = JSON.parse(r.stdout) as { findings: Array<{ id: string }> }
    expect(json.findings.map((x) => x.id)).not.toContain('capture.firewall-rewrote')
  })

  it('a dump with no SMTP in it (the public PIX 515 ICMP sample) is refused with its reason', async () => {
    const sample = join(CAPTURES, 'asa_pix515_show_capture_dump_acap2pcap.txt')
    const r = await runUnmask(['analyze', sample])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(sample)
  })

  it('an ordinary configuration is not taken for a dump', async () => {
    const config = join(CAPTURES, '../device-output/asa_9.0-3_running-config_ciscoconfparse_sample_01.txt')
    const r = await runUnmask(['analyze', '--json', config])
    expect(r.code).toBe(1)
    expect((JSON.parse(r.stdout) as { findings: Array<{ id: string }> }).findings.map((x) => x.id)).toContain(
      'asa.esmtp-inspection-active',
    )
  })
})
