#!/usr/bin/env node

const { existsSync } = require('node:fs')
const { join } = require('node:path')

const built = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(built)) {
  process.stderr.write('Unmask is not built yet: run `npm run build` (npm install does it for you).\n')
  process.exit(2)
}
require(built).main()
