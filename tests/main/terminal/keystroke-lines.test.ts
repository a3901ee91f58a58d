/**
 * Issue 14: the app's terminal logs what the engineer types one line at a time (so line-based masking sees the whole
 * line), and after a password prompt it logs `********` until Enter. Through the session service with a case, against
 * the lab ASA over SSH; keystrokes are sent one character at a time, as xterm sends them.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { dispatch } from '../../../src/main/api-handlers'
import { KeystrokeLines } from '../../../src/main/terminal/keystroke-lines'
import { type Closer, startApp } from '../../security/app-harness'

const closers: Closer[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

describe('keystrokes logged per line', () => {
  it('logs each typed line once, the enable secret as ********, and masks the echo with the same rules', async () => {
    const { home, handlers, services, events } = startApp(null, closers)
    const lab: Lab = await startLab({ scenario: 'asa9-default', stateDir: join(home, 'lab') })
    closers.push(() => lab.stop())
    const profileId = randomUUID()
    const { username, password, enable } = lab.credentials!
    await dispatch(handlers, 'profiles.saveDevice', {
      id: profileId,
      name: 'lab',
      transport: 'ssh',
      host: '127.0.0.1',
      port: lab.management!.port,
      username,
    })
    const created = (await dispatch(handlers, 'cases.create', { customer: 'Keys' })) as { value: { id: string } }
    const caseId = created.value.id
    // The enable secret is NOT given at connect time: only the prompt can tell the log it is secret.
    const opened = (await dispatch(handlers, 'session.open', { profileId, password, caseId })) as {
      value: { sessionId: string }
    }
    const sessionId = opened.value.sessionId
    await dispatch(handlers, 'session.attach', { sessionId })
    const screen = () => events.filter((e) => e.includes('session.data')).join('')
    const type = async (text: string) => {
      for (const ch of text) await dispatch(handlers, 'session.write', { sessionId, data: ch })
    }
    await expect.poll(() => /ciscoasa> ?"/.test(screen())).toBe(true)
    await type('enablx\x7fe\r')
    await expect.poll(() => screen().includes('Password:')).toBe(true)
    await type(`${enable}\r`)
    await expect.poll(() => /ciscoasa# ?"/.test(screen())).toBe(true)
    await type('snmp-server community Planted-Comm-1\r')
    await type(' key Planted-Aaa-K3y\r')
    await expect.poll(() => (screen().match(/ciscoasa# ?"/g) ?? []).length >= 3).toBe(true)
    await dispatch(handlers, 'session.close', { sessionId })
    await expect
      .poll(() => services.cases.read(caseId).entries.some((e) => e.type === 'device.session.closed'))
      .toBe(true)

    const raw = services.cases
      .read(caseId)
      .entries.filter((e) => e.type === 'device.raw')
      .flatMap((e) => (e.data as { lines: string[] }).lines)
    const sent = raw.filter((l) => / > "/.test(l)).map((l) => JSON.parse(l.slice(l.indexOf(' > ') + 3)) as string)
    expect(sent).toEqual(['enable\r', '********', 'snmp-server community [REDACTED]\r', ' key [REDACTED]\r'])
    const all = raw.join('\n')
    expect(all).not.toContain(enable)
    expect(all).not.toContain('Planted-Aaa-K3y')
    expect(all).not.toContain('Planted-Comm-1')
    // The echo is logged by line too, not one record per typed character.
    const received = raw.filter((l) => / < "/.test(l))
    expect(
      received.some((l) => l.endsWith('< "snmp-server community [REDACTED]\\r\\n"')),
      received.join('\n'),
    ).toBe(true)
    expect(received.some((l) => l.includes('ciscoasa#  key [REDACTED]'))).toBe(true)
    expect(received.filter((l) => /< "[a-z]"$/.test(l))).toEqual([])
  })
})

describe('KeystrokeLines', () => {
  const lines = () => {
    const out: Array<[string, boolean]> = []
    const keys = new KeystrokeLines((line, secret) => out.push([line, secret]))
    return { keys, out }
  }

  it('applies backspace and Ctrl-U, ends a line at CR (CRLF once), and keeps escape keys as typed', () => {
    const { keys, out } = lines()
    keys.output('fw> ')
    for (const ch of 'shw\x7f\x7fhow run\r\nab\x15cd\r\x1b[A\r') keys.input(ch)
    expect(out).toEqual([
      ['show run\r', false],
      ['cd\r', false],
      ['\x1b[A\r', false],
    ])
  })

  it('masks after every kind of password prompt, and only that one line', () => {
    for (const prompt of ['Password: ', 'Enter passphrase for key: ', '\x1b[1mPassword:\x1b[0m ', 'passwd: ']) {
      const { keys, out } = lines()
      keys.output(prompt)
      keys.input('s3cret\r')
      keys.output('\r\nfw# ')
      keys.input('show clock\r')
      expect(out, prompt).toEqual([
        ['********', true],
        ['show clock\r', false],
      ])
    }
    // Counter-example: a line that merely mentions passwords is not a prompt.
    const { keys, out } = lines()
    keys.output('Password policy: strong\r\nfw# ')
    keys.input('exit\r')
    expect(out).toEqual([['exit\r', false]])
  })

  it('flushes an unfinished line on close, masked if it was a password', () => {
    const { keys, out } = lines()
    keys.output('Password: ')
    keys.input('half')
    keys.flush()
    expect(out).toEqual([['********', true]])
  })
})
