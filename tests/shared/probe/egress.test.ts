/** The egress host list file format and the built-in default (which no test ever contacts). */
import { describe, expect, it } from 'vitest'
import { DEFAULT_EGRESS_TARGETS, parseEgressList } from '../../../src/shared/probe/egress'

describe('parseEgressList', () => {
  it('reads host[:port] lines, [v6]:port, skips blanks and comments, and reports bad lines by number', () => {
    const text = '# our partners\nmx.example.org\n\n127.0.0.1:2525  # lab\n[::1]:2526\nnot a host!\n'
    const { targets, errors } = parseEgressList(text)
    expect(targets).toEqual([
      { host: 'mx.example.org', port: 25 },
      { host: '127.0.0.1', port: 2525 },
      { host: '::1', port: 2526 },
    ])
    expect(errors).toEqual([{ line: 6, text: 'not a host!' }])
  })

  it('uses the given default port for hosts without one', () => {
    expect(parseEgressList('mx.example.org', 587).targets).toEqual([{ host: 'mx.example.org', port: 587 }])
  })
})

describe('DEFAULT_EGRESS_TARGETS', () => {
  it('is several unrelated large providers on port 25, none of them a loopback or private address', () => {
    const hosts = DEFAULT_EGRESS_TARGETS.map((t) => t.host)
    expect(hosts.length).toBeGreaterThanOrEqual(3)
    expect(new Set(hosts.map((h) => h.split('.').slice(-2).join('.'))).size).toBe(hosts.length)
    expect(DEFAULT_EGRESS_TARGETS.every((t) => t.port === 25 && /[a-z]/.test(t.host))).toBe(true)
  })
})
