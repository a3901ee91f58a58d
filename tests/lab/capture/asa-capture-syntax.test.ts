/**
 * The capture commands' syntax on the lab ASA: bad input answers like the ASA (caret under the word that broke, then
 * `ERROR: % Invalid input detected at '^' marker.`; a line without interface `ERROR: % Incomplete command`) and the
 * shell keeps working; the accepted variants (access-list, circular-buffer, headers-only, packet-length, detail)
 * change what is captured and printed. Sources of the layouts: src/lab/capture/show.ts and parse.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { labPerFile } from '../helpers/lab-fixture'
import { captureOneMail, cli, PROMPT, privileged, removeCaptures } from './asa-capture-shell'

const { lab, track } = labPerFile('asa9-default')
const INVALID = "ERROR: % Invalid input detected at '^' marker."

/** The column of the caret line, counted from the start of the prompt line. */
function caretColumn(output: string): number {
  const caret = output.split('\n').find((l) => /^ *\^$/.test(l))
  return caret ? caret.indexOf('^') : -1
}

/** Public ASA output (tests/fixtures/captures/README.md): the list and the packet lines the lab must look like. */
const PUBLIC = readFileSync(
  join(__dirname, '../../fixtures/captures/asa_show_capture_list_and_brief_public_posts.txt'),
  'utf8',
)
const LIST_LINE =
  /^capture \S+ type raw-data (?:.* )?interface \S+(?: circular-buffer)? \[(?:Capturing|Buffer Full) - \d+ bytes\]$/
const MATCH_LINE = /^ {2}match (?:ip|tcp) (?:host \S+|any)(?: eq \S+)? (?:host \S+|any)(?: eq \S+)?$/
const PACKET_LINE = /^(?: {3}\d| {2}\d\d| \d{3}): \d\d:\d\d:\d\d\.\d{6} {7}\S/

describe('capture output layout against public ASA samples', () => {
  it('the list and packet lines have the shapes of the public samples (checked on both)', async () => {
    const publicLines = PUBLIC.split('\n')
    expect(publicLines.filter((l) => l.startsWith('capture ')).every((l) => LIST_LINE.test(l))).toBe(true)
    expect(publicLines.filter((l) => l.startsWith('  match')).every((l) => MATCH_LINE.test(l))).toBe(true)
    expect(publicLines.filter((l) => / {7}802/.test(l)).every((l) => PACKET_LINE.test(l))).toBe(true)

    const shell = await privileged(lab(), track)
    await captureOneMail(shell, lab().smtp.port, {
      LAY1: 'interface inside match tcp any host 192.168.10.25 eq 25',
      LAY2: 'interface outside buffer 1534 circular-buffer match tcp any any eq 25',
      LAY3: 'interface outside buffer 1534 match tcp any any eq 25',
    })
    const list = (await cli(shell, 'show capture')).split('\n')
    expect(list).toHaveLength(6)
    for (const [i, line] of list.entries()) expect(line).toMatch(i % 2 === 0 ? LIST_LINE : MATCH_LINE)
    expect(list.join('\n')).toContain('[Buffer Full - ')
    const brief = (await cli(shell, 'show capture LAY1')).split('\n')
    expect(brief.slice(0, 3)).toEqual(['', expect.stringMatching(/^\d+ packets captured$/), ''])
    expect(brief.filter((l) => /^ +\d+: /.test(l)).every((l) => PACKET_LINE.test(l))).toBe(true)
    expect(brief.filter((l) => /^ +\d+: /.test(l)).length).toBeGreaterThan(10)
    expect(brief.at(-1)).toMatch(/^\d+ packets shown$/)
    await removeCaptures(shell, ['LAY1', 'LAY2', 'LAY3'])
  })
})

