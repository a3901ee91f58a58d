/**
 * `unmask analyze` on every device-output fixture gives the diagnosis that the fixture INDEX states
 * (tests/fixtures/device-output/README.md), in-process through runCli, plus one run of the built binary.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type TLSSocket, connect as tlsConnect } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io'
import { runCli } from '../../src/cli/program'
import { startMailHost } from '../../src/lab/mail/mail-host'
import { type InspectionProxy, startInspectionProxy } from '../../src/lab/proxy/inspection-proxy'
import { type InspectingFirewall, type InspectionPolicy, newCounters } from '../../src/lab/proxy/policy'
import type { Analysis } from '../../src/shared/diagnosis'
import { makeCertificate, type TestCertificate } from '../support/hostile-smtp'
import { hasPostfix, type PostfixInstance, startPostfix } from '../support/postfix'

const FIXTURES = join(__dirname, '..', 'fixtures', 'device-output')
const fixture = (name: string) => join(FIXTURES, name)

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (s) => {
      out += s
    },
    err: (s) => {
      err += s
    },
    env: { LANG: 'en_US.UTF-8' },
    readStdin: async () => stdin,
  }
  const code = await runCli(argv, io)
  return { code, out, err }
}

/** The exit-code contract (README "Exit codes"): 1 when a cause or a warning/critical finding is found, else 0. */
const problemFound = (a: Analysis) => a.causes.length > 0 || a.findings.some((f) => f.severity !== 'info')

async function analyze(...files: string[]): Promise<Analysis> {
  const r = await run(['analyze', '--json', ...files.map(fixture)])
  expect(r.err).toBe('')
  expect(r.code).toBe(problemFound(JSON.parse(r.out) as Analysis) ? 1 : 0)
  return JSON.parse(r.out) as Analysis
}

const ids = (a: Analysis) => a.findings.map((f) => f.id)
const causeIds = (a: Analysis) => a.causes.map((c) => c.id)
const INSPECTION_CAUSES = [
  'local-esmtp-inspection',
  'pix-mailguard',
  'path-inspection',
  'remote-inspection',
  'ftd-esmtp-inspection',
]

describe('ESMTP-INSPECT-ACTIVE fixtures', () => {
  it.each([
    ['asa_9.0-3_running-config_ciscoconfparse_sample_01.txt', '9.0(3)', 'fw'],
    ['asa_7.2-3_asa5505_running-config_inspect_esmtp_mocktest.txt', '7.2(3)', 'ciscoasa'],
  ])('%s: inspect esmtp in global_policy/inspection_default with the default map', async (file, version, hostname) => {
    const a = await analyze(file)
    expect(a.facts).toMatchObject({ platform: 'asa', version, hostname })
    const f = a.findings.find((x) => x.id === 'asa.esmtp-inspection-active')
    expect(f?.params).toMatchObject({ policy: 'global_policy', class: 'inspection_default', map: '_default_esmtp_map' })
    expect(f?.evidence.map((e) => e.excerpt.trim())).toContain('inspect esmtp')
    expect(causeIds(a)[0]).toBe('local-esmtp-inspection')
    expect(a.remedies.map((r) => r.id)).toEqual(['asa.allow-tls-map', 'asa.no-inspect-esmtp'])
    expect(ids(a)).not.toContain('pix.duplicate-header-bug')
  })

  it('9.0(3): the fix names the real policy-map and class, line by line with modes', async () => {
    const a = await analyze('asa_9.0-3_running-config_ciscoconfparse_sample_01.txt')
    const fix = a.remedies.find((r) => r.id === 'asa.no-inspect-esmtp')!
    expect(fix.commands).toEqual([
      { mode: 'enable', command: 'configure terminal' },
      { mode: 'config', command: 'policy-map global_policy' },
      { mode: 'config-pmap', command: 'class inspection_default' },
      { mode: 'config-pmap-c', command: 'no inspect esmtp' },
      { mode: 'config-pmap-c', command: 'exit' },
      { mode: 'config-pmap', command: 'exit' },
      { mode: 'config', command: 'end' },
    ])
    expect(fix.undo.map((l) => l.command)).toContain('inspect esmtp')
  })

  it('show service-policy (9.x counters): _default_esmtp_map in global_policy', async () => {
    const a = await analyze('asa_9.x_show_service-policy_genieparser.txt')
    const f = a.findings.find((x) => x.id === 'asa.esmtp-inspection-active')
    expect(f?.params).toMatchObject({ policy: 'global_policy', class: 'inspection_default', map: '_default_esmtp_map' })
    expect(f?.evidence.map((e) => e.startLine)).toEqual([4, 5, 20])
    expect(causeIds(a)).toContain('local-esmtp-inspection')
    // No version known: allow-tls is not proposed (it depends on the version), removal is.
    expect(a.remedies.map((r) => r.id)).toEqual(['asa.no-inspect-esmtp'])
    expect(a.skipped.map((s) => s.id)).toEqual(['asa.allow-tls-map'])
  })

  it('syslog 108004 + 507003: inspection live on the ASA that logged them', async () => {
    const a = await analyze('asa_syslog_esmtp_inspection_drop_blog.txt')
    const f = a.findings.find((x) => x.id === 'log.asa-esmtp-inspection')
    expect(f?.evidence.map((e) => e.startLine)).toEqual([1, 2])
    expect(f?.params?.messageIds).toBe('108004, 507003')
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
  })

  it('Cisco 118550 reply lines: XXXXXXXA masked, STARTTLS answered 500 #5.5.1', async () => {
    const a = await analyze('esa_inbound_behind_asa_XXXXXXXA_transcript_cisco118550.txt')
    const masked = a.findings.find((x) => x.id === 'smtp.starttls-masked')
    expect(masked?.evidence[0]).toMatchObject({ startLine: 3, endLine: 3, excerpt: '250 XXXXXXXA' })
    const rejected = a.findings.find((x) => x.id === 'smtp.starttls-rejected')
    expect(rejected?.evidence[0]).toMatchObject({ startLine: 4, excerpt: '500 #5.5.1 command not recognized' })
    expect(causeIds(a)[0]).toBe('path-inspection')
    expect(ids(a)).not.toContain('smtp.starttls-before-greeting')
  })
})

