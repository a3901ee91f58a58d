/** The Debian programs some tests talk to (installed by scripts/install-test-deps.sh), and which are missing. */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export interface TestProgram {
  program: string
  path: string
  neededBy: string
  present?: () => boolean
}

export const TEST_PROGRAMS: TestProgram[] = [
  { program: 'chromium', path: '/usr/bin/chromium', neededBy: 'e2e tests and PDF reports' },
  { program: 'pdftotext', path: '/usr/bin/pdftotext', neededBy: 'PDF report checks (poppler-utils)' },
  { program: 'socat', path: '/usr/bin/socat', neededBy: 'serial console tests (pty pairs)' },
  { program: 'postfix', path: '/usr/sbin/postfix', neededBy: 'probe and lab tests against a real Postfix' },
  { program: 'sshd', path: '/usr/sbin/sshd', neededBy: 'SSH tests against a real OpenSSH server' },
  { program: 'ssh', path: '/usr/bin/ssh', neededBy: 'the OpenSSH client against the lab' },
  { program: 'telnet', path: '/usr/bin/telnet', neededBy: 'Debian telnet against the lab PIX' },
  {
    program: 'tcpdump',
    path: '/usr/bin/tcpdump',
    neededBy: 'pcap captures of Postfix through the lab (tests/lab/capture)',
  },
  {
    program: 'netmiko',
    path: '/usr/bin/python3',
    neededBy: 'Netmiko cisco_asa against the lab (python3-netmiko)',
    present: () => spawnSync('/usr/bin/python3', ['-c', 'import netmiko'], { timeout: 20_000 }).status === 0,
  },
]

export function missingTestPrograms(programs: TestProgram[] = TEST_PROGRAMS): TestProgram[] {
  return programs.filter((p) => !existsSync(p.path) || (p.present !== undefined && !p.present()))
}
