/**
 * What `unmask diagnose` needs around the run: a hidden password prompt on a terminal, the device session (host
 * keys asked about through --accept-new-host-key, the session log fed with every byte), and the report file.
 */
import { writeFileSync } from 'node:fs'
import type { CaseHandle } from '../../main/cases/case-store'
import type { SessionLog } from '../../main/device/session-log'
import { type DeviceLink, openDeviceLink } from '../../main/fix/device-link'
import { renderCaseReport, writeCaseReport } from '../../main/report/export-report'
import { findChromium } from '../../main/report/find-chromium'
import { createChromiumPrinter } from '../../main/report/pdf-chromium'
import { knownHostsFile } from '../../main/sessions/open-channel'
import { TransportError } from '../../main/transports/channel'
import { connectTarget } from '../../main/transports/connect-target'
import { HostKeyTrust } from '../../main/transports/host-key-trust'
import { describeTarget, type Target } from '../../main/transports/target'
import { type CliContext, ConnectError, UsageError } from '../io'
import type { DiagnoseOptions } from './diagnose-options'
import { checkWritable } from './report-run'

/** Reads a line from the terminal without echoing it (raw mode); Ctrl-C gives up. */
export function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin
  return new Promise((resolve, reject) => {
    let value = ''
    const done = (): void => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done()
          resolve(value)
          return
        }
        if (ch === '\u0003') {
          done()
          reject(new UsageError(prompt.trim()))
          return
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else value += ch
      }
    }
    // Echo off before the prompt shows, so an answer typed the moment it appears is not echoed either.
    stdin.setRawMode(true)
    process.stderr.write(prompt)
    stdin.resume()
    stdin.on('data', onData)
  })
}

export async function connect(
  target: Exclude<Target, { kind: 'serial' }>,
  opts: DiagnoseOptions,
  secrets: { password?: string; secret?: string; home: string; log: SessionLog },
  ctx: CliContext,
): Promise<DeviceLink> {
  const { t, io } = ctx
  const device = describeTarget(target)
  const trust = new HostKeyTrust({ storeFile: knownHostsFile(secrets.home) })
  let seen = ''
  try {
    return await openDeviceLink({
      connect: () =>
        connectTarget({
          target,
          credentials: { password: secrets.password },
          trust,
          legacy: opts.legacy,
          connectTimeoutMs: 20_000,
          askHostKey: async (info) => {
            seen = `${info.keyType} ${info.fingerprint}`
            if (opts.acceptNewHostKey) io.out(`${t('fix.diagnose.hostKeyAccepted', { fingerprint: seen })}\n`)
            return opts.acceptNewHostKey === true
          },
        }),
      credentials: { username: target.username, password: secrets.password, secret: secrets.secret },
      driver: { onTraffic: (event) => secrets.log.record(event) },
    })
  } catch (error) {
    if (error instanceof TransportError && (error.code === 'hostKeyUnknown' || error.code === 'hostKeyRejected'))
      throw new ConnectError(t('fix.diagnose.errors.hostKeyUnknown', { device, fingerprint: seen }))
    const message = error instanceof Error ? error.message : String(error)
    throw new ConnectError(t('fix.diagnose.errors.connect', { device, message }))
  }
}

export async function writeReport(
  opts: DiagnoseOptions,
  handle: CaseHandle,
  home: string,
  ctx: CliContext,
): Promise<void> {
  if (!opts.report) return
  const { t, io } = ctx
  io.out(`\n${t('fix.diagnose.steps.header', { step: t('fix.diagnose.steps.report') })}\n`)
  const file = checkWritable(opts.report, ctx)
  const env = io.env
  const lang = ctx.lang
  const request = { home, caseRef: handle.dir, lang }
  if (!/\.pdf$/i.test(file)) {
    writeFileSync(file, renderCaseReport(request).html, { mode: 0o600 })
  } else {
    const browser = findChromium({ env })
    if (!browser.ok) {
      io.out(`${t('fix.diagnose.reportUnavailable')}\n`)
      return
    }
    const printer = createChromiumPrinter({ executablePath: browser.path })
    try {
      await writeCaseReport({ ...request, pdfPath: file, printer })
    } finally {
      await printer.close()
    }
  }
  io.out(`${t('fix.diagnose.reportWritten', { file })}\n`)
}
