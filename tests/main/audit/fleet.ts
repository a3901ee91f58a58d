/**
 * A generated fleet for `unmask audit`: every device file is a real capture from tests/fixtures/device-output (see
 * that folder's README for sources) with only its hostname and version line changed, its ESMTP lines edited the way
 * a device would show them, padded with lines of the same real config, and wrapped the way the backup tools store
 * them (fixtures/README.md in this folder cites the RANCID and Oxidized sources):
 *
 *   RANCID (haussli/rancid bin/rancid.in, ShowVersion/ProcessHistory): the file starts `!RANCID-CONTENT-TYPE: cisco`,
 *     then `!`-comment lines from `show version` (`!Image: …`, `!Chassis type: … - a PIX`, `!Serial Number: …`).
 *   Oxidized (ytti/oxidized lib/oxidized/model/asa.rb): `show version` and `show inventory` as `! `-comment lines,
 *     then `more system:running-config` without its first three lines and without its `: ` lines.
 *
 * Also the junk a backup folder holds: binary files, a RANCID router.db, READMEs, empty files, a .git folder.
 * Shared by the module, CLI and bench tests; `expected` says what each device file must audit to.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EsmtpState } from '../../../src/shared/audit/types'

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'device-output')
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')
const ASA9 = read('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt')
const ASA72 = read('asa_7.2-3_asa5505_running-config_inspect_esmtp_mocktest.txt')
const PIX53 = read('pix_5.3-1_outofbox_config_chuckbag.txt')
const PIX72 = read('pix_7.2-1_default_show_run_cn_notes.txt').replace(/^pixfirewall# sh run\n/, '')
const IOS = readFileSync(join(__dirname, 'fixtures', 'ios_12.4_running-config_avani8_ccna.txt'), 'utf8')
const SHOW_VERSION = read('asa_9.8-4-10_show_version_genieparser1.txt')

/** Object lines of the real 9.0(3) sample, reused to bring a config to about 500 lines. */
const FILLER = ASA9.split('\n').filter((l) =>
  /^(name |access-list |object| {1,2}(host|subnet|network-object) )/.test(l),
)

export type Kind =
  | 'asa9-active'
  | 'asa8-allow-tls'
  | 'asa9-off'
  | 'pix6-mailguard'
  | 'pix6-off'
  | 'pix7-active-bug'
  | 'fwsm-active'
  | 'ftd-active'
  | 'asa-show-version'
  | 'ios'

export interface Expected {
  hostname: string | null
  platform: string | null
  version: string | null
  state: EsmtpState
  mailguard: boolean
  ftd: boolean
  duplicateHeaderBug: boolean
  remedy: string | null
}

function setHost(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`^hostname ${from}$`, 'm'), `hostname ${to}`)
}

function pad(text: string, lines: number): string {
  const have = text.split('\n').length
  if (have >= lines) return text
  const extra: string[] = []
  for (let i = 0; extra.length < lines - have; i++) extra.push(FILLER[i % FILLER.length]!)
  // Filler goes after the header block so that the header stays where the device prints it.
  return text.replace(/^(hostname .*)$/m, `$1\n${extra.join('\n')}`)
}

const ALLOW_TLS_MAP = 'policy-map type inspect esmtp tls_map\n parameters\n  allow-tls\n'

/** The text of one device file and what it must audit to. `n` varies hostnames and versions. */
export function device(kind: Kind, host: string, n = 0, lines = 0): { text: string; expected: Expected | null } {
  const e = (
    platform: string | null,
    version: string | null,
    state: EsmtpState,
    remedy: string | null,
    more: Partial<Expected> = {},
  ): Expected => ({
    hostname: host,
    platform,
    version,
    state,
    mailguard: false,
    ftd: false,
    duplicateHeaderBug: false,
    remedy,
    ...more,
  })
  switch (kind) {
    case 'asa9-active': {
      const v = `9.${(n % 16) + 1}(${(n % 4) + 1})`
      const text = setHost(ASA9.replace('ASA Version 9.0(3)', `ASA Version ${v}`), 'fw', host)
      return { text: pad(text, lines), expected: e('asa', v, 'active', 'asa.allow-tls-map') }
    }
    case 'asa8-allow-tls': {
      const v = `8.${(n % 3) + 2}(${(n % 5) + 1})`
      const text = setHost(ASA72.replace('ASA Version 7.2(3)', `ASA Version ${v}`), 'ciscoasa', host)
        .replace('policy-map global_policy\n', `${ALLOW_TLS_MAP}policy-map global_policy\n`)
        .replace('  inspect esmtp\n', '  inspect esmtp tls_map\n')
      return { text: pad(text, lines), expected: e('asa', v, 'allow-tls', null) }
    }
    case 'asa9-off': {
      const text = setHost(ASA9.replace(/^ {2}inspect esmtp\s*\n/m, ''), 'fw', host)
      return { text: pad(text, lines), expected: e('asa', '9.0(3)', 'off', null) }
    }
    case 'pix6-mailguard': {
      const text = setHost(PIX53.replace('PIX Version 5.3(1)', 'PIX Version 6.3(5)'), 'pixfirewall', host)
      return {
        text,
        expected: e('pix', '6.3(5)', 'active', 'pix.no-fixup-smtp', { mailguard: true, duplicateHeaderBug: true }),
      }
    }
    case 'pix6-off': {
      const text = setHost(
        PIX53.replace('PIX Version 5.3(1)', 'PIX Version 6.3(4)').replace(
          'fixup protocol smtp 25',
          'no fixup protocol smtp 25',
        ),
        'pixfirewall',
        host,
      )
      return { text, expected: e('pix', '6.3(4)', 'off', null) }
    }
    case 'pix7-active-bug': {
      // PIX 7.x carries the same MPF section as the ASA (the 7.2(3) ASA default, fixture #11).
      const mpf = ASA72.slice(ASA72.indexOf('class-map inspection_default'), ASA72.indexOf('group-policy'))
      const text = `${setHost(PIX72.replace('PIX Version 7.2(1)', 'PIX Version 7.0(4)'), 'pixfirewall', host)}\n${mpf}`
      return {
        text: pad(text, lines),
        expected: e('pix', '7.0(4)', 'active', 'asa.no-inspect-esmtp', { duplicateHeaderBug: true }),
      }
    }
    case 'fwsm-active': {
      // FWSM numbers its own releases (1.x–4.1): the PIX/ASA 7.2(3) bug threshold does not apply (knowledge §7.4).
      const text = setHost(ASA9.replace('ASA Version 9.0(3)', 'FWSM Version 3.2(4)'), 'fw', host)
      return { text: pad(text, lines), expected: e('fwsm', '3.2(4)', 'active', 'asa.no-inspect-esmtp') }
    }
    case 'ftd-active': {
      const text = setHost(ASA9.replace('ASA Version 9.0(3)', 'NGFW Version 7.0.1'), 'fw', host)
      return {
        text: pad(text, lines),
        expected: e('ftd', '7.0.1', 'active', 'advice.ftd-flexconfig', { ftd: true }),
      }
    }
    case 'asa-show-version':
      // `show version` alone says what the device is, not how it inspects mail.
      return { text: SHOW_VERSION, expected: { ...e('asa', '9.8(4)10', 'unknown', null), hostname: 'NETLAB-ASA-01' } }
    case 'ios':
      // Not a PIX/ASA: the audit skips it as `not-firewall` rather than guess (null expectation).
      return { text: IOS.replace(/^hostname R1$/m, `hostname ${host}`), expected: null }
  }
}

