/**
 * The one owner of host-key questions: an unknown SSH host key (never a changed one: that fails) is put to the user
 * through the `session.hostKey` event, answered with `session.hostKeyDecision`, and refused if nobody answers in
 * time. The terminal's sessions and the fix dialog's own connection both ask here, each under its own kind of id.
 */
import { randomUUID } from 'node:crypto'
import type { EventName, EventPayload } from '../../shared/api'
import type { HostKeyInfo } from '../transports/host-key-trust'

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Who asks: a terminal session or a remediation run (the dialog shows the question either way). */
export type HostKeyAsker = { sessionId: string } | { fixId: string }

export const HOST_KEY_QUESTION_TIMEOUT_MS = 5 * 60_000

export class HostKeyQuestions {
  private readonly pending = new Map<string, { resolve: (accept: boolean) => void; timer: NodeJS.Timeout }>()

  constructor(
    private readonly emit: Emit,
    private readonly timeoutMs = HOST_KEY_QUESTION_TIMEOUT_MS,
  ) {}

  ask(asker: HostKeyAsker, info: HostKeyInfo): Promise<boolean> {
    const requestId = randomUUID()
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.decide(requestId, false), this.timeoutMs)
      this.pending.set(requestId, { resolve, timer })
      this.emit('session.hostKey', { requestId, ...asker, ...info })
    })
  }

  /** The user's answer; an unknown or already answered request is ignored. */
  decide(requestId: string, accept: boolean): void {
    const question = this.pending.get(requestId)
    if (!question) return
    clearTimeout(question.timer)
    this.pending.delete(requestId)
    question.resolve(accept)
  }

  /** Refuses every open question (the app is closing). */
  refuseAll(): void {
    for (const requestId of [...this.pending.keys()]) this.decide(requestId, false)
  }

  get open(): number {
    return this.pending.size
  }
}
