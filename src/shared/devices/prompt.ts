/**
 * Prompt grammar. ASA, PIX and the FTD's diagnostic CLI: `host>`, `host#`, `host(config)#`,
 * `host/ctx#` (multiple context), `host/pri/act#` or `host/ctx/stby#` (failover, via the `prompt` command).
 * FTD's own CLI: `> `. Expert mode (Linux shell): `admin@firepower:~$`.
 */
import type { DeviceMode, FailoverTag, ParsedPrompt } from './types'

const ASA_PROMPT = /^([A-Za-z0-9][\w.-]{0,62})((?:\/[\w.-]+){0,4})(?:\(([\w-]+)\))?([>#])$/
const FTD_PROMPT = /^>$/
const EXPERT_PROMPT = /^([\w.-]+)@([\w.-]+):[^\s$#]*[$#]$/

/** Parses the last line of the screen as a prompt; null when it is not one. */
export function parsePrompt(line: string): ParsedPrompt | null {
  const text = line.replace(/\s+$/, '')
  if (FTD_PROMPT.test(text)) return { text, hostname: '', mode: 'ftd' }
  const expert = EXPERT_PROMPT.exec(text)
  if (expert) return { text, hostname: expert[2], mode: 'expert' }
  const m = ASA_PROMPT.exec(text)
  if (!m) return null
  const [, hostname, path, configMode, level] = m
  const segments = path.split('/').filter(Boolean)
  const failover: FailoverTag = {}
  const rest: string[] = []
  for (const segment of segments) {
    if (segment === 'pri' || segment === 'sec') failover.unit = segment
    else if (segment === 'act' || segment === 'stby') failover.state = segment
    else rest.push(segment)
  }
  if (rest.length > 1) return null
  let mode: DeviceMode = level === '>' ? 'user' : 'enable'
  if (configMode !== undefined) {
    if (level !== '#') return null
    mode = configMode === 'config' ? 'config' : 'config-sub'
  }
  const prompt: ParsedPrompt = { text, hostname, mode }
  if (rest[0]) prompt.context = rest[0]
  if (failover.unit || failover.state) prompt.failover = failover
  if (configMode) prompt.configMode = configMode
  return prompt
}

/** A prompt with what was typed after it (`fw/pri/act# show run` → the prompt `fw/pri/act#` and `show run`). */
export interface PromptLine {
  prompt: ParsedPrompt
  command: string
}

const PROMPT_AND_COMMAND = /^([A-Za-z0-9][\w.-]{0,62}(?:\/[\w.-]+){0,4}(?:\([\w-]+\))?[>#])(?:[ \t](.*))?$/
/** FTD's CLISH prompt only counts in front of a command it takes: a bare `> ` starts quoted mail too. */
const FTD_COMMAND = /^>[ \t]?((?:show|sh|system|expert|configure|ping|traceroute|packet-tracer|capture)\b.*)$/

/**
 * The same grammar for a line of pasted or logged output, where the prompt is followed by the command typed at it.
 * Used by the evidence parsers to split a pasted session; the live driver reads prompts with parsePrompt.
 */
export function parsePromptLine(line: string): PromptLine | null {
  // Most lines of a paste are not prompts: no `#`/`>` at all, or far too long.
  if (line.length > 512 || (!line.includes('#') && !line.includes('>'))) return null
  const text = line.trimEnd()
  const ftd = FTD_COMMAND.exec(text)
  if (ftd) return { prompt: { text: '>', hostname: '', mode: 'ftd' }, command: ftd[1]!.trim() }
  const m = PROMPT_AND_COMMAND.exec(text)
  const prompt = m ? parsePrompt(m[1]!) : null
  return prompt ? { prompt, command: (m![2] ?? '').trim() } : null
}

/** True if `line` is a prompt of the same device (same hostname) as `known`, in any mode. */
export function isSameDevicePrompt(line: string, known: ParsedPrompt): ParsedPrompt | null {
  const parsed = parsePrompt(line)
  if (!parsed) return null
  if (known.mode === 'ftd' || known.mode === 'expert') return parsed
  if (parsed.mode === 'ftd' || parsed.mode === 'expert') return parsed
  return parsed.hostname === known.hostname ? parsed : null
}
