/**
 * Realism check: Netmiko's cisco_asa driver (Debian python3-netmiko, run by Debian's own /usr/bin/python3) logs in
 * to the lab ASA, enters enable mode, pulls the running-config and removes inspect esmtp, as automation would.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { labPerFile } from '../helpers/lab-fixture'
import { LineClient } from '../helpers/line-client'

const PYTHON = '/usr/bin/python3'
const hasNetmiko = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import netmiko'], { timeout: 20_000 }).status === 0

const SCRIPT = `
import json, sys
from netmiko import ConnectHandler
port = int(sys.argv[1])
conn = ConnectHandler(device_type='cisco_asa', host='127.0.0.1', port=port, username='admin',
                      password='lab-admin', secret='lab-enable', timeout=20, banner_timeout=20, auth_timeout=20)
result = {'prompt': conn.find_prompt()}
result['running'] = conn.send_command('show running-config')
result['config'] = conn.send_config_set(['policy-map global_policy', 'class inspection_default', 'no inspect esmtp'])
result['after'] = conn.send_command('show running-config policy-map')
result['save'] = conn.save_config()
conn.disconnect()
print(json.dumps(result))
`

describe.skipIf(!hasNetmiko)('Netmiko cisco_asa against the lab ASA', () => {
  const { lab, track } = labPerFile('asa9-default')

  it('logs in, enables, reads the config and changes inspect esmtp', { timeout: 120_000 }, async () => {
    // Asynchronous: the lab's servers live in this process and must keep running while Python talks to them.
    const run = await runPython(SCRIPT, [String(lab().management!.port)], 100_000)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const result = JSON.parse(run.stdout) as Record<string, string>
    expect(result.prompt).toBe('ciscoasa#')
    expect(result.running).toContain('ASA Version 9.8(4)10')
    expect(result.running).toContain('  inspect esmtp')
    expect(result.running).not.toContain('<--- More --->')
    expect(result.config).toContain('ciscoasa(config-pmap-c)#')
    expect(result.config).not.toContain('ERROR')
    expect(result.after).toContain('policy-map global_policy')
    expect(result.after).not.toContain('inspect esmtp')
    expect(result.save).toContain('[OK]')

    const client = track(await LineClient.open(lab().smtp.port))
    expect((await client.reply()).text).toBe('220 esa.lab.test ESMTP')
  })
})

function runPython(
  script: string,
  args: string[],
  timeoutMs: number,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, ['-c', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
  })
}
