import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, PatientTable } from '../../../db'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { type PageWindow, selectPage } from '../clinics/paging'

export type PatientRow = Selectable<PatientTable>

const like = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`

export async function searchPatients(
  tx: Tx,
  clinicId: string,
  opts: {
    q?: string | undefined
    dateOfBirth?: string | undefined
    window: PageWindow
    contraindicationQuestionCount: number
  },
) {
  let query = tx.selectFrom('patient').where('clinic_id', '=', clinicId)
  if (opts.q) {
    const words = opts.q.split(/[\s,]+/).filter(Boolean)
    // Every word must match a name or the MRN: "smith jo" finds Jo Smith.
    for (const word of words) {
      query = query.where((eb) =>
        eb.or([
          eb('given_name', 'ilike', like(word)),
          eb('family_name', 'ilike', like(word)),
          eb('mrn', 'ilike', like(word)),
        ]),
      )
    }
  }
  if (opts.dateOfBirth) query = query.where('date_of_birth', '=', opts.dateOfBirth)
  return selectPage(query, opts.window, (q) =>
    q
      .selectAll()
      .select(stageFactsSql(opts.contraindicationQuestionCount))
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('id'),
  )
}

export function findPatient(tx: Tx, clinicId: string, patientId: string) {
  return tx
    .selectFrom('patient')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst()
}

export function findPatientByMrn(tx: Tx, clinicId: string, mrn: string) {
  return tx
    .selectFrom('patient')
    .select(['id'])
    .where('clinic_id', '=', clinicId)
    .where('mrn', '=', mrn)
    .executeTakeFirst()
}

/** Same name (case-insensitive) and date of birth: the usual signature of a double registration. */
export function findLikelyDuplicates(
  tx: Tx,
  clinicId: string,
  p: { givenName: string; familyName: string; dateOfBirth: string },
  excludeId?: string,
) {
  let query = tx
    .selectFrom('patient')
    .select(['id', 'mrn', 'given_name', 'family_name', 'date_of_birth'])
    .where('clinic_id', '=', clinicId)
    .where('date_of_birth', '=', p.dateOfBirth)
    .where((eb) => eb(eb.fn('lower', ['given_name']), '=', p.givenName.toLowerCase()))
    .where((eb) => eb(eb.fn('lower', ['family_name']), '=', p.familyName.toLowerCase()))
  if (excludeId) query = query.where('id', '!=', excludeId)
  return query.execute()
}

export async function updatePatient(
  tx: Tx,
  clinicId: string,
  patientId: string,
  version: number,
  changes: Partial<PatientRow>,
  now: Date,
) {
  return tx
    .updateTable('patient')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .where('version', '=', version)
    .executeTakeFirst()
}

export function listMeasurements(tx: Tx, clinicId: string, patientId: string) {
  return listPatientRows(tx, 'body_measurement', clinicId, patientId, 'measured_at')
}

/** One patient with the facts of its stage (as the list has them). */
export function findPatientWithStageFacts(
  tx: Tx,
  clinicId: string,
  patientId: string,
  contraindicationQuestionCount: number,
) {
  return tx
    .selectFrom('patient')
    .selectAll()
    .select(stageFactsSql(contraindicationQuestionCount))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst()
}

/** The facts deriveStage needs, per patient row, as correlated subqueries (one round trip per page). */
export function stageFactsSql(contraindicationQuestionCount: number) {
  return [
    sql<
      string | null
    >`(SELECT d.decision FROM eligibility_decision d WHERE d.patient_id = patient.id ORDER BY d.signed_at DESC LIMIT 1)`.as(
      'latest_decision',
    ),
    sql<boolean>`EXISTS (SELECT 1 FROM treatment_plan t WHERE t.patient_id = patient.id AND t.status = 'approved')`.as(
      'has_approved_plan',
    ),
    sql<boolean>`EXISTS (
      SELECT 1 FROM consent c JOIN consent_text ct ON ct.id = c.consent_text_id
      WHERE c.patient_id = patient.id AND c.withdrawn_at IS NULL
        AND ct.version = (SELECT max(version) FROM consent_text WHERE clinic_id = patient.clinic_id))`.as(
      'has_current_consent',
    ),
    sql<boolean>`(
      EXISTS (SELECT 1 FROM screening s WHERE s.patient_id = patient.id AND s.episode_duration_months IS NOT NULL AND s.severity IS NOT NULL
        AND (SELECT count(*) FROM jsonb_each(s.contraindication_answers) e WHERE jsonb_typeof(e.value) = 'boolean') >= ${contraindicationQuestionCount})
      AND EXISTS (SELECT 1 FROM antidepressant_trial a WHERE a.patient_id = patient.id AND a.entered_in_error_at IS NULL)
      AND EXISTS (SELECT 1 FROM instrument_response r WHERE r.patient_id = patient.id AND r.entered_in_error_at IS NULL AND r.instrument_id IN ('phq9', 'madrs'))
      AND EXISTS (SELECT 1 FROM instrument_response r WHERE r.patient_id = patient.id AND r.entered_in_error_at IS NULL AND r.instrument_id = 'cssrs-screen'))`.as(
      'is_assessment_complete',
    ),
    sql<string>`(SELECT count(*) FROM safety_alert a WHERE a.patient_id = patient.id AND a.acknowledged_at IS NULL)`.as(
      'open_alerts',
    ),
  ] as const
}

/** The patient, or a 404 when there is none in this clinic (row-level security hides other clinics'). */
export async function requirePatient(tx: Tx, clinicId: string, patientId: string): Promise<PatientRow> {
  const row = await findPatient(tx, clinicId, patientId)
  if (!row) throw new AppError('not-found', 'No such patient in this clinic.')
  return row
}

/** Tables whose rows each belong to one patient of one clinic. */
type PatientRecordTable = {
  [T in keyof Database]: Database[T] extends { clinic_id: unknown; patient_id: unknown } ? T : never
}[keyof Database]

/** A patient's rows of one table of the record, newest first by `newestFirstBy`. */
export function listPatientRows<T extends PatientRecordTable>(
  tx: Tx,
  table: T,
  clinicId: string,
  patientId: string,
  newestFirstBy: keyof Database[T] & string,
): Promise<Selectable<Database[T]>[]> {
  // Kysely cannot resolve the columns of a table chosen by a type parameter; the constraint above
  // guarantees the two this query filters on, so it is written against a table of that shape.
  const db = tx as unknown as Kysely<{ patient_record: { clinic_id: string; patient_id: string } }>
  return db
    .selectFrom(table as 'patient_record')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy(sql.ref(newestFirstBy), 'desc')
    .execute() as Promise<Selectable<Database[T]>[]>
}