/**
 * RANCID's layout: content-type line, `!`-comment lines of `show version`, a blank comment, then the config.
 * `version` null: an IOS router, whose image line RANCID writes as `!Image: Software: FEATURESET, VERSION`.
 */
export function rancid(text: string, version: string | null): string {
  const head = version
    ? [
        '!Chassis type: ASA5520 - a PIX',
        '!CPU: Pentium 4 Celeron 2000 MHz',
        '!Memory: main 512 MB RAM',
        `!Image: Software: Cisco Adaptive Security Appliance Software Version ${version}`,
      ]
    : [
        '!Chassis type: 3725 - a 3700 router',
        '!Image: Software: C3725-ADVENTERPRISEK9-M, 12.4(15)T14, RELEASE SOFTWARE (fc2)',
      ]
  return ['!RANCID-CONTENT-TYPE: cisco', '!', ...head, '!Serial Number: JMX1234567X', '!', text].join('\n')
}

/** Oxidized's ASA layout: `! `-comment show version and show inventory, then the config without `: ` lines. */
export function oxidized(text: string, version: string): string {
  const body = text
    .split('\n')
    .filter((l) => !/^: /.test(l) && l !== ':')
    .join('\n')
  return [
    '! ',
    `! Cisco Adaptive Security Appliance Software Version ${version}`,
    '! Device Manager Version 7.1(3)',
    '! ',
    '! Hardware:   ASA5520, 512 MB RAM, CPU Pentium 4 Celeron 2000 MHz',
    '! Name: "Chassis", DESCR: "ASA 5520 Adaptive Security Appliance"',
    '! PID: ASA5520           , VID: V02     , SN: JMX1234567X',
    '! ',
    body,
  ].join('\n')
}

export interface FleetFile {
  path: string
  /** null: the file must be skipped as `not-firewall`. */
  expected: Expected | null
}

/** Writes one file of every kind (some in RANCID or Oxidized layout) plus junk; returns the device files. */
export function writeMixedFleet(root: string): FleetFile[] {
  const out: FleetFile[] = []
  const put = (rel: string, text: string | Buffer, expected?: Expected | null) => {
    const path = join(root, rel)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, text)
    if (expected !== undefined) out.push({ path, expected })
  }
  const kinds: [Kind, string][] = [
    ['asa9-active', 'rancid/configs/asa9-a'],
    ['asa8-allow-tls', 'oxidized/asa8-b'],
    ['asa9-off', 'plain/asa9-off.cfg'],
    ['pix6-mailguard', 'rancid/configs/pix6-mg'],
    ['pix6-off', 'plain/pix6-off.txt'],
    ['pix7-active-bug', 'plain/pix7-old'],
    ['fwsm-active', 'plain/fwsm1'],
    ['ftd-active', 'oxidized/ftd1'],
    ['asa-show-version', 'plain/show-version.txt'],
    ['ios', 'rancid/configs/core-r1'],
  ]
  for (const [kind, rel] of kinds) {
    const host = rel.split('/').pop()!.replace(/\..*$/, '')
    const { text, expected } = device(kind, host)
    const version = expected?.version ?? null
    if (rel.startsWith('rancid/')) put(rel, rancid(text, version), expected)
    else if (rel.startsWith('oxidized/') && version) put(rel, oxidized(text, version), expected)
    else put(rel, text, expected)
  }
  // Junk a backup folder really holds.
  put('rancid/router.db', 'asa9-a;cisco;up\npix6-mg;cisco;up\ncore-r1;cisco;up\n')
  put('rancid/configs/.git/HEAD', 'ref: refs/heads/main\n')
  put('plain/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]))
  put('plain/empty.cfg', '')
  put('plain/README.md', '# Firewall backups\n\nNightly copies of every firewall, one file per device.\n')
  return out
}
