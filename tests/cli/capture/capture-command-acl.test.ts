/**
 * `unmask capture` on a PIX/ASA 7.0 (no `capture … match`, issue 21), in-process against the lab's pix7-old over SSH
 * relabelled 7.0(8) (the lab refuses `match` by release: src/lab/devices/asa-capture-commands.ts): the default run
 * stops at the refused line, says to use --access-list and exits 2 with nothing left; --access-list prints the ACL
 * lines and says the running configuration changes, types nothing without yes, and with yes captures the rewrite
 * (exit 1) and leaves neither captures nor ACLs on the device.
 */
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runUnmask } from '../../support/cli'
import { labFixture } from '../../support/lab'

describe('unmask capture on a PIX 7.0', () => {
  const fixture = labFixture('pix7-old')
  const lab = () => fixture.lab
  const env = () => ({ UNMASK_HOME: join(fixture.dir, 'home'), FW_PASS: 'lab-admin', FW_ENABLE: 'lab-enable' })
  const base = [
    'capture',
    '--mail-host',
    '192.168.10.25',
    '--password-env',
    'FW_PASS',
    '--secret-env',
    'FW_ENABLE',
    '--engineer',
    'Kim',
    '--accept-new-host-key',
  ]
  const args = (...more: string[]) => [
    ...base,
    '--device',
    `ssh://admin@127.0.0.1:${lab().management!.port}`,
    '--probe',
    `127.0.0.1:${lab().smtp.port}`,
    ...more,
  ]
  const ours = () =>
    lab()
      .device!.running.map((n) => n.line)
      .filter((l) => l.includes('UNMASK'))

  beforeEach(() => {
    lab().device!.spec.version = '7.0(8)'
  })

  it('the match form is refused: says to use --access-list, exit 2, nothing left', async () => {
    const run = await runUnmask(args(), env(), 'yes\n')
    expect(run.stdout).toContain('match tcp any host 192.168.10.25 eq 25')
    expect(run.stdout).toContain('run again with --access-list')
    expect(run.code).toBe(2)
    expect(lab().device!.captures.list()).toEqual([])
    expect(ours()).toEqual([])
  })

  it('--access-list: the ACL lines and the configuration change are shown; nothing typed without yes', async () => {
    const run = await runUnmask(args('--access-list'), env(), 'no\n')
    expect(run.stdout).toContain('access-list UNMASK_SRV_ACL extended permit tcp any host 192.168.10.25 eq 25')
    expect(run.stdout).toContain('access-list UNMASK_CLI_ACL extended permit tcp host 198.51.100.25 eq 25 any')
    expect(run.stdout).toContain('clear configure access-list UNMASK_SRV_ACL')
    expect(run.stdout).toContain('CHANGES THE RUNNING CONFIGURATION')
    expect(run.stdout).toContain('UNMASK_SRV_ACL, UNMASK_CLI_ACL')
    expect(run.code).toBe(2)
    expect(ours()).toEqual([])
  })

  it('--access-list with yes: the rewrite is caught (exit 1), then no capture and no ACL is left', async () => {
    const run = await runUnmask(args('--access-list'), env(), 'yes\n')
    expect(run.stdout).toMatch(/250-STARTTLS/)
    expect(run.stdout).toContain('UNMASK_SRV_ACL: removed')
    expect(run.code).toBe(1)
    expect(lab().device!.captures.list()).toEqual([])
    expect(ours()).toEqual([])
  })

  it('in Korean the plan says the running configuration changes too', async () => {
    const run = await runUnmask(['--lang', 'ko', ...args('--access-list')], env(), 'no\n')
    expect(run.stdout).toContain('RUNNING CONFIGURATION을 변경합니다')
    expect(ours()).toEqual([])
  })
})
