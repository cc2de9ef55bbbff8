import type { Kysely } from 'kysely'
import type { Database } from '../../db'
import type { Config } from '../config'
import { finishInterruptedRotation, keyFileExists, keyFilePath, readKeyFile, writeKeyFile } from './key-file'
import { rewritePatientSecrets } from './patient-secrets'
import { isSealed, SecretBox, SecretKey, SecretKeyError } from './secret-box'

// Start-up of anything that opens the database (serve, migrate, the CLI): find the key, prove it is
// the one the secrets are under (the sealed check value in `secret_keyring`), and encrypt any TOTP
// secret still stored in clear (written before migration 015, or restored from such a backup).

export const checkText = 'ketacare-secret-key-check'

export interface PreparedSecrets {
  box: SecretBox
  /** Lines for the operator (a key file was created, secrets were encrypted); never the key. */
  notices: string[]
}

export async function prepareSecrets(db: Kysely<Database>, config: Config): Promise<PreparedSecrets> {
  const notices: string[] = []
  const keyring = await db.selectFrom('secret_keyring').selectAll().executeTakeFirst()
  let key = config.secretKey
  if (!key) {
    // loadConfig already requires KETACARE_SECRET_KEY with DATABASE_URL; this is the embedded default.
    if (config.dataDir.startsWith('memory://')) key = SecretKey.generate()
    else {
      const path = keyFilePath(config.dataDir)
      if (keyFileExists(path)) {
        key = readKeyFile(path)
        const finished =
          keyring && keyring.key_id !== key.id ? finishInterruptedRotation(path, keyring.key_id) : undefined
        if (finished) {
          key = finished
          notices.push(`Finished an interrupted key rotation: ${path} is now key ${key.id}.`)
        }
      } else if (keyring)
        throw new SecretKeyError(
          `The TOTP secrets in this database are encrypted under key ${keyring.key_id}, but ${path} is missing and KETACARE_SECRET_KEY is unset. Put back the key file you kept apart from the data (it is not in backups), or set KETACARE_SECRET_KEY.`,
        )
      else {
        key = SecretKey.generate()
        writeKeyFile(path, key)
        notices.push(
          `Created the secret key ${path} (key ${key.id}, readable by this user only). It encrypts the TOTP secrets. Back it up separately: it is not in database backups, and without it every authenticator must be set up again.`,
        )
      }
    }
  }
  const box = new SecretBox(key)
  const sealed = await db.transaction().execute(async (tx) => {
    await installKey(tx, box, new Date())
    return sealClearSecrets(tx, box)
  })
  if (sealed > 0)
    notices.push(`Encrypted ${sealed} TOTP secret(s) that were stored in clear (key ${box.keyId}).`)
  return { box, notices }
}

/** Records the key on first use, else proves the configured key is the recorded one. */
async function installKey(tx: Kysely<Database>, box: SecretBox, now: Date): Promise<void> {
  await tx
    .insertInto('secret_keyring')
    .values({ id: 1, key_id: box.keyId!, check_value: box.seal(checkText), installed_at: now })
    .onConflict((c) => c.column('id').doNothing())
    .execute()
  const row = await tx.selectFrom('secret_keyring').selectAll().forUpdate().executeTakeFirstOrThrow()
  if (row.key_id !== box.keyId)
    throw new SecretKeyError(
      `The configured secret key is key ${box.keyId}, but this database's TOTP secrets are encrypted under key ${row.key_id}. Start with the key the database was encrypted with (after \`ketacare secrets rotate-key\`, the new one).`,
    )
  if (box.open(row.check_value) !== checkText)
    throw new SecretKeyError('The secret key check value is wrong.')
}

/** Encrypts every TOTP secret still in clear; returns how many. Runs inside the caller's transaction. */
export async function sealClearSecrets(tx: Kysely<Database>, box: SecretBox): Promise<number> {
  let count = 0
  const staff = await tx
    .selectFrom('mfa_secret')
    .select(['user_id', 'secret_base32'])
    .where('secret_base32', 'not like', 'v1:%')
    .forUpdate()
    .execute()
  for (const row of staff) {
    await tx
      .updateTable('mfa_secret')
      .set({ secret_base32: box.seal(row.secret_base32) })
      .where('user_id', '=', row.user_id)
      .execute()
    count++
  }
  const patients = await tx
    .selectFrom('patient_account')
    .select(['patient_id', 'mfa_secret_base32', 'mfa_pending_secret_base32'])
    .where((eb) =>
      eb.or([
        eb('mfa_secret_base32', 'not like', 'v1:%'),
        eb('mfa_pending_secret_base32', 'not like', 'v1:%'),
      ]),
    )
    .forUpdate()
    .execute()
  await rewritePatientSecrets(tx, patients, (value) => (isSealed(value) ? value : box.seal(value)))
  for (const row of patients) {
    count += Number(row.mfa_secret_base32 !== null && !isSealed(row.mfa_secret_base32))
    count += Number(row.mfa_pending_secret_base32 !== null && !isSealed(row.mfa_pending_secret_base32))
  }
  return count
}
