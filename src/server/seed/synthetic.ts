import { type Insertable, sql } from 'kysely'
import type { Database } from '../../db'
import { findProtocol } from '../../domain/dosing'
import { canonicalize } from '../../domain/ledger/hash-chain'
import { generateSyntheticPatient, type SyntheticPatient } from '../../domain/outcomes'
import { mulberry32, normalSampler } from '../../domain/pharmacology'
import { appendAudit } from '../audit/append-audit'
import type { AppContext, Tx } from '../context'
import { defaultConsentBody, defaultConsentTitle } from '../features/consent/default-consent-text'
import { loadUtilisation, refreshOutcomeSummaries } from '../features/outcomes/queries'
import { chairCapacityHours, loadOutcomeThresholds } from '../features/outcomes/service'
import { uuidv7 } from '../ids'
import { sha256Hex } from '../sha256'

const dayMs = 86_400_000
const defaultBatchSize = 500

export interface SyntheticOptions {
  clinicId: string
  patients: number
  seed: number
  /** Patients per transaction (and per progress step); 500 unless given. */
  batchSize?: number
  /** Nothing later than this is written (default: now). */
  until?: Date
  onProgress?: (done: number, total: number) => void
  /** Called once the patients are written, before the outcome summary is built (tens of seconds at 100,000). */
  onSummarising?: () => void
}

/**
 * One INSERT per table and batch: the rows travel as a single JSON parameter and PostgreSQL
 * unpacks them (json_populate_recordset), much cheaper than binding tens of thousands of
 * parameters, and with no limit on the rows per statement.
 */
async function insertMany<T extends keyof Database & string>(
  tx: Tx,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return
  const columns = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)))
  await sql`INSERT INTO ${sql.table(table)} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)})`.execute(
    tx,
  )
}

/**
 * Adds N synthetic patients to a clinic — plans, sessions with vitals and side effects, PHQ-9 and
 * MADRS trajectories, research consents — in batches, each batch one transaction. Only what would
 * have happened by now is written. MRNs are SYN-<seed>-<n>, names say "Synthetic".
 */
export async function seedSyntheticPopulation(
  ctx: AppContext,
  options: SyntheticOptions,
): Promise<{ patients: number; rows: number }> {
  const uniform = mulberry32(options.seed)
  const normal = normalSampler(uniform)
  const now = ctx.now()
  const horizon = options.until ?? now
  const { staffId, textId } = await prepareClinic(ctx, options.clinicId, now)
  const isSuperuser =
    (await sql<{ on: boolean }>`SELECT current_setting('is_superuser') = 'on' AS on`.execute(ctx.db)).rows[0]
      ?.on === true
  let rows = 0
  const batchSize = options.batchSize ?? defaultBatchSize
  for (let start = 0; start < options.patients; start += batchSize) {
    const count = Math.min(batchSize, options.patients - start)
    const people: SyntheticPatient[] = Array.from({ length: count }, (_, i) =>
      generateSyntheticPatient(start + i, uniform, normal),
    )
    const firstDays = people.map(() => horizon.getTime() - Math.floor(uniform() * 330 + 7) * dayMs)
    rows += await ctx.db.transaction().execute(async (tx) => {
      // The generator writes rows whose references it has just created, so where the role may
      // (the embedded database's always may) the per-row foreign-key checks are skipped: they
      // would double the load time. That also silences the triggers that mark changed patients
      // for the outcome summary, so writeBatch marks them itself.
      if (isSuperuser) await sql`SET LOCAL session_replication_role = replica`.execute(tx)
      return writeBatch(tx, options, people, firstDays, textId, staffId, horizon)
    })
    options.onProgress?.(start + count, options.patients)
  }
  const chairsAdded = await addChairsForVolume(ctx, options.clinicId, now)
  options.onSummarising?.()
  // Fresh statistics, or the planner (which has none for bulk-loaded tables, and PGlite has no
  // autovacuum to gather them) picks nested loops that make the summary below quadratic.
  const analyze = async (tables: string[]) => {
    for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(ctx.db)
  }
  await analyze([
    'patient',
    'treatment_plan',
    'consent',
    'treatment_session',
    'vital_sign',
    'instrument_response',
    'side_effect',
  ])
  // The outcome dashboard's per-patient summary, in one pass over the clinic rather than on the
  // first dashboard view.
  await ctx.db
    .transaction()
    .execute(async (tx) =>
      refreshOutcomeSummaries(
        tx,
        options.clinicId,
        'all',
        await loadOutcomeThresholds(tx, options.clinicId),
        now,
      ),
    )
  await analyze(['outcome_summary', 'outcome_effect_summary'])
  await ctx.db.transaction().execute((tx) =>
    appendAudit(
      tx,
      {
        clinicId: options.clinicId,
        actorUserId: null,
        actorEmail: 'ketacare seed',
        action: 'seed.synthetic',
        entity: 'patient',
        outcome: 'success',
        detail: { patients: options.patients, seed: options.seed, rows, chairsAdded },
      },
      now,
    ),
  )
  return { patients: options.patients, rows }
}

