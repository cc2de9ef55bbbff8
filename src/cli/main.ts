#!/usr/bin/env node
import type { CliIo } from './command'
import { runCli } from './run-cli'

const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
}

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    // `serve` keeps the process alive through its open server; others exit with their code.
    if (code !== -1) process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `ketacare: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
