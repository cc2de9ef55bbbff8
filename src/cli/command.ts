import { type ParseArgsConfig, parseArgs } from 'node:util'

/** Where a command writes; tests pass buffers, main passes the process streams. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
  isTty: boolean
}

export interface CliCommand {
  /** The word after `ketacare`, e.g. `score` or `audit verify`. */
  name: string
  summary: string
  /** Full `--help` text. */
  help: string
  /** Returns the process exit code: 0 ok, 1 failure found (e.g. a broken chain), 2 bad usage. */
  run: (argv: string[], io: CliIo) => Promise<number>
}

/** Thrown for bad command-line usage; main prints the message and exits 2. */
export class UsageError extends Error {}

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Parses a numeric option, naming it in the error when it is not a finite number. */
export function numberOption(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`)
    return fallback
  }
  const parsed = Number(value)
  if (!Number.isFinite(parsed)) throw new UsageError(`--${name} must be a number, got "${value}"`)
  return parsed
}
