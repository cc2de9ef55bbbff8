/**
 * Start to ready on an existing data folder (issue 16: under 1.5 s, median): spawns the built server
 * on a PGlite folder that already holds the demo organization (with its default history of synthetic
 * patients) and times from process start until /readyz answers 200.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Measurement, report } from './harness'

const targetMs = 1500
const repetitions = 7

async function timeStartToReady(dataDir: string, port: number): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      KETACARE_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return performance.now() - started
      if (performance.now() - started > 30_000) throw new Error('server not ready in 30 s')
      await new Promise((r) => setTimeout(r, 20))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

export async function run(): Promise<Measurement[]> {
  if (!existsSync('dist/cli.js')) throw new Error('startup bench needs the built server: npm run build')
  const dataDir = mkdtempSync(join(tmpdir(), 'ketacare-bench-start-'))
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  try {
    // First start creates the database, migrates and seeds; it is not what the target is about.
    const firstMs = await timeStartToReady(dataDir, port)
    const samples: number[] = []
    for (let i = 0; i < repetitions; i++) samples.push(await timeStartToReady(dataDir, port))
    samples.sort((a, b) => a - b)
    const medianMs = samples[Math.floor(samples.length / 2)]!
    const p95Ms = samples[samples.length - 1]!
    const rows: Measurement[] = [
      {
        name: 'first start on an empty folder (create, migrate, seed)',
        repetitions: 1,
        medianMs: firstMs,
        p95Ms: firstMs,
        minMs: firstMs,
      },
      {
        name: 'start to ready on an existing folder',
        repetitions,
        medianMs,
        p95Ms,
        minMs: samples[0]!,
        targetMs,
        isPass: medianMs < targetMs,
      },
    ]
    report('server start-up (embedded PGlite)', rows)
    return rows
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
