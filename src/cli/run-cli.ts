import { SecretKeyError } from '../server/secrets/secret-box'
import type { CliCommand, CliIo } from './command'
import { UsageError } from './command'
import { commands } from './commands'

function printOverview(io: CliIo): void {
  io.out('Usage: ketacare <command> [options]\n\nCommands:\n')
  for (const c of commands) io.out(`  ${c.name.padEnd(16)} ${c.summary}\n`)
  io.out('\nRun `ketacare <command> --help` for the options of one command.\n')
}

/** Finds the longest command name that prefixes argv ("audit verify" before "audit"). */
function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  let best: { command: CliCommand; rest: string[] } | undefined
  for (const command of commands) {
    const words = command.name.split(' ')
    if (
      words.every((w, i) => argv[i] === w) &&
      (!best || words.length > best.command.name.split(' ').length)
    ) {
      best = { command, rest: argv.slice(words.length) }
    }
  }
  return best
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    printOverview(io)
    return argv.length === 0 ? 2 : 0
  }
  const found = findCommand(argv)
  if (!found) {
    io.err(`ketacare: unknown command "${argv.join(' ')}"\n`)
    printOverview(io)
    return 2
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.out(`${found.command.help.trim()}\n`)
    return 0
  }
  try {
    return await found.command.run(found.rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ketacare ${found.command.name}: ${error.message}\n`)
      return 2
    }
    // A missing or wrong secret key: a clear sentence, not a stack trace (it never holds the key).
    if (error instanceof SecretKeyError) {
      io.err(`ketacare ${found.command.name}: ${error.message}\n`)
      return 1
    }
    throw error
  }
}
