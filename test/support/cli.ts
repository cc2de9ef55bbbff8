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
