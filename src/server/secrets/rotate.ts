import type { Kysely } from 'kysely'
import type { Database } from '../../db'
import { rewritePatientSecrets } from './patient-secrets'
import { checkText } from './prepare'
import { isSealed, type SecretBox } from './secret-box'

// `ketacare secrets rotate-key`: every TOTP secret is opened with the current key and sealed under
// the new one in ONE transaction, together with the keyring row. If anything fails (a value the
// current key cannot open, a crash) nothing changes and the current key still opens everything;
// after commit only the new key does. The caller puts the new key somewhere safe before calling.

export interface RotationResult {
  staff: number
  patients: number
  fromKeyId: string
  toKeyId: string
}

export async function rotateSecretKey(
  db: Kysely<Database>,
  current: SecretBox,
  next: SecretBox,
  now: Date,
  progress: (line: string) => void = () => {},
): Promise<RotationResult> {
  if (current.keyId === next.keyId) throw new Error('The new key is the current key; nothing to rotate.')
  const reseal = (value: string) => next.seal(isSealed(value) ? current.open(value) : value)
  return db.transaction().execute(async (tx) => {
    const keyring = await tx.selectFrom('secret_keyring').selectAll().forUpdate().executeTakeFirstOrThrow()
    current.open(keyring.check_value) // names both key ids if the current key is not the recorded one
    const staffRows = await tx
      .selectFrom('mfa_secret')
      .select(['user_id', 'secret_base32'])
      .forUpdate()
      .execute()
    for (const row of staffRows)
      await tx
        .updateTable('mfa_secret')
        .set({ secret_base32: reseal(row.secret_base32) })
        .where('user_id', '=', row.user_id)
        .execute()
    progress(`re-encrypted ${staffRows.length} staff secret(s)`)
    const patientRows = await tx
      .selectFrom('patient_account')
      .select(['patient_id', 'mfa_secret_base32', 'mfa_pending_secret_base32'])
      .where((eb) =>
        eb.or([eb('mfa_secret_base32', 'is not', null), eb('mfa_pending_secret_base32', 'is not', null)]),
      )
      .forUpdate()
      .execute()
    await rewritePatientSecrets(tx, patientRows, reseal)
    const patients = patientRows
      .flatMap((row) => [row.mfa_secret_base32, row.mfa_pending_secret_base32])
      .filter((value) => value !== null).length
    progress(`re-encrypted ${patients} patient secret(s)`)
    await tx
      .updateTable('secret_keyring')
      .set({ key_id: next.keyId!, check_value: next.seal(checkText), rotated_at: now })
      .where('id', '=', 1)
      .execute()
    return { staff: staffRows.length, patients, fromKeyId: current.keyId!, toKeyId: next.keyId! }
  })
}
