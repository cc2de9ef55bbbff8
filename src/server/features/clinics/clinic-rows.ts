import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../../../db'
import type { ClinicScope } from '../../clinic-scope'
import { uuidv7 } from '../../ids'

/** Tables whose rows each belong to one clinic under their own id. */
type ClinicTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; clinic_id: unknown } ? T : never
}[keyof Database]

/**
 * Records a new row of the scope's clinic under a fresh time-ordered id (uuidv7 at the scope's
 * `now`), and returns the id.
 */
export async function insertClinicRow<T extends ClinicTable>(
  scope: ClinicScope,
  table: T,
  values: Omit<Insertable<Database[T]>, 'id' | 'clinic_id'>,
): Promise<string> {
  const id = uuidv7(scope.now.getTime())
  // Kysely cannot check values against a table chosen by a type parameter; the signature does, so
  // the insert itself is written against a table of the two columns added here.
  const db = scope.tx as unknown as Kysely<{ clinic_row: { id: string; clinic_id: string } }>
  await db
    .insertInto(table as 'clinic_row')
    .values({ id, clinic_id: scope.clinicId, ...values })
    .execute()
  return id
}
