import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/test-database'
import type { CliIo } from '../command'
import { runCli } from '../run-cli'

describe('ketacare rules --list --clinic', () => {
  it("shows the clinic's values beside the defaults", async () => {
    const { handle, env } = await createTestDatabase({ onDisk: true })
    const keepForDrop = handle.kind === 'postgres' ? handle : undefined
    try {
      await handle.db
        .insertInto('organization')
        .values({ id: '01900000-0000-7000-8000-000000000001', name: 'Org' })
        .execute()
      await handle.db
        .insertInto('clinic')
        .values({
          id: '01900000-0000-7000-8000-000000000002',
          organization_id: '01900000-0000-7000-8000-000000000001',
          name: 'Lakeside Clinic',
          time_zone: 'America/Chicago',
          dea_registration: null,
          settings: JSON.stringify({ vitals: { spo2BelowPercent: 90 } }),
        })
        .execute()
      // The CLI opens the database itself; PGlite allows one opener per folder.
      if (!keepForDrop) await handle.close()
      // Notices (e.g. a secret key created on the first open) go to stderr, apart from the JSON.
      let out = ''
      let err = ''
      const io: CliIo = {
        out: (t) => (out += t),
        err: (t) => (err += t),
        env: { LOG_LEVEL: 'silent', ...env },
        isTty: false,
      }
      expect(await runCli(['rules', '--list', '--json', '--clinic', 'lakeside clinic'], io)).toBe(0)
      const { clinic, rules } = JSON.parse(out)
      expect(clinic).toBe('Lakeside Clinic')
      const spo2 = rules.find((r: { id: string }) => r.id === 'vitals.spo2-below').parameters[0]
      expect(spo2).toMatchObject({ defaultValue: 92, currentValue: 90, isChanged: true })

      out = ''
      expect(await runCli(['rules', '--list', '--clinic', 'Lakeside Clinic'], io)).toBe(0)
      expect(out).toContain('SpO2 below: 92 % default · clinic 90 % (changed)')
      out = ''
      expect(await runCli(['rules', '--list', '--clinic', 'Nowhere'], io)).toBe(2)
      expect(err).toMatch(/no clinic "Nowhere"; clinics: Lakeside Clinic/)
    } finally {
      await keepForDrop?.close()
      if (env.KETACARE_DATA_DIR) rmSync(env.KETACARE_DATA_DIR, { recursive: true, force: true })
    }
  })
})
