/**
 * The lab's capture packets carry the mail host's addresses from the device's configuration (issue 21, lab request
 * 1): asa9-default publishes MAIL_HOST 192.168.10.25 as 198.51.100.25 (`nat (inside,outside) static`), so a capture
 * on inside matches the real address and one on outside the mapped address, as on a real ASA whose ingress capture
 * sees a packet before NAT and whose egress capture sees it after (tunnelsup.com "Packet Captures on Cisco ASA").
 * The sockets themselves stay on 127.0.0.1; only the bytes in the capture buffers carry these addresses.
 */
import { describe, expect, it } from 'vitest'
import { pairTranscripts } from '../../../src/shared/capture/pair'
import { labPerFile } from '../helpers/lab-fixture'
import { captureOneMail, cli, privileged, readDump, removeCaptures, smtpLines } from './asa-capture-shell'

const { lab, track } = labPerFile('asa9-default')
const REAL = '192.168.10.25'
const MAPPED = '198.51.100.25'

describe('mail host addresses in the lab’s captures (asa9-default)', () => {
  it('real on inside and mapped on outside catch the conversation, and the two dumps pair', async () => {
    const shell = await privileged(lab(), track)
    await captureOneMail(shell, lab().smtp.port, {
      NATI: `interface inside match tcp any host ${REAL} eq 25`,
      NATO: `interface outside match tcp any host ${MAPPED} eq 25`,
    })
    const inside = readDump(await cli(shell, 'show capture NATI dump'))
    const outside = readDump(await cli(shell, 'show capture NATO dump'))
    await removeCaptures(shell, ['NATI', 'NATO'])
    expect(smtpLines(inside, 'server')).toContain('250 STARTTLS')
    expect(smtpLines(outside, 'server')).toContain('250 XXXXXXXA')
    const [i, o] = [inside.transcripts[0]!.connection, outside.transcripts[0]!.connection]
    expect([i.server, o.server]).toEqual([
      { address: REAL, port: 25 },
      { address: MAPPED, port: 25 },
    ])
    // The client is the same socket on both sides (no NAT for it): same address, same port.
    expect(o.client).toEqual(i.client)
    // Pairing goes by client port and start time, not by server address: the one connection pairs with itself.
    const pairs = pairTranscripts(inside.transcripts, outside.transcripts)
    expect(pairs).toHaveLength(1)
    expect(pairs[0]!.a.connection.server.address).toBe(REAL)
    expect(pairs[0]!.b.connection.server.address).toBe(MAPPED)
  })

  it('counter-example: the mapped address on inside and the real one on outside catch nothing', async () => {
    const shell = await privileged(lab(), track)
    await captureOneMail(
      shell,
      lab().smtp.port,
      {
        ALLI: 'interface inside match tcp any any eq 25',
        WRONGI: `interface inside match tcp any host ${MAPPED} eq 25`,
        WRONGO: `interface outside match tcp any host ${REAL} eq 25`,
      },
      'ALLI',
    )
    const empty = '\n0 packets captured\n\n0 packets shown'
    expect(await cli(shell, 'show capture WRONGI')).toBe(empty)
    expect(await cli(shell, 'show capture WRONGO')).toBe(empty)
    // The traffic did cross inside meanwhile (the filters, not a silent path, kept them empty).
    expect(smtpLines(readDump(await cli(shell, 'show capture ALLI dump')), 'server')).toContain('250 STARTTLS')
    await removeCaptures(shell, ['ALLI', 'WRONGI', 'WRONGO'])
  })

  it('the NAT removed over SSH: the next connection shows the real address outside too; restored, the mapped one', async () => {
    const shell = await privileged(lab(), track)
    const config = /ciscoasa\(config[^)]*\)# /
    const configure = async (lines: string[]) => {
      await shell.run('configure terminal', config)
      for (const line of lines) expect(await shell.run(line, config)).not.toContain('ERROR')
      await shell.run('end', 'ciscoasa# ')
    }
    await configure(['object network MAIL_HOST', 'no nat (inside,outside) static 198.51.100.25'])
    try {
      const object = await cli(shell, 'show running-config object network MAIL_HOST')
      expect(object).toContain(`host ${REAL}`)
      expect(object).not.toContain(' nat ')
      await captureOneMail(
        shell,
        lab().smtp.port,
        {
          NONATO: `interface outside match tcp any host ${REAL} eq 25`,
          OLDO: `interface outside match tcp any host ${MAPPED} eq 25`,
        },
        'NONATO',
      )
      const outside = readDump(await cli(shell, 'show capture NONATO dump'))
      expect(outside.transcripts[0]!.connection.server.address).toBe(REAL)
      expect(smtpLines(outside, 'server')).toContain('250 XXXXXXXA')
      expect(await cli(shell, 'show capture OLDO')).toBe('\n0 packets captured\n\n0 packets shown')
    } finally {
      await removeCaptures(shell, ['NONATO', 'OLDO'])
      await configure(['object network MAIL_HOST', `nat (inside,outside) static ${MAPPED}`])
    }
    // Restored: the mapped address again, from the next connection on.
    await captureOneMail(shell, lab().smtp.port, { BACKO: `interface outside match tcp any host ${MAPPED} eq 25` })
    expect(readDump(await cli(shell, 'show capture BACKO dump')).transcripts[0]!.connection.server.address).toBe(MAPPED)
    await removeCaptures(shell, ['BACKO'])
  })

  it('a NAT moved to another mapped address over SSH: outside shows the new one', async () => {
    const shell = await privileged(lab(), track)
    const config = /ciscoasa\(config[^)]*\)# /
    const setNat = async (mapped: string) => {
      await shell.run('configure terminal', config)
      await shell.run('object network MAIL_HOST', /ciscoasa\(config-network-object\)# /)
      await shell.run(`nat (inside,outside) static ${mapped}`, config)
      await shell.run('end', 'ciscoasa# ')
    }
    await setNat('198.51.100.99')
    try {
      expect(await cli(shell, 'show running-config object network MAIL_HOST')).toContain(
        ' nat (inside,outside) static 198.51.100.99',
      )
      await captureOneMail(shell, lab().smtp.port, {
        MOVEDO: 'interface outside match tcp any host 198.51.100.99 eq 25',
      })
      const moved = readDump(await cli(shell, 'show capture MOVEDO dump'))
      expect(moved.transcripts[0]!.connection.server.address).toBe('198.51.100.99')
    } finally {
      await removeCaptures(shell, ['MOVEDO'])
      await setNat(MAPPED)
    }
  })
})
