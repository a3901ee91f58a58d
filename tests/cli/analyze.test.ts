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

// ---------------------------------------------------------------------------------------------------------------
// Issue 13: which side, which keyword, which policy, which platform — through `unmask analyze --json`, on real public
// captures (tests/fixtures/real-networks/README.md states the diagnosis each must give) and on counter-examples.

const REAL = join(__dirname, '..', 'fixtures', 'real-networks')
const scratch = mkdtempSync(join(tmpdir(), 'unmask-analyze-13-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let scratchCount = 0
/** Writes an inline text to a file so it goes through the CLI exactly as a user's file would. */
function textFile(text: string, name = `input-${++scratchCount}.txt`): string {
  const file = join(scratch, name)
  writeFileSync(file, text)
  return file
}

async function analyzeArgs(...args: string[]): Promise<Analysis> {
  const r = await run(['analyze', '--json', ...args])
  expect(r.err).toBe('')
  const a = JSON.parse(r.out) as Analysis
  expect(r.code).toBe(problemFound(a) ? 1 : 0)
  return a
}
const real = (name: string) => analyzeArgs(join(REAL, name))
const finding = (a: Analysis, id: string) => a.findings.find((f) => f.id === id)
const remedyIds = (a: Analysis) => a.remedies.map((r) => r.id)

const postfixPixLine = (n: number, host: string) =>
  `Nov 28 09:1${n}:01 mail postfix/smtp[22${n}1]: 4F3A21C012${n}: enabling PIX workarounds: disable_esmtp delay_dotcrlf for ${host}[192.0.2.2${n}]:25`

describe('real networks: ESMTP inspection and platforms', () => {
  it('Oxidized ASA 9.12 backup: default inspect esmtp on port 25; allow-tls with a map of our own', async () => {
    const a = await real('asa_9.12-4-67_asa5512_oxidized_backup.txt')
    expect(finding(a, 'asa.esmtp-inspection-active')?.params).toMatchObject({ ports: '25', map: '_default_esmtp_map' })
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
    expect(remedyIds(a)).toEqual(['asa.allow-tls-map', 'asa.no-inspect-esmtp'])
    const commands = a.remedies[0]!.commands.map((c) => c.command)
    expect(commands).toContain('policy-map type inspect esmtp UNMASK_ESMTP_TLS')
    expect(commands.join('\n')).not.toMatch(/policy-map type inspect esmtp _default_esmtp_map/)
    expect(ids(a)).not.toContain('pix.duplicate-header-bug')
  })

  it('FWSM 3.1(1) context: inspect smtp found, global policy still applies on outside, no 7.2(3) advice', async () => {
    const a = await real('fwsm_3.1-1_running-config_context_inspect_smtp_ziptie.txt')
    expect(a.facts.platform).toBe('fwsm')
    expect(finding(a, 'asa.esmtp-inspection-active')?.params).toMatchObject({ stillInspected: 'outside' })
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
    expect(ids(a)).not.toContain('pix.duplicate-header-bug')
    expect(remedyIds(a)).toEqual(['asa.no-inspect-esmtp'])
    expect(a.skipped).toEqual([{ id: 'asa.allow-tls-map', reasonKey: 'remedies.skipped.allowTlsFwsm' }])
    expect(a.remedies[0]!.commands.map((c) => c.command)).toContain('no inspect smtp')
  })

  it('FWSM show version in a context: platform and context mode, nothing else', async () => {
    const a = await real('fwsm_3.1-1_show_version_context_ziptie.txt')
    expect(a.facts).toMatchObject({ platform: 'fwsm', version: '3.1(1)', contextMode: 'multiple' })
    expect(a.causes).toEqual([])
  })

  it.each([
    'asa_multicontext_show_context_detail_genieparser.txt',
    'asa_syslog_session_class_tag_and_port25_acl_deny_dlai_notes.txt',
  ])('%s: no SMTP finding and no cause (counter-example)', async (name) => {
    const a = await real(name)
    expect(a.causes).toEqual([])
    expect(ids(a).filter((id) => !id.startsWith('device.'))).toEqual([])
  })
})

describe('real networks: failover pairs', () => {
  it('the standby unit (FW-HA/pri/stby#): standby finding, and a local fix is sent to the active unit', async () => {
    const standby = join(REAL, 'asav_9.23-1_show_failover_standby_prompt_labnotes.txt')
    expect(ids(await analyzeArgs(standby))).toEqual(['device.failover-standby'])
    const config = textFile(
      'ASA Version 9.23(1)\nhostname FW-HA\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n',
    )
    const a = await analyzeArgs(standby, config)
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
    expect(remedyIds(a)[0]).toBe('advice.failover-active')
  })

  it.each([
    'asa_8.6-1-2_show_failover_active_mate_failed_ntc.txt',
    'asa_7.2-0-55_asa5505_show_failover_active_ntc.txt',
    'asa_7.0-0-79_show_failover_active_active_contexts_ntc.txt',
    'asa_9.6-4-5_firepower_show_failover_secondary_active_ntc.txt',
    'asa_9.12-4-37_show_failover_primary_active_ntc.txt',
    'asa_9.12-2_asav_show_failover_mate_unknown_genieparser.txt',
    'asav_9.23-1_show_failover_secondary_active_prompt_labnotes.txt',
  ])('%s: active (or secondary-active) unit, so no standby finding', async (name) => {
    const a = await real(name)
    expect(a.facts.failover).toBe(true)
    expect(ids(a)).not.toContain('device.failover-standby')
    expect(a.causes).toEqual([])
  })
})

describe('which side (local egress or remote)', () => {
  it('Gmail bounce quoting "XXXXXXXX" (state 8), doubled code: command masking on the recipient side', async () => {
    const a = await real('gmail_ndr_command_unrecognized_xxxxxxxx_state8_perfectmail.txt')
    expect(finding(a, 'smtp.command-masked')?.params).toMatchObject({ masked: 'XXXXXXXX' })
    expect(a.causes[0]).toMatchObject({ id: 'remote-inspection', side: 'remote' })
    expect(a.causes[0]!.params).toMatchObject({ destinations: 'domain.com', count: '1' })
  })

  it.each([
    ['without (state N)', 'The error that the other server returned was: 500 5.5.1 Command unrecognized: "XXXXXXXX".'],
    [
      'state 9',
      'The error that the other server returned was: 500 500 5.5.1 Command unrecognized: "XXXXXXXX" (state 9).',
    ],
  ])('NDR wording %s is command masking', async (_label, line) => {
    const ndr = `Delivery to the following recipient failed permanently:\n\n     user@example.org\n\nTechnical details of permanent failure:\nGoogle tried to deliver your message, but it was rejected by the recipient domain.\n${line}\n`
    expect(ids(await analyzeArgs(textFile(ndr)))).toContain('smtp.command-masked')
  })

  it('counter-example: a bounce quoting a real command name is not masking', async () => {
    const ndr =
      'Delivery to the following recipient failed permanently:\n\n     user@example.org\n\nTechnical details of permanent failure:\nThe error that the other server returned was: 500 5.5.1 Command unrecognized: "BDAT 1024 LAST" (state 13).\n'
    expect(ids(await analyzeArgs(textFile(ndr)))).not.toContain('smtp.command-masked')
  })

  it('masking on deliveries to Google and Microsoft 365: our own egress firewall, not the partners', async () => {
    const log = [
      postfixPixLine(1, 'gmail-smtp-in.l.google.com'),
      postfixPixLine(2, 'example-com.mail.protection.outlook.com'),
    ].join('\n')
    const a = await analyzeArgs(textFile(`${log}\n`))
    expect(a.causes[0]).toMatchObject({ id: 'local-egress-inspection', side: 'local' })
    expect(a.causes[0]!.params.providers).toBe('Google, Microsoft 365')
    expect(remedyIds(a)).toEqual(['advice.local-egress'])
  })

  it('masking on deliveries to three unrelated organisations: local egress too', async () => {
    const log = ['mx.alpha.example', 'mail.beta.example', 'smtp.gamma.example'].map((h, i) => postfixPixLine(i, h))
    const a = await analyzeArgs(textFile(`${log.join('\n')}\n`))
    expect(a.causes[0]).toMatchObject({ id: 'local-egress-inspection' })
    expect(a.causes[0]!.params.count).toBe('3')
  })

  it('counter-examples: one partner is the remote side; a clean local firewall keeps it remote', async () => {
    const one = await analyzeArgs(textFile(`${postfixPixLine(1, 'mx.partner.example')}\n`))
    expect(one.causes[0]).toMatchObject({ id: 'remote-inspection', side: 'remote' })
    const two = ['mx.partner.example', 'mx2.partner.example'].map((h, i) => postfixPixLine(i, h)).join('\n')
    expect(causeIds(await analyzeArgs(textFile(`${two}\n`)))).toEqual(['remote-inspection'])
    const clean = textFile(
      'ASA Version 9.8(4)\nhostname fw\npolicy-map global_policy\n class inspection_default\n  inspect ftp\nservice-policy global_policy global\n',
    )
    const google = textFile(`${postfixPixLine(1, 'gmail-smtp-in.l.google.com')}\n`)
    // Google runs no PIX/ASA and our firewall is clean: some other box on our path, side unknown.
    expect(causeIds(await analyzeArgs(clean, google))).toEqual(['path-inspection'])
  })
})

/** Debian Postfix 3.x EHLO order (observed from tests/support/postfix.ts), without TLS, straight and masked. */
const POSTFIX_NO_TLS_DIRECT =
  'S: 220 mx.postfix.test ESMTP Postfix\nC: EHLO probe.test\nS: 250-mx.postfix.test\nS: 250-PIPELINING\nS: 250-SIZE 10240000\nS: 250-VRFY\nS: 250-ETRN\nS: 250-ENHANCEDSTATUSCODES\nS: 250-8BITMIME\nS: 250-DSN\nS: 250-SMTPUTF8\nS: 250 CHUNKING\n'
const POSTFIX_NO_TLS_THROUGH =
  'S: 220 ***************************\nC: EHLO probe.test\nS: 250-mx.postfix.test\nS: 250-PIPELINING\nS: 250-SIZE 10240000\nS: 250-XXXA\nS: 250-ETRN\nS: 250-ENHANCEDSTATUSCODES\nS: 250-8BITMIME\nS: 250-DSN\nS: 250-XXXXXXXB\nS: 250 XXXXXXXC\n'

describe('which keyword a mask hides', () => {
  it('Exchange 2003 behind an ASA (real capture): TURN, CHUNKING, VRFY… by the running letter and order; no STARTTLS', async () => {
    const a = await real('exchange2003_behind_asa_masked_ehlo_running_letter_pgt.txt')
    expect(ids(a)).not.toContain('smtp.starttls-masked')
    expect(finding(a, 'smtp.keyword-masked')?.params?.keywords).toMatch(
      /^XXXA=TURN, XXXXXXXB=CHUNKING, XXXC=VRFY, .*XXXXXXXXXXXG=X-LINK2STATE, XXXXXXH=XEXCH50$/,
    )
    expect(causeIds(a)).toEqual(['server-no-starttls', 'path-inspection'])
  })

  it('Postfix without TLS behind the path: the 8-letter masks are SMTPUTF8 and CHUNKING, not STARTTLS', async () => {
    const a = await analyzeArgs(textFile(POSTFIX_NO_TLS_THROUGH))
    expect(ids(a)).not.toContain('smtp.starttls-masked')
    expect(finding(a, 'smtp.keyword-masked')?.params?.keywords).toBe('XXXA=VRFY, XXXXXXXB=SMTPUTF8, XXXXXXXC=CHUNKING')
    expect(a.causes[0]).toMatchObject({ id: 'server-no-starttls' })
    expect(remedyIds(a)).not.toContain('asa.no-inspect-esmtp')
  })

  it('counter-example: a Postfix that offers TLS masks STARTTLS as XXXXXXXB (after VRFY), at 90 %', async () => {
    const text = POSTFIX_NO_TLS_THROUGH.replace('S: 250-ETRN\n', 'S: 250-ETRN\nS: 250-XXXXXXXB\n').replace(
      '250-XXXXXXXB\nS: 250 XXXXXXXC',
      '250-XXXXXXXC\nS: 250 XXXXXXXD',
    )
    const a = await analyzeArgs(textFile(text))
    expect(finding(a, 'smtp.starttls-masked')).toMatchObject({
      confidence: 0.9,
      params: { masked: 'XXXXXXXB', basis: 'order' },
    })
  })

  it('unknown software, two 8-letter masks: STARTTLS only possible, confidence lowered, candidates named', async () => {
    const text = 'S: 220 mail.example ESMTP\nC: EHLO x\nS: 250-mail.example\nS: 250-XXXXXXXA\nS: 250 XXXXXXXB\n'
    const f = finding(await analyzeArgs(textFile(text)), 'smtp.starttls-masked')
    expect(f?.confidence).toBeLessThan(0.9)
    expect(String(f?.params?.candidates)).toContain('SMTPUTF8')
  })
})

describe('unmask analyze --direct FILE --through FILE', () => {
  it('the direct view names each mask (basis: direct) and the comparison finds the rewrite', async () => {
    const a = await analyzeArgs(
      '--direct',
      textFile(POSTFIX_NO_TLS_DIRECT),
      '--through',
      textFile(POSTFIX_NO_TLS_THROUGH),
    )
    expect(finding(a, 'smtp.keyword-masked')?.params).toMatchObject({
      keywords: 'XXXA=VRFY, XXXXXXXB=SMTPUTF8, XXXXXXXC=CHUNKING',
      basis: 'direct',
    })
    expect(ids(a)).not.toContain('smtp.starttls-masked')
    expect(finding(a, 'smtp.path-differs')?.params?.left).toMatch(/^direct:/)
    expect(a.causes[0]!.id).toBe('server-no-starttls')
  })

  it('a gateway that deletes the STARTTLS line: only the comparison shows it, and it is named', async () => {
    const direct =
      'S: 220 mx.example ESMTP Postfix\nC: EHLO x\nS: 250-mx.example\nS: 250-PIPELINING\nS: 250-STARTTLS\nS: 250 8BITMIME\n'
    const through = 'S: 220 mx.example ESMTP Postfix\nC: EHLO x\nS: 250-mx.example\nS: 250 8BITMIME\n'
    const a = await analyzeArgs('--direct', textFile(direct), '--through', textFile(through))
    expect(finding(a, 'smtp.starttls-deleted')?.params).toMatchObject({ removed: 'PIPELINING, STARTTLS' })
    expect(causeIds(a)[0]).toBe('gateway-deletes-starttls')
    // The same "through" transcript alone cannot show it: a server without STARTTLS looks the same.
    const alone = await analyzeArgs(textFile(through))
    expect(ids(alone)).not.toContain('smtp.starttls-deleted')
    expect(causeIds(alone)).toEqual(['server-no-starttls'])
  })

  it('counter-example: the same reply from both vantages shows no difference and no deletion', async () => {
    const a = await analyzeArgs(
      '--direct',
      textFile(POSTFIX_NO_TLS_DIRECT),
      '--through',
      textFile(POSTFIX_NO_TLS_DIRECT),
    )
    expect(ids(a)).not.toContain('smtp.path-differs')
    expect(ids(a)).not.toContain('smtp.starttls-deleted')
  })

  it('exits 2 with a clear message when only one vantage is given, or nothing at all', async () => {
    const one = await run(['analyze', '--direct', textFile(POSTFIX_NO_TLS_DIRECT)])
    expect(one.code).toBe(2)
    expect(one.err).toContain('--direct and --through go together')
    const none = await run(['analyze', '--json'])
    expect(none.code).toBe(2)
    const ko = await run(['analyze', '--lang', 'ko', '--through', textFile(POSTFIX_NO_TLS_DIRECT)])
    expect(ko.code).toBe(2)
    expect(ko.err).toContain('함께')
  })
})

/**
 * `show running-config all` prints the system default map and names it on the inspect line; the default map's
 * lines are those of the ASA 9.x configuration guide (pix-asa-smtp-inspection.md §1.2, CFG9).
 */
const SHOW_RUN_ALL = `ASA Version 9.8(4)10
hostname fw
class-map inspection_default
 match default-inspection-traffic
policy-map type inspect esmtp _default_esmtp_map
 description Default ESMTP policy-map
 parameters
  mask-banner
  no mail-relay
  no special-character
  no allow-tls
 match cmd line length gt 512
  drop-connection log
 match ehlo-reply-parameter others
  mask
policy-map global_policy
 class inspection_default
  inspect esmtp _default_esmtp_map
service-policy global_policy global
`
const SHOW_RUN = `ASA Version 9.8(4)10
hostname fw
class-map inspection_default
 match default-inspection-traffic
policy-map global_policy
 class inspection_default
  inspect esmtp
service-policy global_policy global
`

describe('which policy applies (the effective inspection model)', () => {
  it('show running-config all gives the same verdict, confidence and plan as show running-config', async () => {
    const all = await analyzeArgs(textFile(SHOW_RUN_ALL, 'run-all.txt'))
    const plain = await analyzeArgs(textFile(SHOW_RUN, 'run-plain.txt'))
    const strip = (a: Analysis) => ({
      findings: a.findings.map((f) => [f.id, f.confidence, f.params]),
      causes: a.causes.map((c) => [c.id, c.confidence, c.params, c.remedies]),
      remedies: a.remedies.map((r) => ({ ...r, target: null })),
      skipped: a.skipped,
    })
    expect(strip(all)).toEqual(strip(plain))
    expect(all.remedies.flatMap((r) => r.commands.map((c) => c.command))).not.toContain(
      'policy-map type inspect esmtp _default_esmtp_map',
    )
  })

  it('per feature: an interface policy that inspects ESMTP with allow-tls replaces the global one only there', async () => {
    const config = `${SHOW_RUN}policy-map type inspect esmtp TLS_OK
 parameters
  allow-tls action log
policy-map OUTSIDE_POLICY
 class inspection_default
  inspect esmtp TLS_OK
service-policy OUTSIDE_POLICY interface outside
`
    const a = await analyzeArgs(textFile(config))
    expect(a.inspection.applications.find((x) => x.policy === 'global_policy')?.overriddenOn).toEqual(['outside'])
    expect(ids(a)).toContain('asa.esmtp-inspection-allow-tls')
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
  })

  it('counter-example: an interface policy doing something else leaves the global ESMTP inspection in force', async () => {
    const config = `${SHOW_RUN}policy-map DMZ_POLICY
 class inspection_default
  set connection advanced-options tcp-state-bypass
service-policy DMZ_POLICY interface dmz
`
    const a = await analyzeArgs(textFile(config))
    expect(finding(a, 'asa.esmtp-inspection-active')?.params).toMatchObject({ stillInspected: 'dmz' })
  })

  it('a policy-map that no service-policy attaches inspects nothing', async () => {
    const config = SHOW_RUN.replace('policy-map global_policy', 'policy-map UNUSED')
    const a = await analyzeArgs(textFile(config))
    expect(ids(a)).not.toContain('asa.esmtp-inspection-active')
    expect(a.inspection.unattached.map((u) => u.policy)).toEqual(['UNUSED'])
  })

  it('a map named in show service-policy but not defined is "unknown", not the default map', async () => {
    const counters =
      'fw# show service-policy inspect esmtp\n\nGlobal policy:\n  Service-policy: global_policy\n    Class-map: inspection_default\n      Inspect: esmtp MAIL_MAP, packet 120, lock fail 0, drop 0, reset-drop 0, 5-min-pkt-rate 0 pkts/sec, v6-fail-close 0 sctp-drop-override 0\n'
    const a = await analyzeArgs(textFile(counters))
    expect(ids(a)).toEqual(['asa.esmtp-map-unknown'])
    expect(a.causes.map((c) => [c.id, c.confidence])).toEqual([['local-esmtp-map-unknown', 0.5]])
    // Nothing edits a map we have not seen; removing the inspection line is still possible.
    expect(remedyIds(a)).toEqual(['asa.no-inspect-esmtp'])
    expect(a.skipped.map((s) => s.id)).toContain('asa.allow-tls-map')
  })

  it('verdicts name their port: a clean probe on 587 says nothing about 25', async () => {
    const submission =
      '=== Trying mail.example:587...\n=== Connected to mail.example.\n<-  220 mail.example ESMTP\n -> EHLO x\n<-  250-mail.example\n<-  250 STARTTLS\n -> STARTTLS\n<-  220 2.0.0 Ready to start TLS\n=== TLS started with cipher TLS_AES_256_GCM_SHA384\n'
    const a = await analyzeArgs(textFile(SHOW_RUN), textFile(submission))
    expect(finding(a, 'smtp.tls-ok')?.params?.port).toBe('587')
    expect(a.causes[0]).toMatchObject({ id: 'local-esmtp-inspection', params: { ports: '25' } })
  })

  it('a custom class on port 2525 names that port', async () => {
    const config = `ASA Version 9.8(4)10
hostname fw
class-map MAIL_2525
 match port tcp eq 2525
policy-map global_policy
 class MAIL_2525
  inspect esmtp
service-policy global_policy global
`
    const a = await analyzeArgs(textFile(config))
    expect(finding(a, 'asa.esmtp-inspection-active')?.params).toMatchObject({ ports: '2525', class: 'MAIL_2525' })
  })
})

describe('which platform', () => {
  const config = (header: string) =>
    `${header}\nhostname fw\npolicy-map global_policy\n class inspection_default\n  inspect esmtp\nservice-policy global_policy global\n`

  it('PIX before 7.2(3): the documented duplicate-header bug; ASA before 7.2(3): a lower-confidence inference', async () => {
    const pix = await analyzeArgs(textFile(config('PIX Version 7.2(2)')))
    const asa = await analyzeArgs(textFile(config('ASA Version 7.2(2)')))
    const pixBug = finding(pix, 'pix.duplicate-header-bug')!
    const asaBug = finding(asa, 'pix.duplicate-header-bug')!
    expect(pixBug.params?.basis).toBe('documented')
    expect(asaBug.params?.basis).toBe('inferred')
    expect(asaBug.confidence).toBeLessThan(pixBug.confidence)
    // Counter-example: 7.2(3) has neither the bug nor the upgrade advice.
    const fixed = await analyzeArgs(textFile(config('ASA Version 7.2(3)')))
    expect(ids(fixed)).not.toContain('pix.duplicate-header-bug')
    expect(remedyIds(fixed)).toContain('asa.allow-tls-map')
  })

  it('FWSM 4.x: no 7.2(3) threshold, no duplicate-header bug, no upgrade advice', async () => {
    const a = await analyzeArgs(textFile(config('FWSM Version 4.1(5)')))
    expect(causeIds(a)).toEqual(['local-esmtp-inspection'])
    expect(ids(a)).not.toContain('pix.duplicate-header-bug')
    expect(remedyIds(a)).not.toContain('advice.upgrade')
    expect(a.skipped.map((s) => s.reasonKey)).toEqual(['remedies.skipped.allowTlsFwsm'])
  })

  it('PIX 506E cannot run 7.x: replacement, never "upgrade to 7.2(3)"', async () => {
    const version = textFile(
      'pix# show version\n\nCisco PIX Firewall Version 6.3(5)\n\nHardware:   PIX-506E, 32 MB RAM, CPU Pentium II 300 MHz\npix# show running-config\nPIX Version 6.3(5)\nhostname pix\nfixup protocol smtp 25\npix# ',
    )
    const a = await analyzeArgs(version)
    expect(ids(a)).toContain('pix.no-7x-hardware')
    expect(remedyIds(a)).toContain('advice.replace-pix')
    expect(remedyIds(a)).not.toContain('advice.upgrade')
    // Counter-example: a PIX 515E can run 7.x, so the upgrade advice stays.
    const bigger = await analyzeArgs(
      textFile(
        'pix# show version\n\nCisco PIX Firewall Version 6.3(5)\n\nHardware:   PIX-515E, 64 MB RAM, CPU Pentium II 433 MHz\npix# show running-config\nPIX Version 6.3(5)\nhostname pix\nfixup protocol smtp 25\npix# ',
      ),
    )
    expect(remedyIds(bigger)).toContain('advice.upgrade')
    expect(ids(bigger)).not.toContain('pix.no-7x-hardware')
  })
})

describe('the text report says which side', () => {
  it('local egress in English, remote in Korean', async () => {
    const google = textFile(`${postfixPixLine(1, 'gmail-smtp-in.l.google.com')}\n`)
    const en = await run(['analyze', google])
    expect(en.out).toContain('Side: your own network')
    const partner = textFile(`${postfixPixLine(1, 'mx.partner.example')}\n`)
    const ko = await run(['analyze', '--lang', 'ko', partner])
    expect(ko.out).toContain('위치: 상대 기관 쪽 네트워크.')
    expect(ko.out).not.toContain('findings.report')
  })
})
