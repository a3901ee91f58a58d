/**
 * Debian's tcpdump (apt package `tcpdump`) recording the test's own ports on the loopback interface only
 * (`-i lo`, a `tcp port N` filter), packet-buffered (`-U`) and in immediate mode (without it TPACKET_V3 holds frames in a block that may never
 * reach the file before the stop). Needs root.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { readFrames } from '../../../src/shared/capture/frames'
import { tcpSegment } from '../../../src/shared/capture/segments'

export const TCPDUMP = '/usr/bin/tcpdump'
export const hasTcpdump: boolean = existsSync(TCPDUMP) && process.getuid?.() === 0

export interface Recording {
  /**
   * Resolves once the file holds a FIN from both ends of a connection: on a loaded machine tcpdump may write the
   * last packets well after the conversation ended, and stopping it earlier loses them (a fixed pause did).
   */
  untilClosed(timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

/** Whether the pcap written so far holds FINs sent by two different endpoints. */
function finsFromBothEnds(file: string): boolean {
  if (!existsSync(file)) return false
  const reading = readFrames(readFileSync(file))
  const senders = new Set<string>()
  for (const frame of reading?.frames ?? []) {
    const s = tcpSegment(frame)
    if (s?.fin) senders.add(`${s.src}:${s.srcPort}`)
  }
  return senders.size >= 2
}

export async function recordLoopback(file: string, ports: readonly number[]): Promise<Recording> {
  const filter = ports.map((p) => `tcp port ${p}`).join(' or ')
  const child: ChildProcess = spawn(
    TCPDUMP,
    ['-i', 'lo', '--immediate-mode', '-U', '-s', '0', '-n', '-w', file, filter],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  // tcpdump says "listening on lo" on stderr once the filter is in place; nothing before that is recorded.
  await new Promise<void>((resolve, reject) => {
    let said = ''
    const timer = setTimeout(() => reject(new Error(`tcpdump did not start: ${said}`)), 10_000)
    child.stderr?.on('data', (d: Buffer) => {
      said += d.toString()
      if (said.includes('listening on')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`tcpdump exited (${code}): ${said}`))
    })
  })
  return {
    untilClosed: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      while (!finsFromBothEnds(file)) {
        if (Date.now() > deadline) throw new Error(`tcpdump wrote no FIN from both ends into ${file}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGINT')
      }),
  }
}
