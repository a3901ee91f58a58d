/**
 * `probe(target, options)`: one timed SMTP conversation (DNS, connect, banner, EHLO, STARTTLS, TLS, EHLO,
 * optional test message, QUIT) recorded line by line. It never throws and never hangs: every step has a
 * deadline, the whole probe has one, and the result says what happened and where it stopped.
 */

import type { Socket } from 'node:net'
import { formatHostPort, isIpLiteral, isIpv6, parseTarget } from '../../shared/probe/target'
import {
  DEFAULT_EHLO_NAME,
  DEFAULT_LIMITS,
  DEFAULT_TIMEOUTS,
  type ProbeError,
  type ProbeErrorCode,
  type ProbeOptions,
  type ProbeResult,
  type ProbeTarget,
  type ProbeTimeouts,
} from '../../shared/probe/types'
import { connectTcp } from './connect'
import { Conversation } from './conversation'
import { ProbeStop } from './probe-stop'
import { ProbeRecorder } from './recorder'
import { type ResolvedAddress, resolveHost } from './resolve'
import { SmtpChannel } from './smtp-channel'
import { isMailbox } from './test-message'

const EHLO_NAME = /^[\x21-\x7e]{1,255}$/

/** What only a caller in main can give: a way to cancel. */
export interface ProbeRunOptions extends ProbeOptions {
  signal?: AbortSignal
}

export async function probe(target: ProbeTarget, options: ProbeRunOptions = {}): Promise<ProbeResult> {
  const timeouts: ProbeTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const rec = new ProbeRecorder()
  const mode = target.mode ?? 'starttls'
  const ehloName = target.ehloName ?? DEFAULT_EHLO_NAME
  const result: ProbeResult = {
    version: 1,
    target: { host: target.host, port: target.port, mode, ehloName, vantage: target.vantage },
    startedAt: rec.startedAt,
    durationMs: 0,
    phases: rec.phases,
    transcript: rec.lines,
    outcome: 'completed',
  }
  const channel = new SmtpChannel(rec, limits)
  const deadline = performance.now() + timeouts.totalMs
  let stopReason: ProbeError | null = null
  const stop = (code: ProbeErrorCode, message: string) => {
    if (stopReason) return
    stopReason = { phase: rec.phase, code, message }
    channel.abort({ code: code === 'aborted' ? 'closed' : 'total-timeout', message })
    wakeStopped?.()
  }
  let wakeStopped: (() => void) | undefined
  const stopped = new Promise<void>((resolve) => {
    wakeStopped = resolve
  })
  const totalTimer = setTimeout(
    () => stop('total-timeout', `the probe took longer than ${timeouts.totalMs} ms`),
    timeouts.totalMs,
  )
  const onAbort = () => stop('aborted', 'the probe was cancelled')
  options.signal?.addEventListener('abort', onAbort)
  if (options.signal?.aborted) onAbort()

  /** Waits for a step unless the probe is stopped first; a late socket is closed so nothing leaks. */
  const step = async <T>(work: Promise<T>, release?: (value: T) => void): Promise<T> => {
    const winner = await Promise.race([work.then((value) => ({ value })), stopped.then(() => null)])
    if (stopReason) {
      if (winner) release?.(winner.value)
      else void work.then((late) => release?.(late))
      throw new ProbeStop(stopReason)
    }
    return (winner as { value: T }).value
  }

  // Every socket the probe opened (TCP, then TLS on it, which takes over the TCP handle): all are closed in
  // `finally`, so a stopped probe ends a pending handshake at once instead of at its own deadline.
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => void sockets.add(socket)
  try {
    const problem = targetProblem(target, ehloName, options)
    if (problem) throw new ProbeStop({ phase: 'dns', code: 'bad-target', message: problem })
    const endpoint = await resolveEndpoint(target, options, timeouts, rec, step)
    result.address = endpoint.address
    result.family = endpoint.family

    rec.begin('connect')
    const tcp = await step(connectTcp({ ...endpoint, port: target.port }, timeouts.connectMs), (o) => {
      if (o.ok) o.socket.destroy()
    })
    if (!tcp.ok) throw new ProbeStop({ phase: 'connect', code: tcp.code, message: tcp.message })
    rec.note('connected', { address: formatHostPort(endpoint.address, target.port) })
    track(tcp.socket)
    let socket = tcp.socket
    rec.end('ok')

    const conversation = new Conversation({
      target,
      options,
      timeouts,
      rec,
      channel,
      result,
      hostname: options.tls?.servername ?? target.host,
      remaining: () => deadline - performance.now(),
      step,
      track,
    })
    if (mode === 'implicit-tls') socket = await conversation.handshake(socket)
    channel.attach(socket)
    await conversation.run(mode)
  } catch (error) {
    result.outcome = 'failed'
    result.error =
      error instanceof ProbeStop
        ? (stopReason ?? error.error)
        : { phase: rec.phase, code: 'closed', message: error instanceof Error ? error.message : String(error) }
    rec.end('failed')
  } finally {
    clearTimeout(totalTimer)
    options.signal?.removeEventListener('abort', onAbort)
    channel.destroy()
    for (const socket of sockets) socket.destroy()
    rec.end('ok')
    result.durationMs = rec.elapsed()
  }
  return result
}

async function resolveEndpoint(
  target: ProbeTarget,
  options: ProbeOptions,
  timeouts: ProbeTimeouts,
  rec: ProbeRecorder,
  step: <T>(work: Promise<T>) => Promise<T>,
): Promise<ResolvedAddress> {
  const literal = target.address ?? (isIpLiteral(target.host) ? target.host : undefined)
  if (literal) return { address: literal, family: isIpv6(literal) ? 6 : 4 }
  rec.begin('dns')
  const found = await step(resolveHost(target.host, { servers: options.dnsServers, timeoutMs: timeouts.dnsMs }))
  if (!found.ok) throw new ProbeStop({ phase: 'dns', code: found.code, message: found.message })
  const first = found.value[0]
  if (!first) throw new ProbeStop({ phase: 'dns', code: 'dns-failed', message: `no address for ${target.host}` })
  rec.note('resolved', { addresses: found.value.map((a) => a.address).join(', ') })
  rec.end('ok')
  return first
}

function targetProblem(target: ProbeTarget, ehloName: string, options: ProbeOptions): string | null {
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) return `bad port: ${target.port}`
  if (!parseTarget(target.host).ok || target.host.includes(':') !== isIpv6(target.host))
    return `bad host: ${JSON.stringify(target.host)}`
  if (target.address && !isIpLiteral(target.address)) return `bad address: ${JSON.stringify(target.address)}`
  if (!EHLO_NAME.test(ehloName)) return `bad EHLO name: ${JSON.stringify(ehloName)}`
  const message = options.message
  if (message && !(isMailbox(message.from) && isMailbox(message.to)))
    return `bad test message addresses: ${JSON.stringify([message.from, message.to])}`
  return null
}
