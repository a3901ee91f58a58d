import { describe, expect, it } from 'vitest'
import { type InspectionPolicy, newCounters } from '../../../src/lab/proxy/policy'
import { type InspectorOutput, SmtpInspector } from '../../../src/lab/proxy/smtp-inspector'

type EsmtpPolicy = Extract<InspectionPolicy, { kind: 'esmtp' }>

const defaultMap: EsmtpPolicy = {
  kind: 'esmtp',
  map: '_default_esmtp_map',
  maskBanner: true,
  allowTls: false,
  duplicateHeaderBug: false,
}
const customMap: EsmtpPolicy = { ...defaultMap, map: 'TLS_OK', allowTls: true, maskBanner: false }

const actions = (outputs: InspectorOutput[]) => outputs.filter((o) => 'action' in o)

function dataPhase(policy: EsmtpPolicy, logs: string[] = []) {
  const counters = newCounters()
  const inspector = new SmtpInspector(policy, counters, (m) => logs.push(m), {
    client: 'outside:127.0.0.1/40000',
    server: 'inside:127.0.0.1/25',
  })
  inspector.fromServer(Buffer.from('220 x\r\n'))
  inspector.fromClient(Buffer.from('DATA\r\n'))
  inspector.fromServer(Buffer.from('354 go\r\n'))
  return { inspector, counters }
}

describe('default ESMTP map limits', () => {
  it('drops the connection for a header line over 998 characters, logging 108004 as Class 4', () => {
    const logs: string[] = []
    const { inspector, counters } = dataPhase(defaultMap, logs)
    const out = inspector.fromClient(Buffer.from(`X-Long: ${'a'.repeat(995)}\r\nSubject: x\r\n\r\nbody\r\n.\r\n`))
    expect(actions(out)).toEqual([{ action: 'drop', reason: 'header line length gt 998' }])
    expect(counters.headerLineTooLong).toBe(1)
    expect(logs).toEqual([
      '%ASA-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from outside:127.0.0.1/40000 to inside:127.0.0.1/25; matched Class 4: header line length gt 998',
    ])
  })

  it('lets a 998-character header line, a long body line, or a custom map through', () => {
    const exact = dataPhase(defaultMap).inspector.fromClient(
      Buffer.from(`X-Long: ${'a'.repeat(990)}\r\n\r\nok\r\n.\r\n`),
    )
    expect(actions(exact)).toEqual([])
    const body = dataPhase(defaultMap).inspector.fromClient(
      Buffer.from(`Subject: x\r\n\r\n${'b'.repeat(5000)}\r\n.\r\n`),
    )
    expect(actions(body)).toEqual([])
    const custom = dataPhase(customMap).inspector.fromClient(
      Buffer.from(`X-Long: ${'a'.repeat(2000)}\r\n\r\nok\r\n.\r\n`),
    )
    expect(actions(custom)).toEqual([])
  })

  it('drops the connection at the 101st recipient of one transaction, not at the 100th', () => {
    const counters = newCounters()
    const inspector = new SmtpInspector(defaultMap, counters)
    inspector.fromServer(Buffer.from('220 x\r\n'))
    inspector.fromClient(Buffer.from('MAIL FROM:<a@example.org>\r\n'))
    const hundred = Array.from({ length: 100 }, (_, i) => `RCPT TO:<u${i}@lab.test>\r\n`).join('')
    expect(actions(inspector.fromClient(Buffer.from(hundred)))).toEqual([])
    const more = inspector.fromClient(Buffer.from('RCPT TO:<one-too-many@lab.test>\r\n'))
    expect(actions(more)).toEqual([{ action: 'drop', reason: 'cmd RCPT count gt 100' }])
    expect(counters.rcptTooMany).toBe(1)
  })

  it('counts recipients per transaction: RSET starts over', () => {
    const inspector = new SmtpInspector(defaultMap, newCounters())
    inspector.fromServer(Buffer.from('220 x\r\n'))
    const rcpts = (n: number) => Array.from({ length: n }, (_, i) => `RCPT TO:<u${i}@lab.test>\r\n`).join('')
    const out = inspector.fromClient(
      Buffer.from(`MAIL FROM:<a@x>\r\n${rcpts(80)}RSET\r\nMAIL FROM:<a@x>\r\n${rcpts(80)}`),
    )
    expect(actions(out)).toEqual([])
  })
})