describe('MAILGUARD-ACTIVE fixtures', () => {
  it.each([
    ['pix_4.4-5_wr_term_outofbox_chuckbag.txt', '4.4(5)', 19],
    ['pix_5.3-1_outofbox_config_chuckbag.txt', '5.3(1)', 13],
  ])('%s: fixup protocol smtp 25', async (file, version, line) => {
    const a = await analyze(file)
    expect(a.facts).toMatchObject({ platform: 'pix', version, hostname: 'pixfirewall' })
    const f = a.findings.find((x) => x.id === 'pix.mailguard-active')
    expect(f?.evidence[0]).toMatchObject({ startLine: line, excerpt: 'fixup protocol smtp 25' })
    expect(ids(a)).toContain('pix.duplicate-header-bug')
    expect(causeIds(a)[0]).toBe('pix-mailguard')
    const fix = a.remedies.find((r) => r.id === 'pix.no-fixup-smtp')!
    expect(fix.commands.map((l) => l.command)).toEqual(['configure terminal', 'no fixup protocol smtp 25', 'exit'])
    expect(fix.undo.map((l) => l.command)).toContain('fixup protocol smtp 25')
    expect(a.remedies.map((r) => r.id)).toContain('advice.upgrade')
  })

  it('PIX 6.2 show fixup: smtp 25 among the defaults', async () => {
    const a = await analyze('pix_6.2_show_fixup_ciscoarticles4248.txt')
    expect(a.findings.find((x) => x.id === 'pix.mailguard-active')?.evidence[0]?.startLine).toBe(9)
    expect(causeIds(a)[0]).toBe('pix-mailguard')
    expect(a.facts.hostname).toBe('Pix')
  })

  it('MailGuard banners (Exchange help): asterisks with surviving 2 and 0, and the early cmap banner', async () => {
    const a = await analyze('pix_mailguard_banners_exchange_doc.txt')
    const f = a.findings.find((x) => x.id === 'smtp.banner-masked')
    expect(f?.params?.variant).toBe('mailguard')
    expect(f?.evidence.map((e) => e.startLine)).toEqual([1, 3, 5])
    expect(causeIds(a)[0]).toBe('pix-mailguard')
    // No configuration: the port is unknown, so no command is invented.
    expect(a.remedies.some((r) => r.id === 'pix.no-fixup-smtp')).toBe(false)
    expect(a.skipped.map((s) => s.id)).toContain('pix.no-fixup-smtp')
  })
})

