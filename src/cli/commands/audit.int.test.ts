import { rmSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { bufferIo, cliTestDatabase } from '../../../test/support/cli'
import { openDatabase } from '../../db'
import { runCli } from '../run-cli'

describe('ketacare seed, user add and audit verify', () => {
  it('verifies the chains, then exits 1 naming the first event removed behind its back', async () => {
    const { env, postgres: keepForDrop } = await cliTestDatabase()
    try {
      const seed = bufferIo(env)
      expect(await runCli(['seed'], seed.io)).toBe(0)
      expect(seed.text()).toMatch(/admin@demo\.ketacare\.org\s+\w{5}-/)
      const again = bufferIo(env)
      expect(await runCli(['seed'], again.io)).toBe(1)

      const add = bufferIo(env)
      expect(
        await runCli(
          [
            'user',
            'add',
            '--email',
            'Locum@Example.org',
            '--name',
            'Dr Locum',
            '--role',
            'prescriber',
            '--clinic',
            'riverside ketamine clinic',
          ],
          add.io,
        ),
      ).toBe(0)
      expect(add.text()).toMatch(/locum@example\.org is now prescriber at Riverside Ketamine Clinic/)
      expect(add.text()).toMatch(/Password \(shown once\): \S+/)
      const badRole = bufferIo(env)
      expect(
        await runCli(
          ['user', 'add', '--email', 'x@example.org', '--role', 'surgeon', '--clinic', 'x'],
          badRole.io,
        ),
      ).toBe(2)
      expect(badRole.text()).toMatch(/--role must be one of/)

      const ok = bufferIo(env)
      expect(await runCli(['audit', 'verify'], ok.io)).toBe(0)
      expect(ok.text()).toMatch(/Audit trail intact/)

      const db = keepForDrop ?? (await openDatabase({ dataDir: env.KETACARE_DATA_DIR }))
      const [first] = (
        await sql<{
          id: string
        }>`SELECT id FROM audit_event WHERE clinic_id IS NOT NULL ORDER BY seq LIMIT 1`.execute(db.db)
      ).rows
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(db.db)
      await sql`DELETE FROM audit_event WHERE id = ${first!.id}`.execute(db.db)
      await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(db.db)
      if (!keepForDrop) await db.close()

      const broken = bufferIo(env)
      expect(await runCli(['audit', 'verify'], broken.io)).toBe(1)
      expect(broken.text()).toMatch(/BROKEN .*entry .* points at/)
      expect(broken.text()).toMatch(/FAILED verification/)
    } finally {
      await keepForDrop?.close()
      if (env.KETACARE_DATA_DIR) rmSync(env.KETACARE_DATA_DIR, { recursive: true, force: true })
    }
  })
})
