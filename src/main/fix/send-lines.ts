/**
 * Types a plan's lines one at a time. Before each line the prompt must show that line's CLI mode (a line typed in
 * the wrong mode can mean something else entirely); the driver sends a line only after the previous one echoed and
 * the prompt came back. The first refusal, wrong mode, timeout or lost connection stops the run.
 */
import type { ParsedPrompt } from '../../shared/devices'
import type { CliMode, CommandLine } from '../../shared/remedies/types'
import type { DeviceDriver } from '../device/driver'
import { DriverError } from '../device/driver-types'
import type { SentLine } from './types'

export type StopReason =
  | { kind: 'error'; index: number; text: string }
  | { kind: 'mode'; index: number; expected: CliMode; prompt: string }
  | { kind: 'lost'; index: number; text: string }

export interface LineRun {
  sent: SentLine[]
  stop: StopReason | null
}

/** Whether the prompt is in the mode a line was written for: `enable` is `host#`, the rest the word in brackets. */
export function promptInMode(prompt: ParsedPrompt | null, mode: CliMode): boolean {
  if (!prompt) return false
  if (mode === 'enable') return prompt.mode === 'enable'
  if (mode === 'flexconfig') return false
  return prompt.configMode === mode
}

export async function sendLines(
  driver: DeviceDriver,
  lines: readonly CommandLine[],
  onLine: (line: SentLine) => void = () => {},
): Promise<LineRun> {
  const sent: SentLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const index = i + 1
    const before = driver.prompt
    if (!promptInMode(before, line.mode)) {
      return { sent, stop: { kind: 'mode', index, expected: line.mode, prompt: before?.text ?? '' } }
    }
    const startedAt = new Date().toISOString()
    try {
      const r = await driver.run(line.command)
      const lost = r.failed && (r.failureText === 'timeout' || r.failureText === 'output-limit')
      const entry: SentLine = {
        index,
        mode: line.mode,
        command: line.command,
        promptBefore: before!.text,
        promptAfter: lost ? null : (driver.prompt?.text ?? null),
        output: r.output,
        status: lost ? 'unknown' : r.failed ? 'error' : 'ok',
        failureText: r.failureText,
        startedAt: r.startedAt,
        elapsedMs: r.elapsedMs,
      }
      sent.push(entry)
      onLine(entry)
      if (lost) return { sent, stop: { kind: 'lost', index, text: r.failureText ?? 'timeout' } }
      if (r.failed) return { sent, stop: { kind: 'error', index, text: r.failureText ?? '' } }
    } catch (error) {
      if (!(error instanceof DriverError)) throw error
      // The line may or may not have reached the device: its state is unknown, never assumed.
      const entry: SentLine = {
        index,
        mode: line.mode,
        command: line.command,
        promptBefore: before!.text,
        promptAfter: null,
        output: '',
        status: 'unknown',
        failureText: error.code,
        startedAt,
        elapsedMs: Date.now() - Date.parse(startedAt),
      }
      sent.push(entry)
      onLine(entry)
      return { sent, stop: { kind: 'lost', index, text: error.code } }
    }
  }
  return { sent, stop: null }
}

/** After a stop: back to privileged EXEC without touching configuration (`end`, or `exit` on PIX 6.x). */
export async function leaveConfigMode(driver: DeviceDriver): Promise<string[]> {
  const typed: string[] = []
  const navigation = driver.profile.id === 'pix6' ? 'exit' : 'end'
  for (let i = 0; i < 4; i++) {
    const p = driver.prompt
    if (!p || (p.mode !== 'config' && p.mode !== 'config-sub')) break
    typed.push(navigation)
    const r = await driver.run(navigation)
    if (r.failed) break
  }
  return typed
}
