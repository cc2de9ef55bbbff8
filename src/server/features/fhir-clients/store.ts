import type { Selectable } from 'kysely'
import type { FhirClientTable } from '../../../db/schema/fhir-client'
import type { Tx } from '../../context'

// Queries on backend clients shared by the admin service, the token endpoint and the bearer check.
// No authorization and no audit here: callers do both.

export type FhirClientRow = Selectable<FhirClientTable>

/** A client by id, revoked or not (the owner's view: the token endpoint knows no clinic yet). */
export function findClient(tx: Tx, clientId: string): Promise<FhirClientRow | undefined> {
  return tx.selectFrom('fhir_client').selectAll().where('id', '=', clientId).executeTakeFirst()
}

/** A failed client assertion: counted, and the client locked once there are too many. */
export async function recordFailedAssertion(tx: Tx, clientId: string, lock: { until: Date } | null) {
  await tx
    .updateTable('fhir_client')
    .set((eb) =>
      lock
        ? { failed_assertion_count: 0, lock_count: eb('lock_count', '+', 1), locked_until: lock.until }
        : { failed_assertion_count: eb('failed_assertion_count', '+', 1) },
    )
    .where('id', '=', clientId)
    .execute()
}

/**
 * Remembers an accepted assertion's `jti` until it expires; false when it was used before (a
 * replay). Expired ones are dropped first, so the table holds at most five minutes of assertions.
 */
export async function claimAssertion(
  tx: Tx,
  assertion: { clientId: string; jti: string; expiresAt: Date },
  now: Date,
): Promise<boolean> {
  await tx.deleteFrom('fhir_client_assertion').where('expires_at', '<=', now).execute()
  const inserted = await tx
    .insertInto('fhir_client_assertion')
    .values({ client_id: assertion.clientId, jti: assertion.jti, expires_at: assertion.expiresAt })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1
}
