import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

// The embedded database is one process's folder: a second process opening it while the server runs
// would see a stale copy or damage it. `serve` therefore leaves `ketacare-server.json` in the data
// folder (mode 0600: its token is as good as the folder itself) naming its port and a random token;
// `ketacare backup` then asks the running server for the backup over 127.0.0.1, and `restore` and
// `secrets rotate-key` refuse to touch a folder a live server holds.

export const serverFileName = 'ketacare-server.json'

export interface RunningServer {
  pid: number
  /** Where the CLI reaches it: 127.0.0.1 when the server listens on every interface. */
  host: string
  port: number
  token: string
}

export function serverFilePath(dataDir: string): string {
  return join(resolve(dataDir), serverFileName)
}

export function newBackupToken(): string {
  return randomBytes(32).toString('base64url')
}

export function writeServerFile(dataDir: string, server: RunningServer): () => void {
  const path = serverFilePath(dataDir)
  writeFileSync(path, JSON.stringify(server), { mode: 0o600 })
  return () => rmSync(path, { force: true })
}

/** The server holding this data folder, if its process is still alive. */
export function findRunningServer(dataDir: string): RunningServer | undefined {
  let server: RunningServer
  try {
    server = JSON.parse(readFileSync(serverFilePath(dataDir), 'utf8')) as RunningServer
  } catch {
    return undefined
  }
  try {
    process.kill(server.pid, 0)
    return server
  } catch (error) {
    // EPERM: alive but another user's; ESRCH: gone (a crash left the file behind).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? server : undefined
  }
}
