/** Shared helpers for `bench/*.bench.ts` modules: timing, and the table + JSON report format. */

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