describe('NO-SMTP-INSPECTION-EVIDENT fixtures', () => {
  it('PIX 7.2(1) default show run without a policy-map section (possibly incomplete)', async () => {
    const a = await analyze('pix_7.2-1_default_show_run_cn_notes.txt')
    const f = a.findings.find((x) => x.id === 'device.no-smtp-inspection')
    expect(f?.confidence).toBeLessThanOrEqual(0.5)
    expect(a.facts).toMatchObject({ platform: 'pix', version: '7.2(1)' })
    expect(a.causes).toEqual([])
    expect(a.remedies).toEqual([])
  })

  it('ESA baseline telnet test: banner intact, no STARTTLS, not a firewall', async () => {
    const a = await analyze('esa_baseline_no_firewall_ehlo_help_cisco214630.txt')
    expect(ids(a)).toEqual(['smtp.starttls-missing'])
    expect(a.findings[0]!.severity).toBe('info')
    expect(causeIds(a)).toEqual(['server-no-starttls'])
    expect(causeIds(a).some((c) => INSPECTION_CAUSES.includes(c))).toBe(false)
  })
})

describe('ESA log lines', () => {
  it('TLS failed / STARTTLS command not supported: consistent with masking, not proof', async () => {
    const a = await analyze('esa_maillog_tls_lines_cisco118500_212587.txt')
    const f = a.findings.find((x) => x.id === 'log.esa-starttls-not-supported')
    expect(f?.evidence.map((e) => e.startLine)).toEqual([9, 10])
    expect(a.causes[0]?.confidence).toBeLessThan(0.5)
  })
})

describe('NOT-APPLICABLE fixtures', () => {
  it.each([
    ['asa_show_version_ntc1.txt', { platform: 'asa', version: '9.5(2)204', hostname: 'asa1', model: 'ASAv10' }],
    ['asa_show_version_ntc2.txt', { platform: 'asa', version: '9.8(3)21', contextMode: 'multiple', failover: true }],
    ['asa_show_version_ntc3.txt', { platform: 'asa', version: '9.9(2)32', hostname: 'ASA2', model: 'ASA5516' }],
    ['asa_show_version_ntc4.txt', { platform: 'asa', version: '9.16(3)19', model: 'ISA-3000-2C2F' }],
    ['asa_9.8-4-10_show_version_genieparser1.txt', { version: '9.8(4)10', hostname: 'NETLAB-ASA-01' }],
    ['asa_9.8-4-22_asa5506_console_boot_to_login_mailinglist.txt', { version: '9.8(4)22' }],
    ['asa_multicontext_show_context_genieparser.txt', { contextMode: 'multiple' }],
    ['asa_8.4-5_show_failover_secondary_chuckbag.txt', { failover: true, hostname: 'ciscoasa' }],
    ['pix_6.3-1_wr_mem_and_show_ver_chuckbag.txt', { platform: 'pix', version: '6.3(1)', hostname: 'pixfirewall' }],
    ['pix_6.3-5_boot_banner_blog1703341804.txt', { platform: 'pix', version: '6.3(5)' }],
    ['asa_9.x_ssh_login_enable_ansible_doc.txt', {}],
    ['asa_9.x_write_memory_ovh_doc.txt', {}],
    ['asa_ssh_kex_mismatch_and_kex_options_blog2024.txt', {}],
    ['asa_8.x_show_ssh_versions_gomjabbar.txt', {}],
    ['pix_6.x_lab_cli_transcripts_cn_notes.txt', {}],
  ])('%s: facts only, no findings', async (file, facts) => {
    const a = await analyze(file)
    expect(a.facts).toMatchObject(facts)
    expect(a.findings).toEqual([])
    expect(a.causes).toEqual([])
  })
})

describe('several inputs together', () => {
  it('config and transcript: one local cause whose evidence chain holds both', async () => {
    const a = await analyze(
      'asa_9.0-3_running-config_ciscoconfparse_sample_01.txt',
      'esa_inbound_behind_asa_XXXXXXXA_transcript_cisco118550.txt',
    )
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
    const c = a.causes[0]!
    expect(c.findings).toEqual(['asa.esmtp-inspection-active', 'smtp.starttls-masked', 'smtp.starttls-rejected'])
    expect(new Set(c.evidence.map((e) => e.source)).size).toBe(2)
    expect(c.confidence).toBeGreaterThan(0.95)
  })
})

