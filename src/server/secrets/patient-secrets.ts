import type { Kysely } from 'kysely'
import type { Database } from '../../db'

/** A patient account's two TOTP secret columns (the confirmed one and one being set up). */
export interface PatientSecretRow {
  patient_id: string
  mfa_secret_base32: string | null
  mfa_pending_secret_base32: string | null
}

/**
 * Writes both secret columns of each account back through `rewrite` (a null stays null): sealing
 * clear values at start-up (prepare.ts) and re-sealing under a new key (rotate.ts).
 */
export async function rewritePatientSecrets(
  tx: Kysely<Database>,
  rows: readonly PatientSecretRow[],
  rewrite: (value: string) => string,
): Promise<void> {
  const apply = (value: string | null) => (value === null ? null : rewrite(value))
  for (const row of rows)
    await tx
      .updateTable('patient_account')
      .set({
        mfa_secret_base32: apply(row.mfa_secret_base32),
        mfa_pending_secret_base32: apply(row.mfa_pending_secret_base32),
      })
      .where('patient_id', '=', row.patient_id)
      .execute()
}
