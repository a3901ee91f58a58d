/**
 * `unmask capture` in-process against the lab's asa9-default over SSH: bad usage (exit 2, nothing opened), the lines
 * printed and nothing typed without `yes`, the whole run confirmed at the prompt (piped `yes`) or by --yes (exit 1:
 * the firewall changed a line; the lab device holds no capture afterwards), a host the configuration does not know
 * that needs its interfaces named, a peer that is not the probe (empty captures), and Korean output. The mail host
 * is the lab config's own (192.168.10.25, NAT 198.51.100.25): the plan's interfaces and addresses come from the
 * running-config, and the lab's capture packets carry the same addresses.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CaseStore } from '../../../src/main/cases/case-store'
import { JOURNAL } from '../../../src/shared/journal/events'
import { cutRun } from '../../main/capture/cut-run'
import { runUnmask } from '../../support/cli'
import { labFixture } from '../../support/lab'

describe('unmask capture', () => {
  const fixture = labFixture('asa9-default')
  const lab = () => fixture.lab
  const home = () => join(fixture.dir, 'home')
  const env = () => ({ UNMASK_HOME: home(), FW_PASS: 'lab-admin', FW_ENABLE: 'lab-enable' })
  const base = (mailHost = '192.168.10.25') => [
    'capture',
    '--device',
    `ssh://admin@127.0.0.1:${lab().management!.port}`,
    '--mail-host',
    mailHost,
    '--probe',
    `127.0.0.1:${lab().smtp.port}`,
    '--password-env',
    'FW_PASS',
    '--secret-env',
    'FW_ENABLE',
    '--engineer',
    'Kim',
    '--accept-new-host-key',
  ]
  const onDevice = () =>
    lab()
      .device!.captures.list()
      .map((c) => c.name)
  const journal = (stdout: string) => {
    const dir = /\((\/[^)]+)\)\.\s*$/m.exec(stdout)?.[1]
    if (!dir) throw new Error(`no case folder in: ${stdout}`)
    return new CaseStore(home()).read(dir).entries
  }

  it('rejects bad usage with exit 2 before connecting', async () => {
    const badHost = await runUnmask(base('mail.example; no capture X'), env())
    expect(badHost.code).toBe(2)
    expect(badHost.stderr).toContain('is not an IPv4 address of the mail host')
    const badDirection = await runUnmask([...base(), '--direction', 'sideways'], env())
    expect(badDirection.code).toBe(2)
    expect(badDirection.stderr).toContain("'sideways' is not a direction")
    const badPeer = await runUnmask([...base(), '--peer-address', '127.0.0'], env())
    expect(badPeer.code).toBe(2)
    expect(badPeer.stderr).toContain("'127.0.0' is not an IPv4 address of the other end")
    const noEnv = await runUnmask([...base().slice(0, 7), '--password-env', 'NOPE'], env())
    expect(noEnv.code).toBe(2)
    expect(existsSync(join(home(), 'cases'))).toBe(false)
  })

  it('prints the lines and types none of them without yes', async () => {
    const run = await runUnmask(base(), env(), 'no\n')
    expect(run.code).toBe(2)
    expect(run.stdout).toContain(
      'capture UNMASK_SRV interface inside buffer 1048576 match tcp any host 192.168.10.25 eq 25',
    )
    expect(run.stdout).toContain(
      'capture UNMASK_CLI interface outside buffer 1048576 match tcp any host 198.51.100.25 eq 25',
    )
    expect(run.stdout).toContain('no capture UNMASK_CLI')
    expect(run.stderr).toContain('Nothing was sent')
    const entries = journal(run.stdout)
    expect(entries.filter((e) => e.type === JOURNAL.capturePlanned)).toHaveLength(1)
    expect(entries.filter((e) => e.type === JOURNAL.captureCreated)).toEqual([])
    expect(onDevice()).toEqual([])
  })

  it('confirmed with a typed yes: captures, finds the rewrite (exit 1) and leaves nothing on the device', async () => {
    const run = await runUnmask(base(), env(), 'yes\n')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Confirmed by Kim.')
    expect(run.stdout).toMatch(/S: 250 STARTTLS/)
    expect(run.stdout).toContain('The firewall changed "250 STARTTLS" into "250 XXXXXXXA"')
    // Which interface and which side of the firewall each capture was on, in words (not "inside, inside side").
    expect(run.stdout).toMatch(/^UNMASK_SRV on inside \(the mail host’s side\): \d+ characters, 1 SMTP conversation/m)
    expect(run.stdout).toMatch(/^UNMASK_CLI on outside \(the far side\): \d+ characters, 1 SMTP conversation/m)
    expect(run.stdout).toContain('UNMASK_SRV: removed (no longer listed by show capture)')
    expect(run.stdout).toContain('UNMASK_CLI: removed (no longer listed by show capture)')
    expect(onDevice()).toEqual([])
    const entries = journal(run.stdout)
    const created = entries
      .filter((e) => e.type === JOURNAL.captureCreated)
      .map((e) => (e.data as { command: string }).command)
    // The lines typed are the lines printed.
    for (const line of created) expect(run.stdout).toContain(`  ${line}\n`)
    expect(entries.filter((e) => e.type === JOURNAL.captureAdded)).toHaveLength(2)
  })

  it('--yes for scripts, with --json', async () => {
    const run = await runUnmask([...base(), '--yes', '--json'], env())
    expect(run.code).toBe(1)
    const out = JSON.parse(run.stdout) as {
      run: { removal: Array<{ outcome: string }>; findings: Array<{ id: string }> }
    }
    expect(out.run.removal.map((r) => r.outcome)).toEqual(['removed', 'removed'])
    expect(out.run.findings.map((f) => f.id)).toContain('capture.firewall-rewrote')
    // The token is a capability: never printed.
    expect(run.stdout).not.toMatch(/"token"/)
  })

  it('counter-example: a mail host the configuration does not know asks for the interfaces (exit 2)', async () => {
    const run = await runUnmask(base('10.9.9.9'), env(), 'yes\n')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--server-interface')
    expect(run.stderr).toContain('--client-interface')
    expect(run.stderr).toContain('outside, inside')
    expect(onDevice()).toEqual([])
  })

  it('counter-example: narrowed to a peer that is not the probe, both captures are empty and nothing is found', async () => {
    const run = await runUnmask([...base(), '--peer-address', '127.0.0.2', '--yes', '--json'], env())
    expect(run.stderr).toBe('')
    const out = JSON.parse(run.stdout) as {
      run: {
        readBack: Array<{ conversations: number }>
        findings: Array<{ id: string }>
        removal: Array<{ outcome: string }>
      }
    }
    expect(out.run.readBack.map((r) => r.conversations)).toEqual([0, 0])
    expect(out.run.findings.map((f) => f.id)).not.toContain('capture.firewall-rewrote')
    expect(out.run.removal.map((r) => r.outcome)).toEqual(['removed', 'removed'])
    expect(run.code).toBe(0)
    expect(onDevice()).toEqual([])
  })

  it('speaks Korean with --lang ko', async () => {
    const run = await runUnmask(['--lang', 'ko', ...base(), '--yes'], env())
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('다음 명령을 입력합니다')
    expect(run.stdout).toContain('UNMASK_SRV: 삭제됨')
    expect(run.stdout).toContain('UNMASK_SRV, inside 인터페이스(메일 호스트 쪽)')
  })

  it('a run cut earlier (app side) leaves captures: the next unmask capture, even in a new case, offers their removal first', async () => {
    const handle = new CaseStore(home()).create({ customer: 'Cut run' })
    try {
      expect(await cutRun(lab(), handle, fixture.dir)).toMatchObject({ leftOnDevice: ['UNMASK_SRV', 'UNMASK_CLI'] })
    } finally {
      handle.close()
    }
    expect(onDevice().sort()).toEqual(['UNMASK_CLI', 'UNMASK_SRV'])

    // yes to the removal, no to a new capture.
    // A new case (no --case): the cut run's records are found in the other cases of this home.
    const run = await runUnmask(base(), env(), 'yes\nno\n')
    expect(run.stdout).toContain(
      'An earlier capture run on ciscoasa was cut; its captures (or access-lists) are still there:',
    )
    expect(run.stdout).toContain('  no capture UNMASK_SRV\n  no capture UNMASK_CLI')
    expect(run.stdout).toContain('UNMASK_SRV: removed (no longer listed by show capture)')
    expect(onDevice()).toEqual([])
    // The new proposal was shown and not confirmed: nothing new was typed.
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Nothing was sent')
  })
})
