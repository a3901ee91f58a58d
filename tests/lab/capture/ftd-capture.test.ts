/**
 * FTD 7.2 (LINA): the capture commands at the CLISH `>` (Cisco TechNote 212474 types them there) and in the
 * diagnostic CLI after `enable`; both reach the same device, and the dump shows LINA's masking.
 */
import { describe, expect, it } from 'vitest'
import { labPerFile } from '../helpers/lab-fixture'
import { ShellClient } from '../helpers/ssh-shell'
import { captureOneMail, enable, readDump, smtpLines } from './asa-capture-shell'

const { lab, track } = labPerFile('ftd7')

async function clish(): Promise<ShellClient> {
  const { shell } = await ShellClient.open(lab().management!.port, 'admin', 'lab-admin')
  track(shell)
  await shell.waitFor('> ')
  await shell.run('terminal pager 0', '\r\n> ')
  return shell
}

/** Output of one CLISH command without echo and prompt. */
async function run(shell: ShellClient, line: string, prompt = '\r\n> '): Promise<string> {
  const raw = (await shell.run(line, prompt, 10_000)).replace(/\r/g, '')
  return raw
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(/\n?[^\n]*$/, '')
}

describe('ftd7 captures', () => {
  it('CLISH: capture, show capture NAME dump with the mask, no capture; errors marked', async () => {
    const shell = await clish()
    // ftd7.cfg: object MAIL_HOST host 192.168.10.25, nat (inside,outside) static 198.51.100.25.
    const match = (host: string) => `match tcp any4 host ${host} eq 25`
    await captureOneMail(
      shell,
      lab().smtp.port,
      { CAPI: `interface inside ${match('192.168.10.25')}`, CAPO: `interface outside ${match('198.51.100.25')}` },
      'CAPI',
      (sh, line) => run(sh, line),
    )
    const outside = readDump(await run(shell, 'show capture CAPO dump'))
    const inside = readDump(await run(shell, 'show capture CAPI dump'))
    expect(smtpLines(inside, 'server')).toContain('250 STARTTLS')
    expect(smtpLines(outside, 'server')).toContain('250 XXXXXXXA')

    const bad = await run(shell, 'capture X interface nowhere')
    expect(bad).toContain("ERROR: % Invalid input detected at '^' marker.")
    expect(bad.split('\n')[0]!.indexOf('^')).toBe('> capture X interface '.length)
    // Other configuration stays refused at the CLISH.
    expect(await run(shell, 'configure terminal')).toContain('Syntax error: Illegal parameter')

    expect(await run(shell, 'no capture CAPO')).toBe('')
    expect(await run(shell, 'no capture CAPI')).toBe('')
    expect(await run(shell, 'show capture')).toBe('')
  })

  it('diagnostic CLI: the same captures, after enable', async () => {
    const shell = await clish()
    await shell.run('system support diagnostic-cli', 'firepower> ')
    await enable(shell, '', 'firepower# ')
    await shell.run('capture DIAG interface inside match tcp any any eq smtp', 'firepower# ')
    const list = await shell.run('show capture', 'firepower# ')
    expect(list).toContain('capture DIAG type raw-data interface inside [Capturing - 0 bytes]')
    expect(list).toContain('  match tcp any any eq smtp')
    expect(lab().device!.captures.get('DIAG')).toBeDefined()
    await shell.run('no capture DIAG', 'firepower# ')
    expect(lab().device!.captures.list()).toEqual([])
  })
})
