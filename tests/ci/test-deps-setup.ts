/**
 * Vitest global setup: says once which Debian programs are missing and which tests will therefore be skipped.
 * Under CI (UNMASK_REQUIRE_TEST_DEPS=1, set by .ci/run) a missing program fails the run instead: tests that need
 * Postfix, OpenSSH or Chromium must not silently turn into skips there.
 */
import { missingTestPrograms } from './test-deps'

export default function setup(): void {
  const missing = missingTestPrograms()
  if (missing.length === 0) return
  const lines = missing.map((m) => `  - ${m.program} (${m.path}): ${m.neededBy}`)
  const message = `Test programs missing (install with: bash scripts/install-test-deps.sh):\n${lines.join('\n')}`
  if (process.env.UNMASK_REQUIRE_TEST_DEPS === '1') throw new Error(`${message}\nUNMASK_REQUIRE_TEST_DEPS=1: failing.`)
  console.warn(`${message}\nThe tests that need them are skipped.`)
}
