/** Shared helpers for `bench/*.bench.ts` modules: timing, and the table + JSON report format. */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface Measurement {
  name: string
  repetitions: number
  medianMs: number
  p95Ms: number
  minMs: number
  /** Reported for load tests, whose targets are on the 99th percentile. */
  p99Ms?: number
  /** Target the median (or p99 where given) must beat, or undefined for an informational row. */
  targetMs?: number
  isPass?: boolean
  /** For a row that is not a time (a score, a size): its unit; the `…Ms` fields then hold the value. */
  unit?: string
  /** The target as text, for rows with a unit (e.g. '≥ 95'). */
  target?: string
}

export interface MeasureOptions {
  warmup: number
  repetitions: number
  targetMs?: number
}

function quantile(sortedMs: number[], q: number): number {
  const h = (sortedMs.length - 1) * q
  const k = Math.floor(h)
  const next = sortedMs[Math.min(k + 1, sortedMs.length - 1)]!
  return sortedMs[k]! + (h - k) * (next - sortedMs[k]!)
}

/** Runs fn `warmup` times untimed (JIT), then times each of `repetitions` runs. */
export function measure(name: string, fn: () => unknown, options: MeasureOptions): Measurement {
  let sink: unknown
  for (let i = 0; i < options.warmup; i++) sink = fn()
  const samples: number[] = []
  for (let i = 0; i < options.repetitions; i++) {
    const start = performance.now()
    sink = fn()
    samples.push(performance.now() - start)
  }
  // Keep the result observable so the call cannot be optimised away.
  if (sink === Symbol.for('never')) console.log(sink)
  samples.sort((a, b) => a - b)
  const medianMs = quantile(samples, 0.5)
  return {
    name,
    repetitions: options.repetitions,
    medianMs,
    p95Ms: quantile(samples, 0.95),
    minMs: samples[0]!,
    ...(options.targetMs === undefined
      ? {}
      : { targetMs: options.targetMs, isPass: medianMs < options.targetMs }),
  }
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(4) : ms.toFixed(1))

/** Prints an aligned table, then one JSON line (`BENCH {...}`) for scripts to collect. */
export function report(suite: string, rows: Measurement[]): void {
  const header = ['benchmark', 'reps', 'median ms', 'p95 ms', 'p99 ms', 'min ms', 'target ms', 'result']
  const body = rows.map((r) => [
    r.unit === undefined ? r.name : `${r.name} (${r.unit})`,
    String(r.repetitions),
    fmt(r.medianMs),
    fmt(r.p95Ms),
    r.p99Ms === undefined ? '' : fmt(r.p99Ms),
    fmt(r.minMs),
    r.target ?? (r.targetMs === undefined ? '' : `< ${r.targetMs}`),
    r.isPass === undefined ? '' : r.isPass ? 'PASS' : 'FAIL',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(`\n${suite}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of body) console.log(line(row))
  console.log(`BENCH ${JSON.stringify({ suite, results: rows })}`)
}

/** The built server (`dist/cli.js serve`) on a PGlite folder (or the `DATABASE_URL` in `env`), and how long it took to answer /readyz. */
export interface BuiltServer {
  child: ChildProcess
  readyMs: number
  stop: () => Promise<void>
}

/**
 * Starts the built server on `dataDir` and waits for /readyz to answer 200, polling every `pollMs`
 * (start-up is timed from the spawn). Throws when the process exits or is not ready in `timeoutMs`.
 */
export async function startBuiltServer(
  dataDir: string,
  port: number,
  { pollMs, timeoutMs, env = {} }: { pollMs: number; timeoutMs: number; env?: Record<string, string> },
): Promise<BuiltServer> {
  const started = performance.now()
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, 'dist/cli.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      KETACARE_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      ...env,
    },
    stdio: 'ignore',
  })
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return { child, readyMs: performance.now() - started, stop }
      if (performance.now() - started > timeoutMs)
        throw new Error(`server not ready in ${timeoutMs / 1000} s`)
      await new Promise((r) => setTimeout(r, pollMs))
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** The PostgreSQL server benches create their scratch databases on. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Runs `work` on a fresh PostgreSQL database (its URL), dropped afterwards whatever happens. */
export async function withScratchPostgres<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `ketacare_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresAdminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(postgresAdminUrl)
    url.pathname = `/${name}`
    return await work(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end().catch(() => {})
  }
}