/** Chair use a synthetic clinic is given room for: bookings over the last 30 days fill at most this share of chair hours. */
const syntheticChairUse = 0.8

/**
 * A population of thousands books far more chair hours than the demo's four chairs hold; the
 * synthetic clinic gets enough extra chairs ("Synthetic chair N") that the last 30 days' bookings
 * fill at most 80 % of 8-hour weekdays, so the dashboard's chair use stays a believable figure.
 */
async function addChairsForVolume(ctx: AppContext, clinicId: string, now: Date): Promise<number> {
  const from = new Date(now.getTime() - 30 * dayMs)
  const use = await loadUtilisation(ctx.db, clinicId, from, now)
  const needed = Math.ceil(
    Number(use.booked_hours ?? 0) / (chairCapacityHours(1, from, now) * syntheticChairUse),
  )
  const missing = Math.max(0, needed - Number(use.chairs))
  if (missing === 0) return 0
  const existing = await ctx.db
    .selectFrom('chair')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('name', 'like', 'Synthetic chair %')
    .executeTakeFirstOrThrow()
  const first = Number(existing.n) + 1
  await ctx.db
    .insertInto('chair')
    .values(
      Array.from({ length: missing }, (_, i) => ({
        id: uuidv7(now.getTime()),
        clinic_id: clinicId,
        name: `Synthetic chair ${first + i}`,
        is_active: true,
        created_at: now,
      })),
    )
    .execute()
  return missing
}

/**
 * Writes patients given in full — used by tests that check the dashboard against a cohort worked
 * out by hand. `firstDays[i]` is the start (ms) of patient i's first treatment day.
 */
export async function writeSyntheticPatients(
  ctx: AppContext,
  options: Pick<SyntheticOptions, 'clinicId' | 'seed'>,
  people: SyntheticPatient[],
  firstDays: number[],
): Promise<number> {
  const now = ctx.now()
  const { staffId, textId } = await prepareClinic(ctx, options.clinicId, now)
  return ctx.db
    .transaction()
    .execute((tx) =>
      writeBatch(tx, { ...options, patients: people.length }, people, firstDays, textId, staffId, now),
    )
}

/** A clinician to record the consents under, and the consent text they sign. */
async function prepareClinic(ctx: AppContext, clinicId: string, now: Date) {
  const staff = await ctx.db
    .selectFrom('membership')
    .select('user_id')
    .where('clinic_id', '=', clinicId)
    .where('role', 'in', ['nurse', 'prescriber'])
    .limit(1)
    .executeTakeFirstOrThrow()
  return { staffId: staff.user_id, textId: await ensureConsentText(ctx, clinicId, staff.user_id, now) }
}

async function ensureConsentText(
  ctx: AppContext,
  clinicId: string,
  userId: string,
  now: Date,
): Promise<string> {
  const existing = await ctx.db
    .selectFrom('consent_text')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (existing) return existing.id
  const id = uuidv7(now.getTime())
  await ctx.db
    .insertInto('consent_text')
    .values({
      id,
      clinic_id: clinicId,
      version: 1,
      title: defaultConsentTitle,
      body: defaultConsentBody,
      content_hash: sha256Hex(canonicalize({ title: defaultConsentTitle, body: defaultConsentBody })),
      created_by: userId,
      created_at: now,
    })
    .execute()
  return id
}

