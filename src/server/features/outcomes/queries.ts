import { sql } from 'kysely'
import type { Tx } from '../../context'

export interface CohortFilter {
  clinicId: string
  route?: 'iv' | 'intranasal' | undefined
  from?: Date | undefined
  to?: Date | undefined
  ageBand?: 'under-30' | '30-49' | '50-64' | '65-plus' | undefined
  severity?: 'moderate' | 'moderately-severe' | 'severe' | undefined
}

const ageBounds = { 'under-30': [0, 29], '30-49': [30, 49], '50-64': [50, 64], '65-plus': [65, 200] } as const
const severityBounds = { moderate: [10, 14], 'moderately-severe': [15, 19], severe: [20, 27] } as const

/**
 * One row per patient of the cohort with the PHQ-9 totals the outcome measures need: baseline
 * (last before the first dose), 24 hours (12–48 h after it), one week (days 5–9) and course end
 * (within 7 days after the last session). Aggregated by set operations, not per-patient queries,
 * so it stays fast over 100,000 patients.
 */
export function cohortSql(f: CohortFilter) {
  const [ageLo, ageHi] = f.ageBand ? ageBounds[f.ageBand] : [0, 200]
  const [sevLo, sevHi] = f.severity ? severityBounds[f.severity] : [0, 27]
  return sql`
    WITH s AS (
      SELECT patient_id, min(dose_started_at) AS first_dose, max(discharged_at) AS last_end, count(*)::int AS sessions,
             min(route) AS route
      FROM treatment_session
      WHERE clinic_id = ${f.clinicId} AND state = 'discharged' AND dose_started_at IS NOT NULL
      GROUP BY patient_id
    ),
    c AS (
      SELECT s.*, p.date_of_birth,
             date_part('year', age(s.first_dose, p.date_of_birth::timestamp))::int AS age_years
      FROM s JOIN patient p ON p.id = s.patient_id AND p.clinic_id = ${f.clinicId}
      WHERE (${f.route ?? null}::text IS NULL OR s.route = ${f.route ?? null})
        AND (${f.from ?? null}::timestamptz IS NULL OR s.first_dose >= ${f.from ?? null})
        AND (${f.to ?? null}::timestamptz IS NULL OR s.first_dose < ${f.to ?? null})
    ),
    phq AS (
      SELECT r.patient_id, r.administered_at AS at, r.total::numeric AS total, c.first_dose, c.last_end
      FROM instrument_response r JOIN c ON c.patient_id = r.patient_id
      WHERE r.clinic_id = ${f.clinicId} AND r.instrument_id = 'phq9' AND r.entered_in_error_at IS NULL
    ),
    m AS (
      SELECT patient_id,
        (array_agg(total ORDER BY at DESC) FILTER (WHERE at <= first_dose))[1] AS baseline,
        (array_agg(total ORDER BY at) FILTER (WHERE at BETWEEN first_dose + interval '12 hours' AND first_dose + interval '48 hours'))[1] AS h24,
        (array_agg(total ORDER BY at) FILTER (WHERE at BETWEEN first_dose + interval '5 days' AND first_dose + interval '9 days'))[1] AS w1,
        (array_agg(total ORDER BY at) FILTER (WHERE at BETWEEN last_end AND last_end + interval '7 days'))[1] AS course_end
      FROM phq GROUP BY patient_id
    )
    SELECT c.patient_id, c.route, c.sessions, c.first_dose, c.last_end, c.age_years, m.baseline, m.h24, m.w1, m.course_end
    FROM c JOIN m ON m.patient_id = c.patient_id
    WHERE m.baseline IS NOT NULL
      AND c.age_years BETWEEN ${ageLo} AND ${ageHi}
      AND m.baseline BETWEEN ${sevLo} AND ${sevHi}`
}

export interface CohortRow {
  patient_id: string
  route: 'iv' | 'intranasal'
  sessions: number
  first_dose: Date
  last_end: Date
  age_years: number
  baseline: string
  h24: string | null
  w1: string | null
  course_end: string | null
}

export async function loadCohort(tx: Tx, f: CohortFilter): Promise<CohortRow[]> {
  return (await cohortSql(f).execute(tx)).rows as CohortRow[]
}

/** Follow-up PHQ-9 after the course of the responders: time to the first one that no longer meets response. */
export async function loadRelapseFollowUp(
  tx: Tx,
  clinicId: string,
  responders: { patientId: string; lastEnd: Date; baseline: number }[],
) {
  if (responders.length === 0) return []
  const ids = responders.map((r) => r.patientId)
  const rows = await tx
    .selectFrom('instrument_response')
    .select(['patient_id', 'administered_at', 'total'])
    .where('clinic_id', '=', clinicId)
    .where('instrument_id', '=', 'phq9')
    .where('entered_in_error_at', 'is', null)
    .where('patient_id', 'in', ids)
    .orderBy('patient_id')
    .orderBy('administered_at')
    .execute()
  return rows
}

export async function loadSafety(tx: Tx, clinicId: string, patientIds: string[] | null) {
  const sessionFilter = patientIds ? sql`AND s.patient_id = ANY(${patientIds}::uuid[])` : sql``
  const effects = await sql<{ term: string; grade: number; n: string }>`
    SELECT e.term, e.grade, count(*) AS n FROM side_effect e JOIN treatment_session s ON s.id = e.session_id
    WHERE e.clinic_id = ${clinicId} AND e.entered_in_error_at IS NULL AND s.state = 'discharged' ${sessionFilter}
    GROUP BY e.term, e.grade ORDER BY e.term, e.grade`.execute(tx)
  const bp = await sql<{ sessions: string; excursions: string; mean_rise: string | null }>`
    WITH v AS (
      SELECT s.id,
        max(v.systolic_mmhg) FILTER (WHERE v.context = 'pre') AS pre_sbp,
        max(v.systolic_mmhg) FILTER (WHERE v.context = 'intra') AS peak_sbp,
        max(v.diastolic_mmhg) FILTER (WHERE v.context = 'intra') AS peak_dbp
      FROM treatment_session s JOIN vital_sign v ON v.session_id = s.id
      WHERE s.clinic_id = ${clinicId} AND s.state = 'discharged' AND v.entered_in_error_at IS NULL ${sessionFilter}
      GROUP BY s.id
    )
    SELECT count(*) AS sessions,
           count(*) FILTER (WHERE peak_sbp > 180 OR peak_dbp > 110) AS excursions,
           avg(peak_sbp - pre_sbp) AS mean_rise
    FROM v`.execute(tx)
  return { effects: effects.rows, bp: bp.rows[0]! }
}

export async function loadUtilisation(tx: Tx, clinicId: string, from: Date, to: Date) {
  const row = await sql<{ booked_hours: string | null; chairs: string }>`
    SELECT (SELECT sum(planned_duration_min) / 60.0 FROM treatment_session
            WHERE clinic_id = ${clinicId} AND state <> 'cancelled' AND scheduled_at >= ${from} AND scheduled_at < ${to}) AS booked_hours,
           (SELECT count(*) FROM chair WHERE clinic_id = ${clinicId} AND is_active) AS chairs`.execute(tx)
  return row.rows[0]!
}
