/**
 * Start to ready on an existing data folder (issue 16: under 1.5 s, median): spawns the built server
 * on a PGlite folder that already holds the demo organization (with its default history of synthetic
 * patients) and times from process start until /readyz answers 200.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Measurement, report, startBuiltServer } from './harness'

const targetMs = 1500
const repetitions = 7

async function timeStartToReady(dataDir: string, port: number): Promise<number> {
  const server = await startBuiltServer(dataDir, port, { pollMs: 20, timeoutMs: 30_000 })
  await server.stop()
  return server.readyMs
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
