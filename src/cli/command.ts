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

// A value such as "-5" or "-.5": a negative number, not an option.
const negativeNumber = /^-(\d|\.\d)/

/**
 * node's parseArgs reads `--weight-kg -5` as a missing value followed by an unknown option. A
 * negative number after a string option is its value, so it is joined as `--weight-kg=-5` and the
 * command then refuses it with a message naming the option, like any other out-of-range value.
 */
function joinNegativeValues(argv: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const joined: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const next = argv[i + 1]
    const name = arg.startsWith('--') ? arg.slice(2) : undefined
    if (name && options[name]?.type === 'string' && next !== undefined && negativeNumber.test(next)) {
      joined.push(`${arg}=${next}`)
      i++
    } else joined.push(arg)
  }
  return joined
}

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Options that each take one text value (`--name VALUE`), by name: `{ name: { type: 'string' } }`. */
export function textOptions<N extends string>(...names: N[]): Record<N, { type: 'string' }> {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as Record<N, { type: 'string' }>
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
