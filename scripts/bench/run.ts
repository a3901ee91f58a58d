/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts in turn. Each prints its own figures; they are
 * measurements for people to read, never pass/fail thresholds.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const dir = __dirname
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

async function main(): Promise<void> {
  for (const file of files) {
    console.log(`\n== ${file}`)
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<void> }
    if (mod.run) await mod.run()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
