/**
 * Runs operations one at a time in call order, and says when it is busy: from the moment an operation is
 * queued (the terminal must hold keystrokes typed in between) until the queue is empty.
 */
export class SerialQueue {
  private chain: Promise<unknown> = Promise.resolve()
  private pending = 0
  private readonly idleListeners = new Set<() => void>()

  get busy(): boolean {
    return this.pending > 0
  }

  onIdle(listener: () => void): () => void {
    this.idleListeners.add(listener)
    return () => this.idleListeners.delete(listener)
  }

  run<T>(operation: () => Promise<T>): Promise<T> {
    this.pending++
    const run = async (): Promise<T> => {
      try {
        return await operation()
      } finally {
        this.pending--
        if (this.pending === 0) for (const listener of [...this.idleListeners]) listener()
      }
    }
    const next = this.chain.then(run, run)
    this.chain = next.catch(() => undefined)
    return next
  }
}
