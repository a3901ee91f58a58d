/** From the bytes a command produced to its output as the user wants it, and whether the device refused it. */
import { cleanTerminalText } from '../../shared/devices/clean'

/** The command's output without its echo line and the final prompt. */
export function extractOutput(raw: string, command: string, endsWithPrompt: boolean, cleaned = false): string {
  const lines = (cleaned ? raw : cleanTerminalText(raw)).split('\n')
  if (endsWithPrompt) lines.pop()
  const echoAt = lines.slice(0, 3).findIndex((line) => line.trimEnd().endsWith(command.trim()))
  if (echoAt >= 0) lines.splice(0, echoAt + 1)
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop()
  while (lines.length && lines[0].trim() === '') lines.shift()
  return lines.length ? `${lines.join('\n')}\n` : ''
}

/** The first output line that matches one of the platform's failure texts. */
export function findFailure(output: string, patterns: RegExp[]): string | null {
  for (const re of patterns) {
    const m = re.exec(output)
    if (!m) continue
    const start = output.lastIndexOf('\n', m.index) + 1
    const end = output.indexOf('\n', m.index)
    return output.slice(start, end < 0 ? undefined : end).trim()
  }
  return null
}
