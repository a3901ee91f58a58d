/**
 * `unmask audit` through the built binary (`npm run build` first): the table, NDJSON, CSV, --only-affected, the
 * summary, progress only when asked or on a terminal, and the exit codes (0 nothing affected, 1 affected, 2 usage).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { device, type FleetFile, writeMixedFleet } from '../../main/audit/fleet'

const REPO = join(__dirname, '..', '..', '..')
const BIN = join(REPO, 'bin', 'unmask.js')

function unmask(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...env },
    timeout: 60_000,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

let root: string
let fleetDir: string
let fleet: FleetFile[]
beforeAll(() => {
  expect(existsSync(join(REPO, 'out', 'main', 'cli.js')), 'run `npm run build` first').toBe(true)
  root = mkdtempSync(join(tmpdir(), 'unmask-audit-cli-'))
  fleetDir = join(root, 'fleet')
  fleet = writeMixedFleet(fleetDir)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('unmask audit (built CLI)', () => {
  it('prints a row per device with its proof and a summary; exit 1 when devices are affected', () => {
    const r = unmask(['audit', fleetDir])
    expect(r.code).toBe(1)
    for (const f of fleet) {
      if (!f.expected) continue
      const line = r.out.split('\n').find((l) => l.startsWith(`${f.expected!.hostname} `))
      expect(line, f.path).toBeDefined()
      expect(line).toContain(f.expected.state)
      expect(line).toMatch(new RegExp(`${f.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`))
    }
    expect(r.out).toContain('15 files, 9 devices, 5 affected')
    expect(r.out).toContain('ESMTP inspection: 5 active, 1 allow-tls, 2 off, 1 unknown')
    expect(r.out).toContain('pix.duplicate-header-bug: 2')
    expect(r.out).toMatch(/logo\.png: binary file/)
    expect(r.out).toMatch(/core-r1: not a PIX\/ASA\/FWSM\/FTD configuration/)
    // Piped standard error: no progress line.
    expect(r.err).toBe('')
  })

  it('--json: NDJSON rows then one summary line', () => {
    const r = unmask(['audit', '--json', '--jobs', '1', fleetDir])
    expect(r.code).toBe(1)
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; [k: string]: unknown })
    expect(lines.filter((l) => l.type === 'row')).toHaveLength(9)
    expect(lines.at(-1)).toMatchObject({ type: 'summary', devices: 9, affected: 5, byState: { active: 5 } })
    expect(lines.find((l) => l.hostname === 'pix6-mg')).toMatchObject({
      state: 'active',
      mailguard: true,
      bugs: ['pix.duplicate-header-bug'],
      remedy: 'pix.no-fixup-smtp',
      layout: 'rancid',
    })
  })

  it('--csv --only-affected: header plus affected rows on stdout, summary on stderr', () => {
    const r = unmask(['audit', '--csv', '--only-affected', fleetDir])
    expect(r.code).toBe(1)
    const lines = r.out.split('\r\n').filter(Boolean)
    expect(lines[0]).toMatch(/^hostname,platform,version,esmtp,/)
    expect(lines).toHaveLength(1 + 5)
    expect(lines.slice(1).every((l) => l.includes(',active,') && l.includes(',true,'))).toBe(true)
    expect(r.err).toContain('15 files, 9 devices, 5 affected')
  })

  it('a hostname written as a formula is neutralised in CSV', () => {
    const dir = join(root, 'evil')
    mkdirSync(dir)
    writeFileSync(join(dir, 'fw'), device('asa9-off', '=HYPERLINK').text)
    const r = unmask(['audit', '--csv', dir])
    expect(r.out.split('\r\n')[1]).toMatch(/^'=HYPERLINK,asa,/)
  })

  it('exit 0 when no device is affected', () => {
    const dir = join(root, 'clean')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a'), device('asa9-off', 'clean-a').text)
    writeFileSync(join(dir, 'b'), device('asa8-allow-tls', 'clean-b').text)
    const r = unmask(['audit', dir])
    expect(r.code).toBe(0)
    expect(r.out).toContain('2 files, 2 devices, 0 affected')
  })

  it('--progress draws one updating line on stderr (files done/total, rate, ETA)', () => {
    const r = unmask(['audit', '--progress', '--json', fleetDir])
    expect(r.err).toContain('\r\u001b[2K')
    expect(r.err).toMatch(/15\/15 files, [\d.]+\/s, ETA/)
    expect(r.err.includes('\n')).toBe(false)
    // The progress line never lands in the data.
    expect(r.out).not.toContain('\r')
  })

  it('--max-size: larger files are skipped and counted', () => {
    const r = unmask(['audit', '--json', '--max-size', '4000', fleetDir])
    const summary = JSON.parse(r.out.trimEnd().split('\n').at(-1)!)
    expect(summary.skipped['too-large']).toBeGreaterThan(0)
    expect(summary.files).toBe(15)
  })
})

describe('unmask audit usage errors (exit 2, translated)', () => {
  const cases: [string, string[], RegExp][] = [
    ['no path', ['audit'], /missing|argument/i],
    ['--jobs 0', ['audit', '--jobs', '0', '.'], /Invalid --jobs value "0"/],
    ['--jobs x', ['audit', '--jobs', 'x', '.'], /Invalid --jobs value "x"/],
    ['--max-size lots', ['audit', '--max-size', 'lots', '.'], /Invalid --max-size value "lots"/],
    ['both formats', ['audit', '--json', '--csv', '.'], /either --json or --csv/],
    ['missing path', ['audit', '/nonexistent/unmask-audit'], /Cannot audit \/nonexistent\/unmask-audit: ENOENT/],
  ]
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = unmask(args)
      expect(r.code).toBe(2)
      expect(r.err).toMatch(message)
      expect(r.out).toBe('')
    })
  }

  it('in Korean with --lang ko', () => {
    const r = unmask(['--lang', 'ko', 'audit', '--jobs', 'x', '.'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('--jobs 값 "x"')
  })
})
