/**
 * `npm run bench [-- name…]`: runs every `bench/<name>.bench.ts` in turn (a name also selects its
 * family: `fhir` runs fhir.bench.ts and fhir-export.bench.ts). Adding a benchmark is
 * adding a file that exports `run(): Promise<Measurement[]>` (see harness.ts); no list to edit.
 * Exit code 1 when any row with a target fails it.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Measurement } from './harness'

interface BenchModule {
  run: () => Promise<Measurement[]>
}

const benchDir = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => {
    const name = f.replace(/\.bench\.ts$/, '')
    return only.length === 0 || only.some((o) => name === o || name.startsWith(`${o}-`))
  })
  .sort()

let failed = 0
for (const file of files) {
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as BenchModule
  const rows = await mod.run()
  failed += rows.filter((r) => r.isPass === false).length
}
console.log(`\n${files.length} benchmark module(s), ${failed} target(s) failed`)
if (failed > 0) process.exitCode = 1
