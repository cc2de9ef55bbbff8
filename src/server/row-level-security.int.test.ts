import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testAppForFile } from '../../test/support/test-app'
import { inClinicTransaction } from './tenancy'

const t = testAppForFile()

describe('row-level security (design.md §2)', () => {
  it('returns only the request clinic rows from queries that forget the clinic filter', async () => {
    const { riverside, hillcrest } = t.clinics
    const seen = await inClinicTransaction(t.ctx, riverside, async (tx) => ({
      clinics: await tx.selectFrom('clinic').select('id').execute(),
      memberships: await tx.selectFrom('membership').select('clinic_id').execute(),
      audit: await tx
        .selectFrom('audit_event')
        .select('clinic_id')
        .where('clinic_id', 'is not', null)
        .execute(),
    }))
    expect(seen.clinics.map((c) => c.id)).toEqual([riverside])
    expect(seen.memberships.length).toBe(5)
    expect(seen.memberships.every((m) => m.clinic_id === riverside)).toBe(true)
    expect(seen.audit.every((a) => a.clinic_id === riverside)).toBe(true)
    // The owner, outside any clinic, sees both: the rows exist, they are just fenced off.
    const all = await t.database.db.selectFrom('membership').select('clinic_id').distinct().execute()
    expect(all.map((m) => m.clinic_id).sort()).toEqual([riverside, hillcrest].sort())
  })

  it('refuses to write a row into another clinic', async () => {
    const { riverside, hillcrest } = t.clinics
    const user = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'nurse@demo.ketacare.org')
      .executeTakeFirstOrThrow()
    await expect(
      inClinicTransaction(t.ctx, riverside, (tx) =>
        tx
          .insertInto('membership')
          .values({
            id: '01900000-0000-7000-8000-0000000000aa',
            clinic_id: hillcrest,
            user_id: user.id,
            role: 'nurse',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/)
  })

  it('sees nothing clinical without a clinic, and cannot rewrite the audit trail as the request role', async () => {
    const rows = await t.database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE ketacare_app`.execute(tx)
      return tx.selectFrom('membership').select('id').execute()
    })
    expect(rows).toEqual([])
    await expect(
      inClinicTransaction(t.ctx, t.clinics.riverside, (tx) => sql`DELETE FROM audit_event`.execute(tx)),
    ).rejects.toThrow(/permission denied|append-only/)
  })
})