describe('text output, languages and errors', () => {
  it('prints facts, findings with line numbers, causes and the exact commands', async () => {
    const r = await run(['analyze', fixture('asa_7.2-3_asa5505_running-config_inspect_esmtp_mocktest.txt')])
    expect(r.code).toBe(1)
    expect(r.out).toContain('Version: 7.2(3)')
    expect(r.out).toContain('Platform: ASA')
    expect(r.out).toContain('[CRITICAL] ESMTP inspection is active without allow-tls')
    expect(r.out).toMatch(/mocktest\.txt:107 +inspect esmtp/)
    expect(r.out).toContain('ciscoasa(config-pmap-c)# no inspect esmtp')
    expect(r.out).toContain('ciscoasa(config-pmap-p)# allow-tls action log')
    const ctx = await run(
      ['analyze', '-'],
      'fw/mail# show running-config policy-map\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n',
    )
    expect(ctx.out).toContain('fw/mail(config-pmap-c)# no inspect esmtp')
  })

  it('prints device facts in words', async () => {
    const r = await run(['analyze', fixture('asa_show_version_ntc2.txt')])
    expect(r.out).toContain('Context mode: multiple')
    expect(r.out).toContain('Failover: yes')
    expect(r.out).toContain('Nothing relevant to SMTP inspection was found.')
  })

  it('speaks Korean with --lang ko', async () => {
    const r = await run(['analyze', '--lang', 'ko', fixture('pix_6.2_show_fixup_ciscoarticles4248.txt')])
    expect(r.code).toBe(1)
    expect(r.out).toContain('PIX MailGuard가 켜져 있습니다')
    expect(r.out).toContain('no fixup protocol smtp 25')
  })

  it('reads standard input for -', async () => {
    const r = await run(['analyze', '--json', '-'], '250-mx.example.org\r\n250-SIZE 1000\r\n250 XXXXXXXA\r\n')
    expect(r.code).toBe(1)
    const a = JSON.parse(r.out) as Analysis
    expect(a.parts[0]).toMatchObject({ source: 'stdin', kind: 'smtp-transcript' })
    expect(ids(a)).toEqual(['smtp.starttls-masked'])
  })

  it('exits 0 with nothing found on unrelated text', async () => {
    const r = await run(['analyze', '--json', '-'], 'hello world\n')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.out) as Analysis).findings).toEqual([])
  })

  it('exits 2 with a clear message on a missing file, a directory, binary data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unmask-analyze-'))
    try {
      const missing = await run(['analyze', join(dir, 'nope.txt')])
      expect(missing.code).toBe(2)
      expect(missing.err).toContain('Cannot read')
      expect(missing.err).toContain('ENOENT')
      const directory = await run(['analyze', dir])
      expect(directory.code).toBe(2)
      expect(directory.err).toContain('is a directory')
      const binary = join(dir, 'core.bin')
      writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]))
      const bin = await run(['analyze', binary])
      expect(bin.code).toBe(2)
      expect(bin.err).toContain('not a text file')
      expect(bin.out).toBe('')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('exits 2 when no file is given', async () => {
    const r = await run(['analyze'])
    expect(r.code).toBe(2)
  })
})

describe('the built binary', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'unmask.js')
  // `npm test` runs `electron-vite build` first; a missing build is a failure, not a skip.
  const built = () =>
    expect(existsSync(join(__dirname, '..', '..', 'out', 'main', 'cli.js')), 'run npx electron-vite build').toBe(true)
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('node bin/unmask.js analyze --json prints the diagnosis and exits 1 (a problem found)', () => {
    built()
    const r = spawnSync(
      process.execPath,
      [bin, 'analyze', '--json', fixture('pix_5.3-1_outofbox_config_chuckbag.txt')],
      {
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, LANG: 'en_US.UTF-8' },
      },
    )
    expect(r.status).toBe(1)
    const a = JSON.parse(r.stdout) as Analysis
    expect(a.causes[0]?.id).toBe('pix-mailguard')
  })

  it('node bin/unmask.js analyze reads stdin and exits 2 on an unreadable file', () => {
    built()
    const ok = spawnSync(process.execPath, [bin, 'analyze', '-'], {
      encoding: 'utf8',
      timeout: 20_000,
      input:
        '%ASA-4-108004: ESMTP Classification: Dropped connection for ESMTP Request from outside:192.0.2.1/1025 to inside:10.0.0.25/25; matched Class 4: header line length gt 998\n',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    })
    expect(ok.status).toBe(1)
    expect(ok.stdout).toContain('log.asa-esmtp-inspection')
    const dir = mkdtempSync(join(tmpdir(), 'unmask-bin-'))
    dirs.push(dir)
    const bad = spawnSync(process.execPath, [bin, 'analyze', join(dir, 'missing.txt')], {
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('missing.txt')
  })
})

