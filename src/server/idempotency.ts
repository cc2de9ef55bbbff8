import { type CanonicalValue, canonicalize } from '../domain/ledger/hash-chain'
import type { ClinicScope } from './clinic-scope'
import { AppError } from './errors'
import { sha256Hex } from './sha256'

/**
 * Runs a charting write at most once per Idempotency-Key. A tablet that lost its connection resends
 * with the same key; the resend finds the key and does nothing, so the caller answers with the
 * current record. The key is stored in the same transaction as the write it guards, so a write
 * that fails leaves the key free for the retry.
 * Returns true when the work ran, false when this was a replay.
 */
export async function runOnce(
  scope: ClinicScope,
  key: string | undefined,
  request: unknown,
  work: () => Promise<void>,
): Promise<boolean> {
  if (!key) {
    await work()
    return true
  }
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw new AppError(
      'validation-failed',
      'The Idempotency-Key header must be 8–100 letters, digits or -_.:',
      {
        fieldErrors: [
          { field: 'idempotency-key', message: 'must be 8–100 characters of A–Z a–z 0–9 - _ . :' },
        ],
      },
    )
  }
  const requestHash = sha256Hex(canonicalize(JSON.parse(JSON.stringify(request ?? null)) as CanonicalValue))
  // Claim the key first. A concurrent request with the same key waits on the unique index until
  // this transaction ends, then finds the key taken: the write happens once.
  const claimed = await scope.tx
    .insertInto('idempotency_key')
    .values({
      clinic_id: scope.clinicId,
      key,
      request_hash: requestHash,
      status_code: 200,
      response: JSON.stringify({}),
      created_at: scope.now,
    })
    .onConflict((oc) => oc.columns(['clinic_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst()
  if (!claimed) {
    const existing = await scope.tx
      .selectFrom('idempotency_key')
      .select('request_hash')
      .where('clinic_id', '=', scope.clinicId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow()
    if (existing.request_hash !== requestHash) {
      throw new AppError('conflict', 'This Idempotency-Key was already used for a different request.', {
        fieldErrors: [{ field: 'idempotency-key', message: 'reused for a different request' }],
      })
    }
    return false
  }
  await work()
  return true
}
