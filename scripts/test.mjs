// `npm test`: runs every test tier and says plainly which ones it skipped and why.
//   unit          pure tests (vitest project "unit")
//   db:pglite     database tests on the embedded PGlite
//   db:postgres   the same tests on a PostgreSQL server (TEST_DATABASE_URL, default the local server)
//   browser       Playwright journeys in Debian's Chromium against the built app
// KETACARE_TEST_REQUIRE_ALL=1 (set by .ci/run) turns every skip into a failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

const requireAll = ['1', 'true'].includes(process.env.KETACARE_TEST_REQUIRE_ALL ?? '')
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const chromium = process.env.KETACARE_CHROMIUM ?? '/usr/bin/chromium'
const reports = mkdtempSync(join(tmpdir(), 'ketacare-test-'))
const results = []

function run(tier, command, args, env = {}) {
  console.log(`\n=== ${tier}: ${[command, ...args].join(' ')}`)
  const res = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return res.status === 0
}

function vitestTier(tier, project, env = {}) {
  const out = join(reports, `${tier.replace(':', '-')}.json`)
  const ok = run(
    tier,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    env,
  )
  const counts = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {}
  results.push({
    tier,
    ok: ok && counts.numTotalTests > 0,
    passed: counts.numPassedTests ?? 0,
    failed: counts.numFailedTests ?? (ok ? 0 : 1),
    skippedTests: counts.numPendingTests ?? 0,
  })
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return { ok: true }
  } catch (error) {
    return {
      ok: false,
      reason: `no PostgreSQL at ${postgresUrl.replace(/\/\/[^@]*@/, '//')} (${error.message})`,
    }
  } finally {
    await client.end().catch(() => {})
  }
}

vitestTier('unit', 'unit')
vitestTier('db:pglite', 'db', { KETACARE_TEST_DB: 'pglite' })

const pgCheck = await postgresReachable()
if (pgCheck.ok)
  vitestTier('db:postgres', 'db', { KETACARE_TEST_DB: 'postgres', TEST_DATABASE_URL: postgresUrl })
else
  results.push({
    tier: 'db:postgres',
    isTierSkipped: true,
    reason: `${pgCheck.reason}; set TEST_DATABASE_URL to run it`,
  })

if (!existsSync(chromium)) {
  results.push({
    tier: 'browser',
    isTierSkipped: true,
    reason: `no Chromium at ${chromium} (apt-get install chromium, or set KETACARE_CHROMIUM)`,
  })
} else if (!existsSync('dist/cli.js') || !existsSync('dist/web/index.html')) {
  results.push({ tier: 'browser', isTierSkipped: true, reason: 'the app is not built (npm run build)' })
} else {
  const out = join(reports, 'browser.json')
  const ok = run('browser', 'npx', ['playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    KETACARE_CHROMIUM: chromium,
  })
  const stats = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')).stats : undefined
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0)
  results.push({
    tier: 'browser',
    ok: ok && passed > 0,
    passed,
    failed: stats?.unexpected ?? (ok ? 0 : 1),
    skippedTests: stats?.skipped ?? 0,
  })
}

console.log('\n=== summary')
let passed = 0
let failed = 0
let skippedTiers = 0
for (const r of results) {
  if (r.isTierSkipped) {
    skippedTiers++
    console.log(`  ${r.tier.padEnd(12)} SKIPPED: ${r.reason}`)
  } else {
    passed += r.passed
    failed += r.failed
    console.log(
      `  ${r.tier.padEnd(12)} ${r.ok ? 'ok' : 'FAILED'}: ${r.passed} passed, ${r.failed} failed${r.skippedTests ? `, ${r.skippedTests} skipped (each test says why)` : ''}`,
    )
  }
}
const tierFailed = results.some((r) => !r.isTierSkipped && !r.ok)
if (skippedTiers && requireAll)
  console.log(`KETACARE_TEST_REQUIRE_ALL is set: ${skippedTiers} skipped tier(s) count as failure.`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(tierFailed || failed > 0 || (requireAll && skippedTiers > 0) ? 1 : 0)