describe('capture command syntax on the lab ASA', () => {
  it('marks the word that broke and keeps the shell alive', async () => {
    const shell = await privileged(lab(), track)
    const cases: Array<[string, string]> = [
      ['capture BAD interface nowhere', 'nowhere'],
      ['capture BAD interface inside match tcp any host 999.1.1.1 eq 25', '999.1.1.1'],
      ['capture BAD interface inside match tcp any host 192.168.10.25 eq notaport', 'notaport'],
      ['capture BAD interface inside match gre any any', 'gre'],
      ['capture BAD interface inside buffer lots', 'lots'],
      ['capture BAD interface inside buffer 100', '100'],
      ['capture BAD access-list NO_SUCH_ACL interface inside', 'NO_SUCH_ACL'],
      ['capture BAD type asp-drop interface inside', 'asp-drop'],
      ['show capture NOPE', 'NOPE'],
      ['show capture NOPE dump', 'NOPE'],
      ['no capture NOPE', 'NOPE'],
      ['clear capture NOPE', 'NOPE'],
    ]
    for (const [line, word] of cases) {
      const output = await cli(shell, line)
      expect(output, line).toContain(INVALID)
      expect(caretColumn(output), line).toBe(PROMPT.length + line.indexOf(word))
    }
    expect(await cli(shell, 'capture BAD')).toBe('ERROR: % Incomplete command')
    expect(await cli(shell, 'capture BAD match tcp any any eq 25')).toBe('ERROR: % Incomplete command')
    // Nothing was created by any of them, and the shell still answers.
    expect(await cli(shell, 'show capture')).toBe('')
    expect(await cli(shell, 'show version')).toContain('Cisco Adaptive Security Appliance Software Version 9.8(4)10')
  })

  it('a show capture option it does not know is refused at that word', async () => {
    const shell = await privileged(lab(), track)
    await cli(shell, 'capture OPT interface inside match tcp any any eq 25')
    const output = await cli(shell, 'show capture OPT hexdump')
    expect(output).toContain(INVALID)
    expect(caretColumn(output)).toBe(PROMPT.length + 'show capture OPT '.length)
    await cli(shell, 'no capture OPT')
  })

  it('is a privileged command: user EXEC does not know it', async () => {
    const { ShellClient } = await import('../helpers/ssh-shell')
    const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
    track(shell)
    await shell.waitFor('ciscoasa> ')
    const output = await shell.run('capture X interface inside', 'ciscoasa> ')
    expect(output).toContain(INVALID)
    expect(lab().device!.captures.list()).toEqual([])
  })

  it('works from configuration mode too, and abbreviations are accepted', async () => {
    const shell = await privileged(lab(), track)
    await shell.run('configure terminal', 'ciscoasa(config)# ')
    const created = await shell.run('cap ABBR int inside mat tcp any any eq smtp', 'ciscoasa(config)# ')
    expect(created).not.toContain('ERROR')
    expect(await shell.run('show capture', 'ciscoasa(config)# ')).toContain(
      'capture ABBR type raw-data interface inside [Capturing - 0 bytes]',
    )
    await shell.run('no capture ABBR', 'ciscoasa(config)# ')
    await shell.run('end', PROMPT)
    expect(await cli(shell, 'show capture')).toBe('')
  })

  it('access-list captures use the ACL of the running-config, against the addresses as seen on the interface', async () => {
    const shell = await privileged(lab(), track)
    await captureOneMail(shell, lab().smtp.port, {
      BOTH: 'interface outside match tcp any any eq 25',
      ACLCAP: 'access-list OUTSIDE_IN interface outside',
      ACLIN: 'access-list OUTSIDE_IN interface inside',
    })
    expect(await cli(shell, 'show capture')).toContain(
      'capture ACLCAP type raw-data access-list OUTSIDE_IN interface outside [Capturing - 0 bytes]',
    )
    // OUTSIDE_IN names object MAIL_HOST, the REAL 192.168.10.25 (8.3+ access rules use real addresses); a capture
    // ACL is matched against the addresses as seen on the interface ("capture command ACLs" use "the mapped values
    // as seen on an interface", Cisco ASA Series CLI Configuration Guide 9.0, "NAT and ACLs",
    // http://manualslib.com/manual/1549611/Cisco-Asa-Series.html?page=560). Outside shows 198.51.100.25: nothing.
    expect(await cli(shell, 'show capture ACLCAP')).toBe('\n0 packets captured\n\n0 packets shown')
    // Inside shows 192.168.10.25: the one ACE takes the client's packets towards the mail host, not the replies.
    const inside = await cli(shell, 'show capture ACLIN')
    const packets = inside.split('\n').filter((l) => /^ +\d+: /.test(l))
    expect(packets.length).toBeGreaterThan(3)
    expect(packets.every((l) => / 127\.0\.0\.1\.\d+ > 192\.168\.10\.25\.25: /.test(l))).toBe(true)
    await removeCaptures(shell, ['ACLCAP', 'ACLIN', 'BOTH'])
  })

  it('circular-buffer keeps capturing by dropping its oldest packets; headers-only and packet-length cut packets', async () => {
    const shell = await privileged(lab(), track)
    await captureOneMail(shell, lab().smtp.port, {
      HDRS: 'interface inside headers-only match tcp any any eq 25',
      RING: 'interface inside buffer 1534 circular-buffer match tcp any any eq 25',
      CUT: 'interface inside packet-length 60 match tcp any any eq 25',
    })
    const list = await cli(shell, 'show capture')
    const ring =
      /capture RING type raw-data buffer 1534 interface inside circular-buffer \[Capturing - (\d+) bytes\]/.exec(list)
    expect(ring).not.toBeNull()
    expect(Number(ring![1])).toBeLessThanOrEqual(1534)
    // The oldest packet (the client's SYN) is gone, the last ones (the FINs) are there.
    const ringPackets = await cli(shell, 'show capture RING')
    expect(ringPackets).not.toMatch(/> 127\.0\.0\.1\.25: S \d+/)
    expect(ringPackets).toMatch(/: F /)
    expect(list).toContain('capture CUT type raw-data interface inside packet-length 60 [Capturing')
    expect(list).toContain('interface inside headers-only [Capturing')
    // headers-only: every dumped packet is 40 (or 44 with the SYN's MSS option) bytes of IP + TCP headers.
    const hdrDump = await cli(shell, 'show capture HDRS dump')
    const hexBytes = hdrDump
      .split(/\n(?= +\d+: )/)
      .slice(1)
      .map((p) =>
        p
          .split('\n')
          .filter((l) => l.startsWith('0x'))
          .join(' '),
      )
      .map(
        (hex) =>
          hex
            .replace(/0x[0-9a-f]{4} /g, '')
            .split(' ')
            .filter((g) => /^[0-9a-f]{2,4}$/.test(g))
            .join('').length / 2,
      )
    expect(hexBytes.length).toBeGreaterThan(5)
    for (const n of hexBytes) expect([40, 44]).toContain(n)
    await removeCaptures(shell, ['RING', 'HDRS', 'CUT'])
  })

  it('no capture NAME interface IF stops it and keeps the buffer; clear capture /all empties every buffer', async () => {
    const shell = await privileged(lab(), track)
    await captureOneMail(shell, lab().smtp.port, {
      KEEP: 'interface inside match tcp any any eq 25',
      ALSO: 'interface outside match tcp any any eq 25',
    })
    const before = await cli(shell, 'show capture KEEP')
    expect(await cli(shell, 'no capture KEEP interface inside')).toBe('')
    expect(await cli(shell, 'show capture')).toMatch(/^capture KEEP .*\[Stopped - [1-9]\d* bytes\]$/m)
    await captureOneMail(shell, lab().smtp.port, {}, 'ALSO')
    expect(await cli(shell, 'show capture KEEP')).toBe(before)
    expect(await cli(shell, 'clear capture /all')).toBe('')
    const list = await cli(shell, 'show capture')
    expect(list).toMatch(/^capture KEEP .*\[Stopped - 0 bytes\]$/m)
    expect(list).toMatch(/^capture ALSO .*\[Capturing - 0 bytes\]$/m)
    await removeCaptures(shell, ['KEEP', 'ALSO'])
  })

  it('detail prints MACs, the frame length and the IP header facts, but no payload', async () => {
    const shell = await privileged(lab(), track)
    await captureOneMail(shell, lab().smtp.port, { DET: 'interface outside match tcp any any eq 25' })
    const detail = await cli(shell, 'show capture DET detail')
    const lines = detail.split('\n')
    expect(lines[1]).toMatch(/^\d+ packets captured$/)
    expect(lines[3]).toMatch(/^ {3}1: \d\d:\d\d:\d\d\.\d{6} 0050\.568d\.992b 0050\.568d\.c0e2 0x0800 Length: 58$/)
    expect(lines[4]).toMatch(
      /^ {6}127\.0\.0\.1\.\d+ > 198\.51\.100\.25\.25: S \[tcp sum ok\] \d+:\d+\(0\) win 65535 <mss 1460> \(DF\) \(ttl 64, id \d+\)$/,
    )
    expect(detail).not.toContain('0x0000')
    expect(detail).not.toContain('EHLO')
    await cli(shell, 'no capture DET')
  })
})
