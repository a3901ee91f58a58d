import { describe, expect, it } from 'vitest'
import { type TokenBinding, TokenBook } from '../../../src/main/fix/token'

const binding: TokenBinding = {
  device: 'ssh://admin@127.0.0.1:2222|ciscoasa|',
  kind: 'apply',
  planId: 'asa.no-inspect-esmtp',
  linesHash: 'a'.repeat(64),
  configHash: 'b'.repeat(64),
}

describe('TokenBook', () => {
  it('redeems a token once, for the device it was issued for, and returns its binding', () => {
    const book = new TokenBook()
    const { token } = book.issue(binding)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(book.redeem(token, binding.device)).toEqual({ ok: true, binding })
    expect(book.redeem(token, binding.device)).toEqual({ ok: false, code: 'tokenUsed' })
  })

  it('tells a forged token from a used one, and never accepts either', () => {
    const book = new TokenBook()
    const { token } = book.issue(binding)
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    expect(book.redeem(forged, binding.device)).toEqual({ ok: false, code: 'tokenUnknown' })
    expect(book.redeem('not a token', binding.device)).toEqual({ ok: false, code: 'tokenUnknown' })
    // A forgery attempt does not burn the real token.
    expect(book.redeem(token, binding.device).ok).toBe(true)
  })

  it('refuses a token from another book (another session) and issues different tokens each time', () => {
    const a = new TokenBook()
    const b = new TokenBook()
    const { token } = a.issue(binding)
    expect(b.redeem(token, binding.device)).toEqual({ ok: false, code: 'tokenUnknown' })
    expect(a.issue(binding).token).not.toBe(token)
  })

  it('spends a token presented for another device, so it cannot be retried on the right one', () => {
    const book = new TokenBook()
    const { token } = book.issue(binding)
    expect(book.redeem(token, 'ssh://admin@127.0.0.1:2223|other|')).toEqual({ ok: false, code: 'tokenWrongDevice' })
    expect(book.redeem(token, binding.device)).toEqual({ ok: false, code: 'tokenUsed' })
  })

  it('expires tokens after their time to live', () => {
    let now = 1_000_000
    const book = new TokenBook(60_000, () => now)
    const { token, expiresAt } = book.issue(binding)
    expect(expiresAt).toBe(1_060_000)
    now += 60_001
    expect(book.redeem(token, binding.device)).toEqual({ ok: false, code: 'tokenExpired' })
    const fresh = book.issue(binding).token
    now += 59_000
    expect(book.redeem(fresh, binding.device).ok).toBe(true)
  })
})
