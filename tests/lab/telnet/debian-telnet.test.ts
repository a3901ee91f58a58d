/** Realism check with an ordinary telnet client: Debian's `telnet` logs in to the lab PIX 6.3 and turns MailGuard off. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'

const TELNET = '/usr/bin/telnet'

describe.skipIf(!existsSync(TELNET))('Debian telnet against the lab PIX', () => {
  const { lab, track } = labPerFile('pix6-mailguard')

  it('logs in, reads the fixups and removes fixup protocol smtp 25', async () => {
    const child = spawn(TELNET, ['127.0.0.1', String(lab().management!.port)])
    let out = ''
    child.stdout.setEncoding('latin1').on('data', (d: string) => {
      out += d
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    let mark = 0
    const waitFor = async (text: string) => {
      const deadline = Date.now() + 10_000
      while (out.indexOf(text, mark) === -1) {
        if (Date.now() > deadline)
          throw new Error(`timeout waiting for ${JSON.stringify(text)}: ${JSON.stringify(out)}`)
        await new Promise((r) => setTimeout(r, 20))
      }
      mark = out.indexOf(text, mark) + text.length
    }
    try {
      await waitFor('User Access Verification')
      await waitFor('Password: ')
      child.stdin.write('lab-admin\n')
      await waitFor('pixfirewall> ')
      child.stdin.write('enable\n')
      await waitFor('Password: ')
      child.stdin.write('lab-enable\n')
      await waitFor('pixfirewall# ')
      child.stdin.write('show fixup\n')
      await waitFor('fixup protocol smtp 25')
      child.stdin.write('configure terminal\n')
      await waitFor('pixfirewall(config)# ')
      child.stdin.write('no fixup protocol smtp 25\n')
      await waitFor('pixfirewall(config)# ')
      child.stdin.write('quit\n')
      await waitFor('pixfirewall# ')
      // As in the PIX 6 transcript (fixture #28): `q` in privileged mode logs off.
      child.stdin.write('q\n')
      expect(await exited).toBe(0)
      expect(out).not.toContain('lab-admin')
      expect(out).toContain('Logoff')
      expect((await smtpGreeting(lab().smtp.port, track)).ehlo).toContain('250-STARTTLS')
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
