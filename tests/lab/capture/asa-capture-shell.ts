/** Driving the lab ASA's capture commands over SSH, and one SMTP conversation through the lab's inspection path. */
import type { Lab } from '../../../src/lab'
import { readAsaDump } from '../../../src/shared/capture/asa-dump'
import { transcriptsOf } from '../../../src/shared/capture/read'
import type { CaptureReading } from '../../../src/shared/capture/types'
import type { TranscriptLine } from '../../../src/shared/evidence/types'
import { type Closable, sendMail } from '../helpers/lab-fixture'
import { LineClient } from '../helpers/line-client'
import { ShellClient } from '../helpers/ssh-shell'

export const PROMPT = 'ciscoasa# '

/** `enable` with its password, up to the privileged prompt. */
export async function enable(shell: ShellClient, secret: string, prompt: string): Promise<void> {
  shell.send('enable\r')
  await shell.waitFor('Password: ')
  shell.send(`${secret}\r`)
  await shell.waitFor(prompt)
}

/** Logged in, enabled, no paging; `host` is the prompt's name part (`ciscoasa/admin` in a context). */
export async function privileged(
  lab: Lab,
  track: <T extends Closable>(c: T) => T,
  host = 'ciscoasa',
): Promise<ShellClient> {
  const { shell } = await ShellClient.open(lab.management!.port, 'admin', 'lab-admin')
  track(shell)
  await shell.waitFor(`${host}> `)
  await enable(shell, 'lab-enable', `${host}# `)
  await shell.run('terminal pager 0', `${host}# `)
  return shell
}

/** The command's output without its echo and the prompt after it. */
export async function cli(shell: ShellClient, line: string): Promise<string> {
  const raw = await shell.run(line, PROMPT, 10_000)
  const lines = raw.replace(/\r/g, '').split('\n')
  return lines.slice(1, -1).join('\n')
}

/** Banner, EHLO, STARTTLS (refused or not), one mail, QUIT; resolves once the server has closed. */
export async function mailThrough(port: number): Promise<void> {
  const c = await LineClient.open(port)
  try {
    await c.reply()
    await c.command('EHLO client.example')
    const tls = await c.command('STARTTLS')
    if (tls.code === 220) throw new Error('this helper expects STARTTLS to be refused')
    await sendMail(c, 'Subject: capture test')
    c.send('QUIT\r\n')
    await c.closedByPeer()
  } finally {
    c.close()
  }
}

type Run = (shell: ShellClient, line: string) => Promise<string>

/** Creates the captures (`NAME: rest of the capture line`), sends one mail through `port`, waits for `waitOn`. */
export async function captureOneMail(
  shell: ShellClient,
  port: number,
  captures: Record<string, string>,
  waitOn = Object.keys(captures)[0]!,
  run: Run = cli,
): Promise<void> {
  for (const [name, rest] of Object.entries(captures)) {
    const answer = await run(shell, `capture ${name} ${rest}`)
    if (answer !== '') throw new Error(`capture ${name} ${rest}: ${answer}`)
  }
  await mailThrough(port)
  await untilClosed(shell, waitOn, run)
}

export async function removeCaptures(shell: ShellClient, names: string[], run: Run = cli): Promise<void> {
  for (const name of names) await run(shell, `no capture ${name}`)
}

/** Waits until `show capture NAME` shows a FIN from each side (both closes reached the capture). */
export async function untilClosed(shell: ShellClient, name: string, run: Run = cli): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const text = await run(shell, `show capture ${name}`)
    if ((text.match(/: F(P)? /g) ?? []).length >= 2) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no FIN from both sides in capture ${name}`)
}

export function readDump(text: string): CaptureReading {
  return transcriptsOf(readAsaDump(text))
}

export function smtpLines(r: CaptureReading, direction: 'client' | 'server'): string[] {
  return r.transcripts.flatMap((t) => t.lines.filter((l) => l.direction === direction).map((l) => l.text))
}

/** The first connection's lines numbered as the comparison wants them. */
export function numbered(r: CaptureReading): TranscriptLine[] {
  return (r.transcripts[0]?.lines ?? []).map((l, i) => ({ direction: l.direction, text: l.text, line: i + 1 }))
}
