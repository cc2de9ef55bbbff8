import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testAppForFile } from '../../../test/support/test-app'
import { inClinicTransaction } from '../tenancy'
import { appendAudit } from './append-audit'
import { sealAuditChains, startAuditSealer } from './seal-audit'
import { verifyAuditChains } from './verify-audit'

const t = testAppForFile()

const event = (clinicId: string, n: number) => ({
  clinicId,
  actorUserId: null,
  actorEmail: 'sealer-test@example.org',
  action: 'test.read',
  entity: 'patient',
  entityId: `p${n}`,
  outcome: 'success' as const,
  detail: { n },
})

const reportOf = async (chain: string) =>
  (await verifyAuditChains(t.database.db)).find((r) => r.chain === chain)!

const unsealedCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('hash', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('audit sealing', () => {
  it('seals events appended by concurrent transactions into one unforked chain in visible order', async () => {
    const clinicId = t.clinics.riverside
    const appends = Array.from({ length: 24 }, (_, i) =>
      inClinicTransaction(t.ctx, clinicId, async (tx) => {
        for (let k = 0; k < 3; k++) await appendAudit(tx, event(clinicId, i * 3 + k), t.clock.now())
      }),
    )
    // Sealing runs while the transactions append and commit: it takes only what has committed.
    const seals = [sealAuditChains(t.database.db), sealAuditChains(t.database.db)]
    await Promise.all([...appends, ...seals])
    await sealAuditChains(t.database.db)
    expect(await unsealedCount()).toBe(0)
    const report = await reportOf(clinicId)
    expect(report.pending).toBe(0)
    expect(report.verdict.ok).toBe(true)
    // One place per event, no gaps, no fork: 1..n in the clinic's chain.
    const places = await t.database.db
      .selectFrom('audit_event')
      .select('chain_seq')
      .where('clinic_id', '=', clinicId)
      .orderBy('chain_seq')
      .execute()
    expect(places.map((p) => Number(p.chain_seq))).toEqual(places.map((_, i) => i + 1))
    expect(report.verdict.ok && report.verdict.checked).toBe(places.length)
  })

  // PGlite has one connection: a transaction held open there would hold the sealer too.
  it.runIf(process.env.KETACARE_TEST_DB === 'postgres')(
    'leaves an event of a transaction still open unsealed, and seals it after the later ones once committed',
    async () => {
      const clinicId = t.clinics.hillcrest
      let commit!: () => void
      const held = new Promise<void>((resolve) => {
        commit = resolve
      })
      let appended!: () => void
      const isAppended = new Promise<void>((resolve) => {
        appended = resolve
      })
      const slow = inClinicTransaction(t.ctx, clinicId, async (tx) => {
        await appendAudit(tx, event(clinicId, 1000), t.clock.now())
        appended()
        await held
      })
      await isAppended
      await inClinicTransaction(t.ctx, clinicId, (tx) =>
        appendAudit(tx, event(clinicId, 1001), t.clock.now()),
      )
      await sealAuditChains(t.database.db)
      expect((await reportOf(clinicId)).pending).toBe(0) // the open transaction's event is not visible yet
      commit()
      await slow
      expect((await reportOf(clinicId)).pending).toBe(1)
      expect(await sealAuditChains(t.database.db)).toBe(1)
      const [late, early] = await Promise.all(
        ['p1000', 'p1001'].map((entityId) =>
          t.database.db
            .selectFrom('audit_event')
            .select(['seq', 'chain_seq'])
            .where('entity_id', '=', entityId)
            .executeTakeFirstOrThrow(),
        ),
      )
      // Appended first (lower seq), committed last: its place in the chain follows the other's.
      expect(Number(late!.seq)).toBeLessThan(Number(early!.seq))
      expect(Number(late!.chain_seq)).toBeGreaterThan(Number(early!.chain_seq))
      expect((await reportOf(clinicId)).verdict.ok).toBe(true)
    },
  )

  it("the server's sealer seals a committed event within a second, and once more when stopped", async () => {
    const errors: unknown[] = []
    const stop = startAuditSealer(t.ctx, (error) => errors.push(error))
    try {
      await inClinicTransaction(t.ctx, t.clinics.riverside, (tx) =>
        appendAudit(tx, event(t.clinics.riverside, 3000), t.clock.now()),
      )
      await expect.poll(unsealedCount, { timeout: 1500, interval: 50 }).toBe(0)
      await inClinicTransaction(t.ctx, t.clinics.riverside, (tx) =>
        appendAudit(tx, event(t.clinics.riverside, 3001), t.clock.now()),
      )
    } finally {
      await stop()
    }
    expect(await unsealedCount()).toBe(0)
    expect(errors).toEqual([])
  })
})

describe('sealed events', () => {
  it('refuses changing a sealed event or its seal, and the app role cannot insert a sealed event', async () => {
    const db = t.database.db
    await expect(sql`UPDATE audit_event SET hash = repeat('0', 64)`.execute(db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`UPDATE audit_event SET chain_seq = chain_seq + 1000`.execute(db)).rejects.toThrow(
      /append-only/,
    )
    await expect(
      inClinicTransaction(t.ctx, t.clinics.riverside, (tx) =>
        tx
          .insertInto('audit_event')
          .values({
            id: '0190a000-0000-7000-8000-000000000001',
            at: t.clock.now(),
            clinic_id: t.clinics.riverside,
            action: 'forged',
            entity: 'patient',
            outcome: 'success',
            prev_hash: '0'.repeat(64),
            hash: '1'.repeat(64),
            chain_seq: '999999',
          })
          .execute(),
      ),
    ).rejects.toThrow(/permission denied/)
  })

  it('fails verification once a sealed event is altered behind the guard', async () => {
    const db = t.database.db
    await inClinicTransaction(t.ctx, t.clinics.riverside, (tx) =>
      appendAudit(tx, event(t.clinics.riverside, 2000), t.clock.now()),
    )
    await sealAuditChains(db)
    const victim = await db
      .selectFrom('audit_event')
      .select('id')
      .where('entity_id', '=', 'p5')
      .executeTakeFirstOrThrow()
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(db)
    await sql`UPDATE audit_event SET detail = '{"n": 6}' WHERE id = ${victim.id}`.execute(db)
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(db)
    const report = await reportOf(t.clinics.riverside)
    expect(report.verdict).toMatchObject({ ok: false, reason: 'hash-mismatch' })
    expect(!report.verdict.ok && report.verdict.brokenAt).toContain(victim.id)
  })
})
