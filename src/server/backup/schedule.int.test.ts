import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testAppForFile } from '../../../test/support/test-app'
import { inspectBackupFile } from './restore'
import { backupFileName, listBackups, runScheduledBackup, startBackupSchedule } from './schedule'

const t = testAppForFile()

describe('automatic backups of the embedded database', () => {
  it('writes a dated, complete backup each run and keeps only the newest N', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketacare-auto-'))
    const written: string[] = []
    for (let day = 0; day < 4; day++) {
      written.push(await runScheduledBackup(t.ctx, dir, 2))
      t.clock.advanceMinutes(24 * 60)
    }
    expect(listBackups(dir)).toEqual([written[3], written[2]].map((p) => p!.split('/').pop()))
    expect((await inspectBackupFile(written[3]!)).header.tables).toContain('audit_event')
    expect(backupFileName(new Date('2026-11-27T09:00:05.123Z'))).toBe('ketacare-20261127T090005Z.backup.gz')
  })

  it('runs when the newest backup is older than the interval, else waits for it; 0 turns it off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketacare-auto-'))
    const log = { done: () => {}, failed: () => {} }
    const options = { dir, keep: 7, intervalHours: 24 }
    const none = startBackupSchedule(t.ctx, options, log)!
    expect(none.nextAt.getTime() - t.clock.now().getTime()).toBe(60_000)
    none.stop()
    await runScheduledBackup(t.ctx, dir, 7)
    t.clock.advanceMinutes(60)
    const recent = startBackupSchedule(t.ctx, options, log)!
    expect(recent.nextAt.getTime() - t.clock.now().getTime()).toBe(23 * 3_600_000)
    recent.stop()
    expect(startBackupSchedule(t.ctx, { ...options, intervalHours: 0 }, log)).toBeUndefined()
  })
})
