/** The global setup that reports missing test programs once, and fails instead under CI (issue 20). */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { missingTestPrograms, TEST_PROGRAMS } from './test-deps'
import setup from './test-deps-setup'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('test program check', () => {
  it('finds a program that is not there, and not one that is', () => {
    const missing = missingTestPrograms([
      { program: 'nothing', path: '/nonexistent/unmask-nothing', neededBy: 'x' },
      { program: 'sh', path: '/bin/sh', neededBy: 'y' },
      { program: 'sh-check', path: '/bin/sh', neededBy: 'z', present: () => false },
    ])
    expect(missing.map((m) => m.program)).toEqual(['nothing', 'sh-check'])
  })

  it('covers every program the skip-guarded tests look for', () => {
    const paths = TEST_PROGRAMS.map((p) => p.path)
    for (const p of ['/usr/bin/chromium', '/usr/sbin/postfix', '/usr/sbin/sshd', '/usr/bin/socat', '/usr/bin/telnet'])
      expect(paths).toContain(p)
  })

  it('warns once on a developer machine and throws under CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const missing = missingTestPrograms()
    vi.stubEnv('UNMASK_REQUIRE_TEST_DEPS', '')
    setup()
    expect(warn).toHaveBeenCalledTimes(missing.length > 0 ? 1 : 0)
    vi.stubEnv('UNMASK_REQUIRE_TEST_DEPS', '1')
    if (missing.length > 0) expect(() => setup()).toThrow(/UNMASK_REQUIRE_TEST_DEPS=1: failing/)
    else expect(() => setup()).not.toThrow()
  })
})
