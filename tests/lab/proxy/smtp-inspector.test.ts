import { describe, expect, it } from 'vitest'
import { newCounters } from '../../../src/lab/proxy/policy'
import { type InspectorOutput, SmtpInspector } from '../../../src/lab/proxy/smtp-inspector'

const esmtp = {
  kind: 'esmtp' as const,
  map: '_default_esmtp_map',
  maskBanner: true,
  allowTls: false,
  duplicateHeaderBug: true,
}

function text(outputs: InspectorOutput[], to: 'server' | 'client'): string {
  return outputs
    .filter((o): o is { to: 'server' | 'client'; data: Buffer } => 'to' in o && o.to === to)
    .map((o) => o.data.toString('latin1'))
    .join('')
}

function inDataPhase(): SmtpInspector {
  const inspector = new SmtpInspector(esmtp, newCounters())
  inspector.fromServer(Buffer.from('220 mail ESMTP\r\n'))
  inspector.fromClient(Buffer.from('DATA\r\n'))
  inspector.fromServer(Buffer.from('354 go ahead\r\n'))
  return inspector
}

describe('SmtpInspector', () => {
  it('finds the end of data when CRLF.CRLF is split over segments, then inspects commands again', () => {
    const inspector = inDataPhase()
    const a = inspector.fromClient(Buffer.from('Subject: x\r\n\r\nbody\r'))
    const b = inspector.fromClient(Buffer.from('\n.'))
    const c = inspector.fromClient(Buffer.from('\r\nSTARTTLS\r\n'))
    expect(text([...a, ...b, ...c], 'server')).toBe('Subject: x\r\n\r\nbody\r\n.\r\nXXXXXXXX\r\n')
  })

  it('does not take a dot-stuffed line or a dot inside a line for the end of data', () => {
    const inspector = inDataPhase()
    const out = inspector.fromClient(Buffer.from('Subject: x\r\n\r\n..\r\na.b\r\nSTARTTLS\r\n'))
    // Still in the data phase: STARTTLS here is message text and passes unmasked.
    expect(text(out, 'server')).toContain('STARTTLS\r\n')
  })

  it('masks STARTTLS in an EHLO reply split across segments, keeping its length', () => {
    const inspector = new SmtpInspector(esmtp, newCounters())
    inspector.fromServer(Buffer.from('220 x\r\n'))
    inspector.fromClient(Buffer.from('EHLO me\r\n'))
    const out = [
      ...inspector.fromServer(Buffer.from('250-x\r\n250-START')),
      ...inspector.fromServer(Buffer.from('TLS\r\n250 SIZE 10\r\n')),
    ]
    expect(text(out, 'client')).toBe('250-x\r\n250-XXXXXXXA\r\n250 SIZE 10\r\n')
  })

  it('leaves STARTTLS alone in replies other than EHLO, and the banner alone without mask-banner', () => {
    const inspector = new SmtpInspector({ ...esmtp, maskBanner: false }, newCounters())
    expect(text(inspector.fromServer(Buffer.from('220 STARTTLS ready\r\n')), 'client')).toBe('220 STARTTLS ready\r\n')
    inspector.fromClient(Buffer.from('HELP\r\n'))
    expect(text(inspector.fromServer(Buffer.from('214 STARTTLS\r\n')), 'client')).toBe('214 STARTTLS\r\n')
  })

  it('does not reset for a signature header when the bug is off, or for the word in the body', () => {
    const off = new SmtpInspector({ ...esmtp, duplicateHeaderBug: false }, newCounters())
    off.fromServer(Buffer.from('220 x\r\n'))
    off.fromClient(Buffer.from('DATA\r\n'))
    off.fromServer(Buffer.from('354 go\r\n'))
    expect(off.fromClient(Buffer.from('DKIM-Signature: v=1\r\n\r\nx\r\n.\r\n')).some((o) => 'action' in o)).toBe(false)

    const on = inDataPhase()
    const body = on.fromClient(Buffer.from('Subject: a\r\n\r\nDKIM-Signature: in the body\r\n.\r\n'))
    expect(body.some((o) => 'action' in o)).toBe(false)
  })

  it('resets when the signature header arrives in a later segment of the header block', () => {
    const inspector = inDataPhase()
    expect(inspector.fromClient(Buffer.from('Subject: a\r\n')).some((o) => 'action' in o)).toBe(false)
    const out = inspector.fromClient(Buffer.from('DomainKey-Signature: a=rsa-sha1\r\n\r\n'))
    expect(out.at(-1)).toEqual({ action: 'reset', reason: expect.stringContaining('duplicate header') })
  })

  it('MailGuard turns a pipelined EHLO into NOOP and originates no reply: the server answers both (§7.4, cisco-nsp 2004)', () => {
    const counters = newCounters()
    const inspector = new SmtpInspector({ kind: 'mailguard', duplicateHeaderBug: false }, counters)
    inspector.fromServer(Buffer.from('220 x\r\n'))
    const sent = inspector.fromClient(Buffer.from('NOOP\r\nEHLO me\r\n'))
    // Same length on the wire: `EHLO me` (7) became `NOOP XX` (7).
    expect(text(sent, 'server')).toBe('NOOP\r\nNOOP XX\r\n')
    expect(text(sent, 'client')).toBe('')
    expect(counters.commandsMasked).toBe(1)
    const replies = inspector.fromServer(Buffer.from('250 ok\r\n250 2.0.0 OK\r\n'))
    expect(text(replies, 'client')).toBe('250 ok\r\n250 2.0.0 OK\r\n')
  })

  it('counter-example: MailGuard passes the seven RFC 821 verbs unchanged', () => {
    const inspector = new SmtpInspector({ kind: 'mailguard', duplicateHeaderBug: false }, newCounters())
    inspector.fromServer(Buffer.from('220 x\r\n'))
    expect(text(inspector.fromClient(Buffer.from('HELO me\r\n')), 'server')).toBe('HELO me\r\n')
  })
})
