import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AppContext } from '../context'
import { writeBackupFile } from './dump'

// Automatic backups of the embedded database, made by the server that holds it: one when the newest
// in KETACARE_BACKUP_DIR is older than the interval (so a server restarted every night still backs
// up), then every interval; the oldest beyond KETACARE_BACKUP_KEEP are deleted after a good one.

const namePattern = /^ketacare-(\d{8}T\d{6}Z)\.backup\.gz$/

export function backupFileName(at: Date): string {
  return `ketacare-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.backup.gz`
}

/** Backup files of the folder, newest first. */
export function listBackups(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((n) => namePattern.test(n))
    .sort()
    .reverse()
}

function stampOf(name: string): number {
  const s = namePattern.exec(name)![1]!
  return Date.parse(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`,
  )
}

export async function runScheduledBackup(ctx: AppContext, dir: string, keep: number): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const now = ctx.now()
  const path = join(dir, backupFileName(now))
  await writeBackupFile(ctx.db, ctx.dbKind, path, undefined, now)
  for (const old of listBackups(dir).slice(keep)) rmSync(join(dir, old), { force: true })
  return path
}

export interface BackupSchedule {
  stop: () => void
  /** The next run, for the start-up line. */
  nextAt: Date
}

export function startBackupSchedule(
  ctx: AppContext,
  options: { dir: string; keep: number; intervalHours: number },
  log: { done: (path: string) => void; failed: (error: unknown) => void },
): BackupSchedule | undefined {
  if (options.intervalHours === 0) return undefined
  const dir = resolve(options.dir)
  const intervalMs = options.intervalHours * 3_600_000
  const newest = listBackups(dir)[0]
  const dueIn = newest ? Math.max(0, stampOf(newest) + intervalMs - ctx.now().getTime()) : 0
  let timer: NodeJS.Timeout
  const run = async (): Promise<void> => {
    try {
      log.done(await runScheduledBackup(ctx, dir, options.keep))
    } catch (error) {
      log.failed(error)
    }
    timer = setTimeout(run, intervalMs)
    timer.unref()
  }
  // A minute's grace after start so start-up and the first requests are not slowed by it.
  const firstMs = Math.max(dueIn, 60_000)
  timer = setTimeout(run, firstMs)
  timer.unref()
  return { stop: () => clearTimeout(timer), nextAt: new Date(ctx.now().getTime() + firstMs) }
}
