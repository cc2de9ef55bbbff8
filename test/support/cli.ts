import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { CliIo } from '../../src/cli/command'
import { runCli } from '../../src/cli/run-cli'
import { createTestDatabase } from './test-database'

/** Runs `ketacare <argv>` in-process and returns its exit code, stdout and stderr. */
export async function runCommand(...argv: string[]) {
  let out = ''
  let err = ''
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: {}, isTty: false }
  const code = await runCli(argv, io)
  return { code, out, err }
}

/** An io for `runCli` that collects stdout and stderr together, with the test database's env. */
export function bufferIo(env: Record<string, string>) {
  const out: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    env: { LOG_LEVEL: 'silent', ...env },
    isTty: false,
  }
  return { io, text: () => out.join('') }
}

/**
 * A database for CLI tests: the CLI opens it itself, and PGlite allows one opener per folder, so the
 * embedded one is closed here; a PostgreSQL handle stays open for the test to inspect or drop.
 */
export async function cliTestDatabase() {
  const { handle, env } = await createTestDatabase({ onDisk: true })
  const postgres = handle.kind === 'postgres' ? handle : undefined
  if (!postgres) await handle.close()
  return { env, postgres }
}

/**
 * Runs `work` against a fresh CLI database that `ketacare seed` has filled, with a scratch folder
 * (`dir`); both are removed afterwards, whatever happens.
 */
export async function withSeededCli(
  work: (cli: { env: Record<string, string>; dir: string }) => Promise<void>,
): Promise<void> {
  const { env, postgres } = await cliTestDatabase()
  const dir = mkdtempSync(join(tmpdir(), 'ketacare-cli-'))
  try {
    expect(await runCli(['seed'], bufferIo(env).io)).toBe(0)
    await work({ env, dir })
  } finally {
    await postgres?.close()
    rmSync(dir, { recursive: true, force: true })
    if (env.KETACARE_DATA_DIR) rmSync(env.KETACARE_DATA_DIR, { recursive: true, force: true })
  }
}
