/** Starts a lab scenario in a temp state folder for one test file and cleans everything up afterwards. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type Lab, startLab } from '../../../src/lab'
import { LineClient } from './line-client'

export interface Closable {
  close(): void
}

export function labPerFile(scenario: string): { lab: () => Lab; track: <T extends Closable>(c: T) => T } {
  const stateDir = mkdtempSync(join(tmpdir(), `unmask-lab-${scenario}-`))
  const open: Closable[] = []
  let lab: Lab | undefined
  beforeAll(async () => {
    lab = await startLab({ scenario, stateDir })
  })
  afterEach(() => {
    for (const c of open.splice(0)) c.close()
  })
  afterAll(async () => {
    await lab?.stop()
    rmSync(stateDir, { recursive: true, force: true })
  })
  return {
    lab: () => lab!,
    track: (c) => {
      open.push(c)
      return c
    },
  }
}

/** Banner, EHLO reply lines and the reply to STARTTLS, as a plain client sending whole lines sees them. */
export async function smtpGreeting(
  port: number,
  track: <T extends Closable>(c: T) => T,
): Promise<{ banner: string; ehlo: string[]; starttls: string; client: LineClient }> {
  const client = track(await LineClient.open(port))
  const banner = (await client.reply()).text
  const ehlo = (await client.command('EHLO probe.example')).lines
  const starttls = (await client.command('STARTTLS')).text
  return { banner, ehlo, starttls, client }
}

/** A whole message through `client` after the greeting; resolves with the final reply code, or 'reset'. */
export async function sendMail(client: LineClient, headers: string): Promise<number | 'reset'> {
  await client.command('MAIL FROM:<sender@example.org>')
  await client.command('RCPT TO:<user@lab.test>')
  const data = await client.command('DATA')
  if (data.code !== 354) return data.code
  client.send(`${headers}\r\n\r\nHello.\r\n.\r\n`)
  try {
    return (await client.reply(10_000)).code
  } catch (error) {
    if (client.reset || client.closed) return 'reset'
    throw error
  }
}
