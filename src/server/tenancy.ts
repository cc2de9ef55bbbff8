import { sql } from 'kysely'
import type { AppContext, Tx } from './context'

/**
 * Runs `work` in one transaction as the non-owner role `ketacare_app` with the request's clinic set,
 * so row-level security limits every query to that clinic even if a `where` is forgotten
 * (design.md §2). Both settings are LOCAL: they end with the transaction.
 */
export async function inClinicTransaction<T>(
  ctx: AppContext,
  clinicId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
    await sql`SELECT set_config('app.clinic_id', ${clinicId}, true), set_config('role', 'ketacare_app', true)`.execute(
      tx,
    )
    return work(tx)
  })
}

/** Installation-level work (sign-in, sessions, the installation audit chain) as the owner. */
export async function inOwnerTransaction<T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work)
}
