/**
 * Captures on the egress path (issue 21 with issue 13's egress-providers scenario): mail leaving the site crosses the
 * lab ASA from inside to outside, so the inside capture holds what the local client received (the mask) and the
 * outside capture what the remote provider really sent. Without the device's capture store on the egress proxy both
 * captures stayed empty (src/lab/egress.ts).
 */
import { describe, expect, it } from 'vitest'
import { compareCopies } from '../../../src/shared/capture/compare'
import { labPerFile } from '../helpers/lab-fixture'
import { captureOneMail, cli, numbered, privileged, readDump, removeCaptures, smtpLines } from './asa-capture-shell'

const { lab, track } = labPerFile('egress-providers')

describe('lab ASA captures on the egress path (egress-providers)', () => {
  it('the inside capture shows the mask the local client got, the outside capture the provider’s original', async () => {
    const shell = await privileged(lab(), track)
    const provider = lab().providers[0]!
    // As the guided plan reads an outbound flow (plan.ts: `match tcp host HOST any eq 25`): the site's mail host is
    // the client, real inside (object MAIL_HOST 192.168.10.25), mapped outside (static 198.51.100.25); a provider keeps
    // its socket address (the scenario names none), matched as `any`.
    await captureOneMail(shell, provider.smtp.port, {
      EGO: 'interface outside match tcp host 198.51.100.25 any eq 25',
      EGI: 'interface inside match tcp host 192.168.10.25 any eq 25',
      WRONG: 'interface outside match tcp host 192.168.10.25 any eq 25',
    })
    const outside = readDump(await cli(shell, 'show capture EGO dump'))
    const inside = readDump(await cli(shell, 'show capture EGI dump'))
    // Counter-example: the real address does not leave the site (outside sees the mapped one only).
    expect(await cli(shell, 'show capture WRONG')).toBe('\n0 packets captured\n\n0 packets shown')
    await removeCaptures(shell, ['EGO', 'EGI', 'WRONG'])

    expect(inside.transcripts).toHaveLength(1)
    expect(outside.transcripts).toHaveLength(1)
    expect(inside.transcripts[0]!.connection.client.address).toBe('192.168.10.25')
    expect(outside.transcripts[0]!.connection.client.address).toBe('198.51.100.25')
    expect(outside.transcripts[0]!.connection.client.port).toBe(inside.transcripts[0]!.connection.client.port)
    expect(outside.transcripts[0]!.connection.server).toEqual({ address: '127.0.0.1', port: 25 })
    expect(smtpLines(outside, 'server').join('\n')).toMatch(/^250[- ]STARTTLS$/m)
    expect(smtpLines(inside, 'server').join('\n')).not.toMatch(/STARTTLS/)
    // The original is on the outside (the server's side) here, the reverse of inbound mail.
    const cmp = compareCopies(numbered(outside), numbered(inside))
    const server = cmp.changes.filter((c) => c.direction === 'server').map((c) => c.original.text)
    expect(server.some((t) => /^250[- ]STARTTLS$/.test(t))).toBe(true)
    expect(cmp.changes.filter((c) => c.direction === 'server').every((c) => c.originalIn === 'a')).toBe(true)
    expect(await cli(shell, 'show capture')).toBe('')
  })
})
