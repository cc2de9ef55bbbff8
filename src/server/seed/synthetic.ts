import { type Insertable, sql } from 'kysely'
import type { Database } from '../../db'
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
import { addSyntheticPatient, emptySyntheticRows, type SyntheticRows } from './synthetic-rows'

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
  const rows = emptySyntheticRows()
  const batch = { clinicId: o.clinicId, seed: o.seed, consentTextId, staffId, nowMs: now.getTime() }
  for (const [i, p] of people.entries()) addSyntheticPatient(rows, batch, p, firstDays[i]!)
  // In this order: each table's rows refer to the ones before.
  for (const table of Object.keys(rows) as (keyof SyntheticRows)[]) await insertMany(tx, table, rows[table])
  await sql`INSERT INTO outcome_stale (patient_id, clinic_id)
    SELECT unnest(${rows.patient.map((p) => p.id)}::uuid[]), ${o.clinicId}::uuid ON CONFLICT DO NOTHING`.execute(
    tx,
  )
  return Object.values(rows).reduce((sum, tableRows) => sum + tableRows.length, 0)
}
