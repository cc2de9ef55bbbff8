import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface E2eServer {
  url: string
  /** Demo sign-ins the server printed on first start: e-mail → password. */
  passwords: Map<string, string>
  stop: () => Promise<void>
}

/** Starts the built server (`node dist/cli.js serve`) on a free port and a fresh data folder. */
export async function startServer(): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketacare-e2e-'))
  const child: ChildProcess = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    env: { ...process.env, PORT: '0', KETACARE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
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
  while (!/Administrators and prescribers/.test(output)) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const url = /running at (http:\/\/[^\s]+)/.exec(output)?.[1]
  if (!url) throw new Error(`no URL in server output:\n${output}`)
  const passwords = new Map<string, string>()
  for (const m of output.matchAll(/^\s+(\S+@\S+)\s+(\S+)\s{3}/gm)) passwords.set(m[1]!, m[2]!)
  return {
    url,
    passwords,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
