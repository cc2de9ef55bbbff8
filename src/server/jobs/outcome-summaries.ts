import { sql } from 'kysely'
import type { AppContext } from '../context'
import { refreshOutcomeSummaries } from '../features/outcomes/queries'
import { loadOutcomeThresholds } from '../features/outcomes/service'
import { inOwnerTransaction } from '../tenancy'

/**
 * Keeps the outcome dashboard's summary current in the background: patients whose records
 * changed (`outcome_stale`) are recomputed in small transactions, so a dashboard view seldom has
 * more than a handful left to do — also after an upgrade or import marks thousands at once.
 * Returns how many patients were recomputed.
 */
export async function refreshStaleOutcomes(
  ctx: AppContext,
  {
    // Patients per transaction: short enough that chair-side writes hardly wait on PGlite.
    chunk = 500,
    // Transactions per clinic and pass, so one pass stays short; the rest waits for the next.
    chunksPerPass = 20,
  }: { chunk?: number; chunksPerPass?: number } = {},
): Promise<number> {
  const clinics = await inOwnerTransaction(ctx, (tx) =>
    sql<{ clinic_id: string }>`SELECT DISTINCT clinic_id FROM outcome_stale`.execute(tx),
  )
  let done = 0
  for (const { clinic_id: clinicId } of clinics.rows) {
    for (let i = 0; i < chunksPerPass; i++) {
      const n = await inOwnerTransaction(ctx, async (tx) =>
        refreshOutcomeSummaries(
          tx,
          clinicId,
          { staleUpTo: chunk },
          await loadOutcomeThresholds(tx, clinicId),
          ctx.now(),
        ),
      )
      done += n
      if (n < chunk) break
    }
  }
  return done
}
