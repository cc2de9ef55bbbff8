import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface E2eServer {
  url: string
  /** Demo sign-ins the server printed on first start: e-mail → password. */
  passwords: Map<string, string>
  stop: () => Promise<void>
}

export interface StartServerOptions {
  /**
   * Adds this many synthetic patients (`dist/cli.js seed --patients N --seed 1`) before serving.
   * The seed then creates the demo organization without its demo patients, and prints the sign-ins.
   */
  syntheticPatients?: number
  /**
   * Serve from this PostgreSQL database instead of a fresh embedded one (several processes can then
   * share it; the first one started on an empty database seeds the demo and prints the sign-ins).
   */
  databaseUrl?: string
  /** Wait for this instead of the sign-ins (a second server on a seeded database prints none). */
  isSeeded?: boolean
  /** Extra environment for the server process. */
  env?: Record<string, string>
}

const signInsPrinted = /Administrators and prescribers/

function readPasswords(output: string): Map<string, string> {
  const passwords = new Map<string, string>()
  for (const m of output.matchAll(/^\s+(\S+@\S+)\s+(\S+)\s{3}/gm)) passwords.set(m[1]!, m[2]!)
  return passwords
}

const e2eSecretKey = 'e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0'

/** Starts the built server (`node dist/cli.js serve`) on a free port and a fresh data folder. */
export async function startServer(options: StartServerOptions = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketacare-e2e-'))
  const env = {
    ...process.env,
    PORT: '0',
    KETACARE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl ?? '',
    // PostgreSQL needs the TOTP secret key in the environment (the embedded default makes its own);
    // every server on one database shares it.
    ...(options.databaseUrl ? { KETACARE_SECRET_KEY: e2eSecretKey } : {}),
    ...options.env,
  }
  let seedOutput = ''
  if (options.syntheticPatients) {
    const seeded = await promisify(execFile)(
      process.execPath,
      ['dist/cli.js', 'seed', '--patients', String(options.syntheticPatients), '--seed', '1'],
      { env, timeout: 120_000 },
    )
    seedOutput = seeded.stdout
    if (!signInsPrinted.test(seedOutput)) throw new Error(`seed printed no sign-ins:\n${seedOutput}`)
  }
  const child: ChildProcess = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk.toString()
  })
  const deadline = Date.now() + 60_000
  // On a seeded database the server prints no sign-ins (the seed did), only its address.
  const ready = seedOutput || options.isSeeded ? /running at http:\/\/\S+\s/ : signInsPrinted
  while (!ready.test(output)) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const url = /running at (http:\/\/[^\s]+)/.exec(output)?.[1]
  if (!url) throw new Error(`no URL in server output:\n${output}`)
  return {
    url,
    passwords: readPasswords(seedOutput || output),
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