async function writeBatch(
  tx: Tx,
  o: SyntheticOptions,
  people: SyntheticPatient[],
  firstDays: number[],
  consentTextId: string,
  staffId: string,
  now: Date,
): Promise<number> {
  const nowMs = now.getTime()
  const patients: Insertable<Database['patient']>[] = []
  const plans: Insertable<Database['treatment_plan']>[] = []
  const consents: Insertable<Database['consent']>[] = []
  const sessions: Insertable<Database['treatment_session']>[] = []
  const vitals: Insertable<Database['vital_sign']>[] = []
  const scores: Insertable<Database['instrument_response']>[] = []
  const effects: Insertable<Database['side_effect']>[] = []
  people.forEach((p, i) => {
    const day0 = firstDays[i]!
    const at = (day: number, minutes = 0) => new Date(day0 + day * dayMs + minutes * 60_000)
    const patientId = uuidv7(day0)
    const created = at(-14)
    const dob = new Date(day0 - (p.ageYears * 365.25 + 100) * dayMs).toISOString().slice(0, 10)
    patients.push({
      id: patientId,
      clinic_id: o.clinicId,
      mrn: `SYN-${o.seed}-${p.index}`,
      given_name: 'Synthetic',
      family_name: `Patient ${p.index}`,
      date_of_birth: dob,
      sex: p.sex,
      phone: null,
      email: null,
      address: null,
      escort_name: null,
      escort_phone: null,
      emergency_contact_name: null,
      emergency_contact_phone: null,
      emergency_contact_relation: null,
      created_at: created,
      created_by: null,
      updated_at: created,
    })
    const protocol = findProtocol(p.route === 'iv' ? 'iv-racemic-standard' : 'esketamine-trd')
    const planId = uuidv7(day0)
    plans.push({
      id: planId,
      clinic_id: o.clinicId,
      patient_id: patientId,
      protocol_id: protocol.id,
      dose_basis: 'actual',
      dose_mg_per_kg: p.route === 'iv' ? '0.5' : null,
      dose_mg: p.route === 'iv' ? null : '56',
      max_dose_mg_per_kg: p.route === 'iv' ? '1' : null,
      planned_sessions: p.sessions.length,
      cadence: p.route === 'iv' ? 'three-weekly-12-days' : 'label-schedule',
      note: 'synthetic',
      status: 'approved',
      created_by: null,
      created_at: at(-2),
      approved_by: null,
      approver_name: 'synthetic',
      approved_at: at(-1),
      content_hash: null,
    })
    consents.push({
      id: uuidv7(day0),
      clinic_id: o.clinicId,
      patient_id: patientId,
      consent_text_id: consentTextId,
      signer_name: `Synthetic Patient ${p.index}`,
      signature_kind: 'typed',
      signature_data: `Synthetic Patient ${p.index}`,
      research_use: p.consentsToResearch,
      witness_user_id: staffId,
      witness_name: 'synthetic',
      content_hash: 'synthetic',
      signed_at: at(-1),
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_reason: null,
    })
    for (const s of p.sessions) {
      const start = at(s.day, 9 * 60)
      if (start.getTime() + 3 * 3_600_000 > nowMs) continue
      const sessionId = uuidv7(start.getTime())
      const doseEnd = new Date(start.getTime() + (p.route === 'iv' ? 40 : 10) * 60_000)
      const discharged = new Date(start.getTime() + (p.route === 'iv' ? 90 : 130) * 60_000)
      sessions.push({
        id: sessionId,
        clinic_id: o.clinicId,
        patient_id: patientId,
        plan_id: planId,
        chair_id: null,
        session_number: s.number,
        scheduled_at: start,
        planned_duration_min: p.route === 'iv' ? 120 : 150,
        state: 'discharged',
        route: p.route,
        spacing_override_reason: null,
        spacing_override_by: null,
        supervising_prescriber_id: null,
        primary_nurse_id: null,
        weight_kg: String(p.weightKg),
        dose_basis: 'actual',
        planned_dose_mg: String(s.doseMg),
        vial_mg_per_ml: p.route === 'iv' ? '10' : null,
        infusion_min: p.route === 'iv' ? '40' : null,
        dose_checked_by: null,
        dose_checked_at: null,
        dose_started_at: start,
        dose_ended_at: doseEnd,
        escort_name: null,
        is_escort_present: true,
        discharged_at: discharged,
        discharge_signed_by: null,
        discharge_signer_name: 'synthetic',
        discharge_content_hash: null,
        end_reason: null,
        rems_submitted_at: p.route === 'intranasal' ? discharged : null,
        rems_submitted_by: null,
        created_at: at(s.day - 2),
        created_by: null,
        updated_at: discharged,
      })
      const offsets = [-10, 40, p.route === 'iv' ? 85 : 125]
      s.vitals.forEach(([sbp, dbp, hr], k) => {
        vitals.push({
          id: uuidv7(start.getTime()),
          clinic_id: o.clinicId,
          patient_id: patientId,
          session_id: sessionId,
          context: k === 0 ? 'pre' : k === 1 ? 'intra' : 'post',
          measured_at: new Date(start.getTime() + offsets[k]! * 60_000),
          systolic_mmhg: sbp,
          diastolic_mmhg: dbp,
          heart_rate_bpm: hr,
          spo2_percent: 97,
          respiratory_rate: 14,
          moaas: k === 1 ? 4 : 5,
          recorded_by: null,
          created_at: start,
        })
      })
      for (const e of s.sideEffects) {
        effects.push({
          id: uuidv7(start.getTime()),
          clinic_id: o.clinicId,
          session_id: sessionId,
          patient_id: patientId,
          term: e.term,
          grade: e.grade,
          onset_at: new Date(start.getTime() + 20 * 60_000),
          action_taken: null,
          resolved_at: new Date(start.getTime() + 70 * 60_000),
          is_serious: e.grade >= 3,
          recorded_by: null,
          created_at: start,
        })
      }
    }
    const score = (instrument: 'phq9' | 'madrs', day: number, total: number) => {
      const when = at(day, day === 0 ? 8 * 60 : 12 * 60)
      if (when.getTime() > nowMs) return
      const band =
        instrument === 'phq9'
          ? total <= 4
            ? 'none-minimal'
            : total <= 9
              ? 'mild'
              : total <= 14
                ? 'moderate'
                : total <= 19
                  ? 'moderately-severe'
                  : 'severe'
          : total <= 6
            ? 'normal'
            : total <= 19
              ? 'mild'
              : total <= 34
                ? 'moderate'
                : 'severe'
      scores.push({
        id: uuidv7(when.getTime()),
        clinic_id: o.clinicId,
        patient_id: patientId,
        instrument_id: instrument,
        answers: '{}',
        total: String(total),
        band,
        band_label: band,
        subscales: '{}',
        flags: '[]',
        context: day === 0 ? 'intake' : 'follow-up',
        session_id: null,
        respondent: instrument === 'phq9' ? 'patient' : 'clinician',
        administered_at: when,
        recorded_by: null,
        created_at: when,
      })
    }
    for (const x of p.phq9) score('phq9', x.day, x.total)
    for (const x of p.madrs) score('madrs', x.day, x.total)
  })
  await insertMany(tx, 'patient', patients)
  await insertMany(tx, 'treatment_plan', plans)
  await insertMany(tx, 'consent', consents)
  await insertMany(tx, 'treatment_session', sessions)
  await insertMany(tx, 'vital_sign', vitals)
  await insertMany(tx, 'instrument_response', scores)
  await insertMany(tx, 'side_effect', effects)
  await sql`INSERT INTO outcome_stale (patient_id, clinic_id)
    SELECT unnest(${patients.map((p) => p.id)}::uuid[]), ${o.clinicId}::uuid ON CONFLICT DO NOTHING`.execute(
    tx,
  )
  return (
    patients.length +
    plans.length +
    consents.length +
    sessions.length +
    vitals.length +
    scores.length +
    effects.length
  )
}
