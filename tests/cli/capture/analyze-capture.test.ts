/**
 * `unmask analyze` on packet captures: two real tcpdump captures (inside and outside of the lab's inspection path)
 * give the transcripts with line numbers and the finding that names the rewrite, exit 1; the clear path gives no
 * such finding; bad captures (not SMTP, only TLS, cut short, no TCP) give a translated message, and exit 2 when
 * nothing is readable. Runs the CLI in-process (tests/support/cli.ts) as a user would see it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runUnmask } from '../../support/cli'
import { makeTempDir } from '../../support/temp-dir'

const CAPTURES = join(__dirname, '../../fixtures/captures')
const fixture = (name: string) => join(CAPTURES, name)
const temp = makeTempDir('unmask-analyze-capture-')
afterAll(() => temp.remove())

describe('unmask analyze with pcap and pcapng files', () => {
  it('inside and outside captures: transcripts, then the finding with the line of each capture', async () => {
    const inside = fixture('postfix-esmtp-inside.pcap')
    const outside = fixture('postfix-esmtp-outside.pcapng')
    const r = await runUnmask(['analyze', inside, outside])
    expect(r.code, r.stderr).toBe(1)
    const out = r.stdout.split('\n')
    const insideStart = out.findIndex((l) => l.startsWith(`# ${inside}: pcap`))
    const outsideStart = out.findIndex((l) => l.startsWith(`# ${outside}: pcapng`))
    expect(insideStart).toBe(0)
    const m = /The firewall changed "250-STARTTLS" into "250-XXXXXXXB" \((.+) line (\d+), (.+) line (\d+)\)/.exec(
      r.stdout,
    )
    expect(m?.[1]).toBe(inside)
    expect(m?.[3]).toBe(outside)
    // Line N of each capture's transcript is the line quoted.
    expect(out[insideStart + Number(m![2]) - 1]).toMatch(/^\d\d:\d\d:\d\d\.\d{6} S: 250-STARTTLS$/)
    expect(out[outsideStart + Number(m![4]) - 1]).toMatch(/^\d\d:\d\d:\d\d\.\d{6} S: 250-XXXXXXXB$/)
  })

  it('--json carries the finding with its parameters', async () => {
    const r = await runUnmask([
      'analyze',
      '--json',
      fixture('postfix-esmtp-inside.pcapng'),
      fixture('postfix-esmtp-outside.pcap'),
    ])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout) as { findings: Array<{ id: string; params?: Record<string, unknown> }> }
    const f = json.findings.find((x) => x.id === 'capture.firewall-rewrote')
    expect(f?.params).toMatchObject({ original: '250-STARTTLS', changed: '250-XXXXXXXB' })
    // The firewall caught in the act is part of the evidence chain of the root cause, not a finding on the side.
    const causes = (JSON.parse(r.stdout) as { causes: Array<{ id: string; findings: string[] }> }).causes
    expect(causes[0]?.findings).toContain('capture.firewall-rewrote')
  })

  it('identical captures of a clear path: no rewrite found', async () => {
    const r = await runUnmask([
      'analyze',
      '--json',
      fixture('postfix-off-inside.pcap'),
      fixture('postfix-off-outside.pcap'),
    ])
    const json = JSON.parse(r.stdout) as { findings: Array<{ id: string }> }
    expect(json.findings.map((f) => f.id)).not.toContain('capture.firewall-rewrote')
  })

  it('one capture alone: its transcript is analysed, and the output says a second side is needed', async () => {
    const r = await runUnmask(['analyze', fixture('postfix-esmtp-outside.pcap')])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('Only one capture was given')
    expect(r.stdout).not.toContain('The firewall changed')
  })

  it('in Korean', async () => {
    const r = await runUnmask(
      ['analyze', fixture('postfix-esmtp-inside.pcap'), fixture('postfix-esmtp-outside.pcap')],
      { LANG: 'ko_KR.UTF-8' },
    )
    expect(r.stdout).toContain('방화벽이 "250-STARTTLS"을(를) "250-XXXXXXXB"(으)로 바꿨습니다')
  })

  it('bad captures: not SMTP, only TLS, nothing at all → exit 2 with the file named', async () => {
    const http = await runUnmask(['analyze', fixture('http-not-smtp.pcap')])
    expect(http.code).toBe(2)
    expect(http.stderr).toContain(`${fixture('http-not-smtp.pcap')} holds 1 TCP connection(s), none of them SMTP.`)
    const tls = await runUnmask(['analyze', fixture('implicit-tls.pcap')])
    expect(tls.code).toBe(2)
    expect(tls.stderr).toContain('are TLS from the first byte')
    const empty = join(temp.path, 'header-only.pcap')
    writeFileSync(empty, readFileSync(fixture('postfix-esmtp-outside.pcap')).subarray(0, 24))
    const r = await runUnmask(['analyze', empty])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('holds no TCP traffic')
  })

  it('a capture cut mid-record is read up to the cut, with a warning', async () => {
    const bytes = readFileSync(fixture('postfix-esmtp-outside.pcap'))
    const cut = join(temp.path, 'cut.pcap')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 30))
    const r = await runUnmask(['analyze', cut])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /cut\.pcap ends in the middle of a record \(at byte \d+\): the frames before it were read\./,
    )
    expect(r.stdout).toContain('S: 250-XXXXXXXB')
  })

  it('a text file still goes the text path', async () => {
    const text = join(temp.path, 'ehlo.txt')
    writeFileSync(text, '220 ****\nEHLO x\n250-a\n250 XXXXXXXA\n')
    const r = await runUnmask(['analyze', '--json', text])
    expect(r.code).toBe(1)
    expect(r.stdout).not.toContain('# ')
  })
})