/** A whole-line SMTP client that writes what it saw as `S:`/`C:` text; every wait has a timeout. */
async function converse(path: { port: number; cert: string; servername: string }): Promise<string> {
  const out: string[] = []
  let socket: Socket | TLSSocket = connect({ host: '127.0.0.1', port: path.port })
  let buffer = ''
  let waiting: (() => void) | null = null
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1')
    waiting?.()
  }
  socket.on('data', onData)
  socket.on('error', () => waiting?.())
  const reply = () =>
    new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply within 5 s')), 5000)
      const check = () => {
        const lines = buffer.split('\r\n')
        const end = lines.findIndex((l) => /^\d{3}(?: |$)/.test(l))
        if (end < 0 || end === lines.length - 1) return
        clearTimeout(timer)
        waiting = null
        buffer = lines.slice(end + 1).join('\r\n')
        const got = lines.slice(0, end + 1)
        for (const l of got) out.push(`S: ${l}`)
        resolve(got)
      }
      waiting = check
      check()
    })
  const send = (line: string) => {
    out.push(`C: ${line}`)
    socket.write(`${line}\r\n`)
  }
  try {
    await reply()
    send('EHLO probe.unmask.test')
    await reply()
    send('STARTTLS')
    const [answer] = await reply()
    if (answer?.startsWith('220')) {
      socket.off('data', onData)
      socket = await new Promise<TLSSocket>((resolve, reject) => {
        const tlsSocket = tlsConnect({ socket: socket as Socket, ca: [path.cert], servername: path.servername }, () =>
          resolve(tlsSocket),
        )
        tlsSocket.once('error', reject)
        setTimeout(() => reject(new Error('no TLS handshake within 5 s')), 5000)
      })
      out.push(`TLS established ${(socket as TLSSocket).getProtocol()} ${(socket as TLSSocket).getCipher().name}`)
      socket.on('data', onData)
      send('EHLO probe.unmask.test')
      await reply()
    }
    send('QUIT')
    await reply().catch(() => [])
    return `${out.join('\n')}\n`
  } finally {
    socket.destroy()
  }
}

/**
 * Real SMTP on 127.0.0.1: the lab's mail host (smtp-server, ESA wording) straight and behind the lab's inspecting proxy
 * (a separate implementation of the ASA's rewriting). The conversation is recorded the way an engineer pastes it
 * (`S:`/`C:` lines, a note for the TLS handshake) and analysed through `unmask analyze -`.
 */
