/**
 * When `write memory` may be offered (issue 14): only once a change made in this run (an apply or an undo) went in
 * completely and a verify ran after it. A save token granted earlier stops working as soon as another change goes in,
 * so a token asked for after the apply cannot save the state an unverified undo left.
 */
export class SaveGate {
  private change = 0
  private verifiedChange = 0
  private completed = false
  /** Save tokens granted, with the change they were granted for. */
  private readonly granted = new Map<string, number>()

  /** A change sent lines; `applied` means every line went in. Nothing is saveable until it is verified. */
  changed(outcome: 'applied' | 'failed' | 'unknown'): void {
    this.change++
    this.completed = outcome === 'applied'
  }

  /** A verify ran: the latest change, if it went in completely, may now be saved. */
  verified(): void {
    if (this.change > 0 && this.completed) this.verifiedChange = this.change
  }

  get open(): boolean {
    return this.change > 0 && this.verifiedChange === this.change
  }

  grant(token: string): void {
    this.granted.set(token, this.change)
  }

  /** Why this token must not save now, or null to let the token book decide (unknown, used, expired…). */
  refusal(token: string): 'notVerified' | null {
    if (!this.open) return 'notVerified'
    const at = this.granted.get(token)
    return at === undefined || at === this.change ? null : 'notVerified'
  }
}
