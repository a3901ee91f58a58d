#!/usr/bin/env node
// Prints the plain closing line CI reads ("N passed, N failed[, N skipped]") from vitest's JSON report,
// and exits non-zero when anything failed or nothing ran.
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? '.vitest-report.json'
let report
try {
  report = JSON.parse(readFileSync(file, 'utf8'))
} catch (error) {
  console.error(`test-summary: cannot read ${file}: ${error.message}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const passed = report.numPassedTests ?? 0
const failed = report.numFailedTests ?? 0
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
// A file that fails to load has no test results of its own; count it as a failure.
const suiteErrors = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
).length
const totalFailed = failed + suiteErrors
if (skipped > 0) {
  for (const r of report.testResults ?? [])
    for (const a of r.assertionResults ?? [])
      if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo') console.log(`skipped: ${a.fullName}`)
}
console.log(`${passed} passed, ${totalFailed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(totalFailed > 0 || passed === 0 ? 1 : 0)