describe('analyze a real SMTP conversation', () => {
  const closers: Array<() => Promise<void>> = []
  afterAll(async () => {
    for (const close of closers.reverse()) await close()
  })

  async function startPath(
    policy: InspectionPolicy | null,
  ): Promise<{ port: number; cert: string; servername: string }> {
    const stateDir = mkdtempSync(join(tmpdir(), 'unmask-analyze-lab-'))
    closers.push(async () => rmSync(stateDir, { recursive: true, force: true }))
    const host = await startMailHost({ persona: 'esa', hostname: 'esa.lab.test', domain: 'lab.test', stateDir })
    closers.push(() => host.close())
    if (!policy) return { port: host.port, cert: host.certificate.cert, servername: 'esa.lab.test' }
    const firewall: InspectingFirewall = { currentPolicy: () => policy, counters: newCounters(), log: () => {} }
    const proxy = await startInspectionProxy({ upstream: host, firewall })
    closers.push(() => proxy.close())
    return { port: proxy.port, cert: host.certificate.cert, servername: 'esa.lab.test' }
  }

  it('straight to the server: STARTTLS works, nothing to fix', async () => {
    const path = await startPath(null)
    const text = await converse(path)
    const r = await run(['analyze', '--json', '-'], text)
    expect(r.code).toBe(0)
    const a = JSON.parse(r.out) as Analysis
    expect(ids(a)).toEqual(['smtp.tls-ok'])
    expect(a.causes).toEqual([])
  })

  it('through an inspecting ASA (default map): masked STARTTLS, rejected STARTTLS, masked banner, a path cause', async () => {
    const path = await startPath({
      kind: 'esmtp',
      map: '_default_esmtp_map',
      maskBanner: true,
      allowTls: false,
      duplicateHeaderBug: false,
    })
    const text = await converse(path)
    const r = await run(['analyze', '--json', '-'], text)
    const a = JSON.parse(r.out) as Analysis
    expect(ids(a)).toEqual(
      expect.arrayContaining(['smtp.starttls-masked', 'smtp.starttls-rejected', 'smtp.banner-masked']),
    )
    expect(ids(a)).not.toContain('smtp.tls-ok')
    const masked = a.findings.find((f) => f.id === 'smtp.starttls-masked')!
    const maskedLine = text.split('\n')[masked.evidence[0]!.startLine - 1]
    expect(maskedLine).toMatch(/^S: 250.X{3,}/)
    expect(a.causes[0]?.id).toBe('path-inspection')
  })

  it('through an inspecting ASA with allow-tls: TLS works again', async () => {
    const path = await startPath({
      kind: 'esmtp',
      map: 'TLS_OK',
      maskBanner: false,
      allowTls: true,
      duplicateHeaderBug: false,
    })
    const a = JSON.parse((await run(['analyze', '--json', '-'], await converse(path))).out) as Analysis
    expect(ids(a)).toEqual(['smtp.tls-ok'])
  })

  it('through PIX MailGuard: banner and EHLO refused, MailGuard named', async () => {
    const path = await startPath({ kind: 'mailguard', duplicateHeaderBug: false })
    const text = await converse(path)
    const a = JSON.parse((await run(['analyze', '--json', '-'], text)).out) as Analysis
    expect(ids(a)).toEqual(expect.arrayContaining(['smtp.banner-masked', 'smtp.ehlo-rejected']))
    expect(a.causes[0]?.id).toBe('pix-mailguard')
  })
})

describe.skipIf(!hasPostfix)('analyze a real Postfix conversation', () => {
  let postfix: PostfixInstance
  let proxy: InspectionProxy
  let cert: TestCertificate

  beforeAll(async () => {
    cert = await makeCertificate({ commonName: 'mx.postfix.test', names: ['mx.postfix.test'] })
    postfix = await startPostfix({ cert })
    const policy: InspectionPolicy = {
      kind: 'esmtp',
      map: '_default_esmtp_map',
      maskBanner: true,
      allowTls: false,
      duplicateHeaderBug: false,
    }
    proxy = await startInspectionProxy({
      upstream: { host: postfix.host, port: postfix.port },
      firewall: { currentPolicy: () => policy, counters: newCounters(), log: () => {} },
    })
  })

  afterAll(async () => {
    await proxy?.close()
    await postfix?.stop()
  })

  it('straight: Postfix offers STARTTLS and TLS is established', async () => {
    const text = await converse({ port: postfix.port, cert: cert.cert, servername: 'mx.postfix.test' })
    const a = JSON.parse((await run(['analyze', '--json', '-'], text)).out) as Analysis
    expect(ids(a)).toEqual(['smtp.tls-ok'])
  })

  it('through the inspecting path: Postfix\u2019s own "command not recognized" is read as a rejected STARTTLS', async () => {
    const text = await converse({ port: proxy.port, cert: cert.cert, servername: 'mx.postfix.test' })
    expect(text).toMatch(/S: 50[02] 5\.5\.2 Error: command not recognized/)
    const a = JSON.parse((await run(['analyze', '--json', '-'], text)).out) as Analysis
    expect(ids(a)).toEqual(
      expect.arrayContaining(['smtp.starttls-masked', 'smtp.starttls-rejected', 'smtp.banner-masked']),
    )
    expect(a.causes[0]?.id).toBe('path-inspection')
  })
})
