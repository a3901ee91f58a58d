/**
 * The lab ASA answers the capture commands from the bytes its inspection path really moved (issue 21): captures on
 * both interfaces, a real SMTP conversation through the proxy, `show capture NAME dump` read back by the product's
 * own reader (src/shared/capture/asa-dump.ts → transcripts → compare) shows the mask on one side and the original on
 * the other. Output layouts and their public sources: src/lab/capture/show.ts. The packets carry the mail host's
 * addresses from the configuration (object MAIL_HOST host 192.168.10.25, nat (inside,outside) static 198.51.100.25):
 * real on inside, mapped on outside, as a real ASA's captures would (src/lab/capture/addresses.ts).
 */
import { describe, expect, it } from 'vitest'
import { compareCopies } from '../../../src/shared/capture/compare'
import { captureEvidence } from '../../../src/shared/capture/evidence'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { labPerFile } from '../helpers/lab-fixture'
import {
  captureOneMail,
  cli,
  mailThrough,
  numbered,
  privileged,
  readDump,
  removeCaptures,
  smtpLines,
  untilClosed,
} from './asa-capture-shell'

const { lab, track } = labPerFile('asa9-default')

describe('lab ASA packet captures (asa9-default, inspect esmtp with the default map)', () => {
  it('captures both sides of a real conversation: the dumps show STARTTLS inside and XXXXXXXA outside', async () => {
    const shell = await privileged(lab(), track)
    // Lines as the guided capture proposes them (buffer before interface is accepted too).
    expect(
      await cli(shell, 'capture CAPO interface outside buffer 1048576 match tcp any host 198.51.100.25 eq 25'),
    ).toBe('')
    expect(await cli(shell, 'capture CAPI interface inside match tcp any host 192.168.10.25 eq smtp')).toBe('')
    expect((await cli(shell, 'show capture')).split('\n')).toEqual([
      'capture CAPO type raw-data buffer 1048576 interface outside [Capturing - 0 bytes]',
      '  match tcp any host 198.51.100.25 eq smtp',
      'capture CAPI type raw-data interface inside [Capturing - 0 bytes]',
      '  match tcp any host 192.168.10.25 eq smtp',
    ])

    await mailThrough(lab().smtp.port)
    await untilClosed(shell, 'CAPO')
    await untilClosed(shell, 'CAPI')

    const list = await cli(shell, 'show capture')
    expect(list).toMatch(/^capture CAPO .* \[Capturing - [1-9]\d* bytes\]$/m)
    const brief = await cli(shell, 'show capture CAPO')
    expect(brief).toMatch(/^\d+ packets captured$/m)
    expect(brief).toMatch(
      /^ {3}1: \d\d:\d\d:\d\d\.\d{6} {7}127\.0\.0\.1\.\d+ > 198\.51\.100\.25\.25: S \d+:\d+\(0\) win 65535 <mss 1460>$/m,
    )
    expect(await cli(shell, 'show capture CAPI')).toMatch(
      /^ {3}1: \S+ {7}127\.0\.0\.1\.\d+ > 192\.168\.10\.25\.25: S /m,
    )
    expect(brief).toMatch(/^\d+ packets shown$/m)

    const outside = readDump(await cli(shell, 'show capture CAPO dump'))
    const inside = readDump(await cli(shell, 'show capture CAPI dump'))
    for (const r of [outside, inside]) {
      expect(r.problems).toEqual([])
      expect(r.transcripts).toHaveLength(1)
      expect(r.transcripts[0]!.connection.sawSyn).toBe(true)
      expect(r.transcripts[0]!.connection.server.port).toBe(25)
      expect(r.transcripts[0]!.connection.client.address).toBe('127.0.0.1')
    }
    expect(inside.transcripts[0]!.connection.server.address).toBe('192.168.10.25')
    expect(outside.transcripts[0]!.connection.server.address).toBe('198.51.100.25')
    // The server's original on the inside, the mask on the outside; the client's command the other way round.
    expect(smtpLines(inside, 'server')).toContain('250 STARTTLS')
    expect(smtpLines(outside, 'server')).toContain('250 XXXXXXXA')
    expect(smtpLines(outside, 'server')).not.toContain('250 STARTTLS')
    expect(smtpLines(outside, 'client')).toContain('STARTTLS')
    expect(smtpLines(inside, 'client')).toContain('XXXXXXXX')
    expect(smtpLines(outside, 'server')[0]).toMatch(/^220 \*+$/)
    expect(smtpLines(inside, 'server')[0]).toBe('220 esa.lab.test ESMTP')

    const cmp = compareCopies(numbered(inside), numbered(outside))
    const pairs = cmp.changes.map((c) => `${c.direction}: ${c.original.text} -> ${c.changed?.text}`)
    expect(pairs).toContain('server: 250 STARTTLS -> 250 XXXXXXXA')
    expect(pairs).toContain('client: STARTTLS -> XXXXXXXX')
    expect(cmp.changes.every((c) => (c.direction === 'server') === (c.originalIn === 'a'))).toBe(true)

    // The product's rule names the rewrite with the line of each capture.
    const ev = captureEvidence([
      { name: 'CAPI', reading: inside },
      { name: 'CAPO', reading: outside },
    ])
    const finding = analyzeTexts([], ev).findings.find((f) => f.id === 'capture.firewall-rewrote')
    expect(finding?.params).toMatchObject({ originalCapture: 'CAPI', changedCapture: 'CAPO' })
  })

  it('TCP sequence numbers are real: the client ISN is the same on both sides, the server ISN is randomised', async () => {
    const shell = await privileged(lab(), track)
    const any25 = 'match tcp any any eq 25'
    await captureOneMail(shell, lab().smtp.port, {
      SEQI: `interface inside ${any25}`,
      SEQO: `interface outside ${any25}`,
    })
    const isn = (text: string, dir: 'S' | 'S.ack') => {
      const re = dir === 'S' ? /> [\d.]+\.25: S (\d+):/ : /[\d.]+\.25 > \S+: S (\d+):\d+\(0\) ack/
      return re.exec(text)?.[1]
    }
    const o = await cli(shell, 'show capture SEQO')
    const i = await cli(shell, 'show capture SEQI')
    expect(isn(o, 'S')).toBeDefined()
    expect(isn(o, 'S')).toBe(isn(i, 'S'))
    expect(isn(o, 'S.ack')).toBeDefined()
    expect(isn(o, 'S.ack')).not.toBe(isn(i, 'S.ack'))
    await removeCaptures(shell, ['SEQO', 'SEQI'])
  })

  it('a capture whose match excludes the mail host stays empty; a full linear buffer stops growing', async () => {
    const shell = await privileged(lab(), track)
    await captureOneMail(shell, lab().smtp.port, {
      WATCH: 'interface inside match tcp any any eq 25',
      OTHER: 'interface outside match tcp any host 127.0.0.9 eq 25',
      SMALL: 'interface inside buffer 1534 match tcp any any eq 25',
    })

    const list = await cli(shell, 'show capture')
    expect(list).toContain('capture OTHER type raw-data interface outside [Capturing - 0 bytes]')
    expect(await cli(shell, 'show capture OTHER')).toBe('\n0 packets captured\n\n0 packets shown')
    const full = /capture SMALL type raw-data buffer 1534 interface inside \[Buffer Full - (\d+) bytes\]/.exec(list)
    expect(full).not.toBeNull()
    const used = Number(full![1])
    expect(used).toBeGreaterThan(0)
    expect(used).toBeLessThanOrEqual(1534)
    const shown = await cli(shell, 'show capture SMALL')

    await mailThrough(lab().smtp.port)
    expect(await cli(shell, 'show capture')).toContain(`[Buffer Full - ${used} bytes]`)
    expect(await cli(shell, 'show capture SMALL')).toBe(shown)

    // clear empties a buffer and lets it take packets again.
    await cli(shell, 'clear capture SMALL')
    expect(await cli(shell, 'show capture')).toContain('buffer 1534 interface inside [Capturing - 0 bytes]')
    await removeCaptures(shell, ['OTHER', 'SMALL', 'WATCH'])
  })

  it('no capture removes it: show capture no longer lists it and the name is unknown afterwards', async () => {
    const shell = await privileged(lab(), track)
    await cli(shell, 'capture GONE interface inside match tcp any any eq 25')
    expect(await cli(shell, 'show capture')).toContain('capture GONE ')
    expect(await cli(shell, 'no capture GONE')).toBe('')
    expect(await cli(shell, 'show capture')).not.toContain('GONE')
    expect(await cli(shell, 'show capture GONE')).toContain("ERROR: % Invalid input detected at '^' marker.")
    // Traffic afterwards lands nowhere (and nothing breaks).
    await mailThrough(lab().smtp.port)
    expect(await cli(shell, 'show capture')).not.toContain('GONE')
  })

  it('a clear path (inspection removed) gives identical inside and outside dumps and no finding', async () => {
    const shell = await privileged(lab(), track)
    for (const line of ['configure terminal', 'policy-map global_policy', 'class inspection_default'])
      await shell.run(line, /ciscoasa\(config[^)]*\)# /)
    await shell.run('no inspect esmtp', /ciscoasa\(config[^)]*\)# /)
    await shell.run('end', 'ciscoasa# ')
    try {
      await cli(shell, 'capture CLRO interface outside match tcp any any eq 25')
      await cli(shell, 'capture CLRI interface inside match tcp any any eq 25')
      await mailThroughClear(lab().smtp.port)
      await untilClosed(shell, 'CLRI')
      const outside = readDump(await cli(shell, 'show capture CLRO dump'))
      const inside = readDump(await cli(shell, 'show capture CLRI dump'))
      const lines = (r: typeof inside) => r.transcripts.flatMap((t) => t.lines.map((l) => `${l.direction} ${l.text}`))
      expect(lines(inside).length).toBeGreaterThan(5)
      expect(lines(outside)).toEqual(lines(inside))
      expect(compareCopies(numbered(inside), numbered(outside)).identical).toBe(true)
      const ev = captureEvidence([
        { name: 'CLRI', reading: inside },
        { name: 'CLRO', reading: outside },
      ])
      expect(analyzeTexts([], ev).findings.map((f) => f.id)).not.toContain('capture.firewall-rewrote')
    } finally {
      for (const line of ['configure terminal', 'policy-map global_policy', 'class inspection_default'])
        await shell.run(line, /ciscoasa\(config[^)]*\)# /)
      await shell.run('inspect esmtp', /ciscoasa\(config[^)]*\)# /)
      await shell.run('end', 'ciscoasa# ')
      await removeCaptures(shell, ['CLRO', 'CLRI'])
    }
  })
})

/** Without inspection the ESA accepts STARTTLS: stop before it, so the dump holds plain SMTP only. */
async function mailThroughClear(port: number): Promise<void> {
  const { LineClient } = await import('../helpers/line-client')
  const c = await LineClient.open(port)
  try {
    await c.reply()
    await c.command('EHLO client.example')
    await c.command('MAIL FROM:<sender@example.org>')
    await c.command('RCPT TO:<user@lab.test>')
    c.send('QUIT\r\n')
    await c.closedByPeer()
  } finally {
    c.close()
  }
}
