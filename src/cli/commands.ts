import type { CliCommand } from './command'

/** Every `ketacare` command, in the order `ketacare --help` lists them. Add one line per command. */
export const commands: CliCommand[] = []
