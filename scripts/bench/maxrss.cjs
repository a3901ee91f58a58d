// Preloaded with `node --require` by cli.bench.ts: writes the process's peak resident set size (bytes) to the file
// named by UNMASK_BENCH_RSS_FILE when it exits, without touching its standard output or error.
const { writeFileSync } = require('node:fs')
const file = process.env.UNMASK_BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)))
