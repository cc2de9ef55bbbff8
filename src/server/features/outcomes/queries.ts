import { type RawBuilder, sql } from 'kysely'
import type { OutcomeFlag } from '../../../contract/outcomes'
import type { Tx } from '../../context'

export interface CohortFilter {
  clinicId: string
  route?: 'iv' | 'intranasal' | undefined
  /** A protocol id (built in or the clinic's own): the plan the first dose was given under. */
  protocol?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
  ageBand?: 'under-30' | '30-49' | '50-64' | '65-plus' | undefined
  severity?: 'moderate' | 'moderately-severe' | 'severe' | undefined
}

/** Response: PHQ-9 at or below this share of baseline; remission: below this total (clinical-reference §4). */
export interface OutcomeThresholds {
  responseFraction: number
  remissionBelow: number
  /** A session's peak intra-session reading above either counts as a blood-pressure excursion. */
  bpExcursionAbove: { systolicMmHg: number; diastolicMmHg: number }
}

const ageBounds = { 'under-30': [0, 29], '30-49': [30, 49], '50-64': [50, 64], '65-plus': [65, 200] } as const
const severityBounds = { moderate: [10, 14], 'moderately-severe': [15, 19], severe: [20, 27] } as const
/** Above this many changed patients one pass over the whole clinic is cheaper than a list. */
const wholeClinicAbove = 5000

/**
 * Recomputes `outcome_summary` (one row per patient with a discharged session) and
 * `outcome_effect_summary` for the patients whose records changed since (`outcome_stale`, filled
 * by triggers), or for every patient of the clinic. The figures per patient: PHQ-9 at baseline
 * (last before the first dose), 24 hours (12–48 h after it), one week (days 5–9) and course end
 * (within 7 days after the last session); for course-end responders, days from the course's end to
 * the first follow-up (after day 7) that no longer meets response, or to the last follow-up if
 * none (censored); and per discharged session with vitals, the peak intra-session blood pressure
 * against the pre-dose reading. Returns how many patients were recomputed (changed
 * ones taken, or with a summary when the whole clinic is).
 */
export async function refreshOutcomeSummaries(
  tx: Tx,
  clinicId: string,
  which: 'stale' | 'all' | { staleUpTo: number },
  thresholds: OutcomeThresholds,
  now: Date,
): Promise<number> {
  // A bounded share ({ staleUpTo }) skips patients another transaction is recomputing, so the
  // background worker never queues behind a dashboard; the dashboard itself takes (and if need
  // be waits for) them all, so what it reads is current.
  const stale =
    typeof which === 'object'
      ? await sql<{ patient_id: string }>`
          DELETE FROM outcome_stale WHERE patient_id IN (
            SELECT patient_id FROM outcome_stale WHERE clinic_id = ${clinicId}
            LIMIT ${which.staleUpTo} FOR UPDATE SKIP LOCKED)
          RETURNING patient_id`.execute(tx)
      : await sql<{ patient_id: string }>`
          DELETE FROM outcome_stale WHERE clinic_id = ${clinicId} RETURNING patient_id`.execute(tx)
  if (which !== 'all' && stale.rows.length === 0) return 0
  const ids =
    which === 'all' || stale.rows.length > wholeClinicAbove ? null : stale.rows.map((r) => r.patient_id)
  const only = (column: string) => (ids ? sql`AND ${sql.ref(column)} = ANY(${ids}::uuid[])` : sql``)
  await sql`DELETE FROM outcome_summary WHERE clinic_id = ${clinicId} ${only('patient_id')}`.execute(tx)
  await sql`DELETE FROM outcome_effect_summary WHERE clinic_id = ${clinicId} ${only('patient_id')}`.execute(
    tx,
  )
  const half = thresholds.responseFraction
  const inserted = await sql`
    INSERT INTO outcome_summary (patient_id, clinic_id, route, protocol_id, dosed_sessions, first_dose, last_end, age_years,
      baseline, h24, w1, course_end, follow_up_days, relapsed, bp_sessions, bp_excursions, bp_rise_sum,
      bp_rise_count, refreshed_at)
    WITH s AS (
      SELECT t.patient_id,
        min(t.dose_started_at) AS first_dose,
        max(t.discharged_at) FILTER (WHERE t.dose_started_at IS NOT NULL) AS last_end,
        count(t.dose_started_at)::int AS dosed_sessions,
        min(t.route) FILTER (WHERE t.dose_started_at IS NOT NULL) AS route,
        (array_agg(pl.protocol_id ORDER BY t.dose_started_at) FILTER (WHERE t.dose_started_at IS NOT NULL))[1] AS protocol_id
      FROM treatment_session t LEFT JOIN treatment_plan pl ON pl.id = t.plan_id
      WHERE t.clinic_id = ${clinicId} AND t.state = 'discharged' ${only('t.patient_id')}
      GROUP BY t.patient_id
    ),
    phq AS (
      SELECT r.patient_id, r.administered_at AS at, r.total::numeric AS total, s.first_dose, s.last_end
      FROM instrument_response r JOIN s ON s.patient_id = r.patient_id
      WHERE r.clinic_id = ${clinicId} AND r.instrument_id = 'phq9' AND r.entered_in_error_at IS NULL
        AND s.first_dose IS NOT NULL ${only('r.patient_id')}
    ),
    m AS (
      SELECT patient_id,
        (array_agg(total ORDER BY at DESC) FILTER (WHERE at <= first_dose))[1] AS baseline,
        (array_agg(total ORDER BY at) FILTER (WHERE at BETWEEN first_dose + interval '12 hours' AND first_dose + interval '48 hours'))[1] AS h24,
        (array_agg(total ORDER BY at) FILTER (WHERE at BETWEEN first_dose + interval '5 days' AND first_dose + interval '9 days'))[1] AS w1,
        (array_agg(total ORDER BY at) FILTER (WHERE at BETWEEN last_end AND last_end + interval '7 days'))[1] AS course_end
      FROM phq GROUP BY patient_id
    ),
    f AS (
      SELECT phq.patient_id,
        min(phq.at) FILTER (WHERE phq.total > m.baseline * ${half}) AS relapse_at,
        max(phq.at) AS last_follow_up
      FROM phq JOIN m ON m.patient_id = phq.patient_id
      WHERE m.course_end <= m.baseline * ${half} AND phq.at > phq.last_end + interval '7 days'
      GROUP BY phq.patient_id
    ),
    per_session AS (
      SELECT t.patient_id,
        max(v.systolic_mmhg) FILTER (WHERE v.context = 'pre') AS pre_sbp,
        max(v.systolic_mmhg) FILTER (WHERE v.context = 'intra') AS peak_sbp,
        max(v.diastolic_mmhg) FILTER (WHERE v.context = 'intra') AS peak_dbp
      FROM treatment_session t JOIN vital_sign v ON v.session_id = t.id
      WHERE t.clinic_id = ${clinicId} AND t.state = 'discharged' AND v.entered_in_error_at IS NULL ${only('t.patient_id')}
      GROUP BY t.patient_id, t.id
    ),
    bp AS (
      SELECT patient_id, count(*)::int AS sessions,
        count(*) FILTER (WHERE peak_sbp > ${thresholds.bpExcursionAbove.systolicMmHg}
          OR peak_dbp > ${thresholds.bpExcursionAbove.diastolicMmHg})::int AS excursions,
        sum(peak_sbp - pre_sbp) AS rise_sum, count(peak_sbp - pre_sbp)::int AS rise_count
      FROM per_session GROUP BY patient_id
    )
    SELECT s.patient_id, ${clinicId}::uuid, s.route, s.protocol_id, s.dosed_sessions, s.first_dose, s.last_end,
      date_part('year', age(s.first_dose, p.date_of_birth::timestamp))::int,
      m.baseline, m.h24, m.w1, m.course_end,
      extract(epoch FROM coalesce(f.relapse_at, f.last_follow_up) - s.last_end)::float8 / 86400,
      CASE WHEN f.patient_id IS NOT NULL THEN f.relapse_at IS NOT NULL END,
      coalesce(bp.sessions, 0), coalesce(bp.excursions, 0), bp.rise_sum, coalesce(bp.rise_count, 0), ${now}
    FROM s JOIN patient p ON p.id = s.patient_id
      LEFT JOIN m ON m.patient_id = s.patient_id
      LEFT JOIN f ON f.patient_id = s.patient_id
      LEFT JOIN bp ON bp.patient_id = s.patient_id`.execute(tx)
  await sql`
    INSERT INTO outcome_effect_summary (patient_id, clinic_id, term, grade, n)
    SELECT e.patient_id, e.clinic_id, e.term, e.grade, count(*)::int
    FROM side_effect e JOIN treatment_session t ON t.id = e.session_id
    WHERE e.clinic_id = ${clinicId} AND e.entered_in_error_at IS NULL AND t.state = 'discharged' ${only('t.patient_id')}
    GROUP BY e.patient_id, e.clinic_id, e.term, e.grade`.execute(tx)
  return which === 'all' ? Number(inserted.numAffectedRows ?? 0) : stale.rows.length
}

/**
 * Marks every summarised patient of the clinic stale, so the next dashboard view or worker pass
 * rebuilds the summary: used when a threshold the summary was computed with changes.
 */
export async function markClinicOutcomesStale(tx: Tx, clinicId: string): Promise<void> {
  await sql`
    INSERT INTO outcome_stale (patient_id, clinic_id)
    SELECT patient_id, clinic_id FROM outcome_summary WHERE clinic_id = ${clinicId}
    ON CONFLICT DO NOTHING`.execute(tx)
}

/** The dashboard's cohort: patients with a first dose and a baseline PHQ-9, narrowed by the filter. */
function cohortWhere(f: CohortFilter): RawBuilder<unknown> {
  const [ageLo, ageHi] = f.ageBand ? ageBounds[f.ageBand] : [0, 200]
  const [sevLo, sevHi] = f.severity ? severityBounds[f.severity] : [0, 27]
  return sql`s.clinic_id = ${f.clinicId} AND s.first_dose IS NOT NULL AND s.baseline IS NOT NULL
    AND (${f.route ?? null}::text IS NULL OR s.route = ${f.route ?? null})
    AND (${f.protocol ?? null}::text IS NULL OR s.protocol_id = ${f.protocol ?? null})
    AND (${f.from ?? null}::timestamptz IS NULL OR s.first_dose >= ${f.from ?? null})
    AND (${f.to ?? null}::timestamptz IS NULL OR s.first_dose < ${f.to ?? null})
    AND s.age_years BETWEEN ${ageLo} AND ${ageHi}
    AND s.baseline BETWEEN ${sevLo} AND ${sevHi}`
}

export interface CohortCounts {
  patients: number
  measured: Record<'h24' | 'w1' | 'course_end', { n: number; responded: number; remitted: number }>
  checkedAfterThree: number
  noResponseAfterThree: number
}

/** Response and remission counts at each time point, and the no-response-after-3 flag, in one pass. */
export async function loadCohortCounts(tx: Tx, f: CohortFilter, t: OutcomeThresholds): Promise<CohortCounts> {
  const at = (c: 'h24' | 'w1' | 'course_end') => {
    const col = sql.ref(`s.${c}`)
    return sql`count(${col})::int, count(*) FILTER (WHERE ${col} <= s.baseline * ${t.responseFraction})::int,
      count(*) FILTER (WHERE ${col} < ${t.remissionBelow})::int`
  }
  const row = (
    await sql<{ r: number[] }>`
      SELECT ARRAY[count(*)::int, ${at('h24')}, ${at('w1')}, ${at('course_end')},
        count(*) FILTER (WHERE s.dosed_sessions >= 3 AND s.w1 IS NOT NULL)::int,
        count(*) FILTER (WHERE s.dosed_sessions >= 3 AND s.w1 > s.baseline * ${t.responseFraction})::int] AS r
      FROM outcome_summary s WHERE ${cohortWhere(f)}`.execute(tx)
  ).rows[0]!.r
  const triple = (i: number) => ({ n: row[i]!, responded: row[i + 1]!, remitted: row[i + 2]! })
  return {
    patients: row[0]!,
    measured: { h24: triple(1), w1: triple(4), course_end: triple(7) },
    checkedAfterThree: row[10]!,
    noResponseAfterThree: row[11]!,
  }
}

/** Course-end responders with a follow-up: time to relapse (event) or to the last follow-up (censored). */
export async function loadRelapseObservations(tx: Tx, f: CohortFilter) {
  return (
    await sql<{ days: number; relapsed: boolean }>`
      SELECT s.follow_up_days AS days, s.relapsed FROM outcome_summary s
      WHERE ${cohortWhere(f)} AND s.follow_up_days IS NOT NULL`.execute(tx)
  ).rows
}

/**
 * Side effects by term and grade, and blood-pressure excursions (peak intra-session above the
 * alert threshold, 180/110 by default, clinical-reference §2 ⚠️), over the discharged sessions of the cohort — or of every patient when
 * the dashboard is unfiltered.
 */
export async function loadSafety(tx: Tx, f: CohortFilter, isFiltered: boolean) {
  const where = isFiltered ? cohortWhere(f) : sql`s.clinic_id = ${f.clinicId}`
  const effects = await sql<{ term: string; grade: number; n: string }>`
    SELECT e.term, e.grade, sum(e.n) AS n
    FROM outcome_effect_summary e JOIN outcome_summary s ON s.patient_id = e.patient_id
    WHERE e.clinic_id = ${f.clinicId} AND ${where}
    GROUP BY e.term, e.grade ORDER BY e.term, e.grade`.execute(tx)
  const bp = await sql<{
    sessions: string | null
    excursions: string | null
    rise_sum: string | null
    rise_count: string | null
  }>`
    SELECT sum(s.bp_sessions) AS sessions, sum(s.bp_excursions) AS excursions,
           sum(s.bp_rise_sum) AS rise_sum, sum(s.bp_rise_count) AS rise_count
    FROM outcome_summary s WHERE ${where}`.execute(tx)
  return { effects: effects.rows, bp: bp.rows[0]! }
}

export async function loadUtilisation(tx: Tx, clinicId: string, from: Date, to: Date) {
  const row = await sql<{ booked_hours: string | null; chairs: string }>`
    SELECT (SELECT sum(planned_duration_min) / 60.0 FROM treatment_session
            WHERE clinic_id = ${clinicId} AND state <> 'cancelled' AND scheduled_at >= ${from} AND scheduled_at < ${to}) AS booked_hours,
           (SELECT count(*) FROM chair WHERE clinic_id = ${clinicId} AND is_active) AS chairs`.execute(tx)
  return row.rows[0]!
}

/** How many of the cohort's patients had IV ketamine and how many esketamine (their first dose). */
export async function loadRouteCounts(tx: Tx, f: CohortFilter): Promise<{ iv: number; intranasal: number }> {
  const rows = (
    await sql<{ route: string | null; n: number }>`
      SELECT s.route, count(*)::int AS n FROM outcome_summary s WHERE ${cohortWhere(f)} GROUP BY s.route`.execute(
      tx,
    )
  ).rows
  const of = (route: string) => rows.find((r) => r.route === route)?.n ?? 0
  return { iv: of('iv'), intranasal: of('intranasal') }
}

const flagColumn = { '24h': 's.h24', '1w': 's.w1', 'course-end': 's.course_end' } as const

/**
 * The patients behind one of the dashboard's counts, with the same rule the count used (see
 * loadCohortCounts, loadRelapseObservations, loadSafety), so the list and the number agree.
 */
export async function loadFlaggedPatients(
  tx: Tx,
  f: CohortFilter,
  t: OutcomeThresholds,
  flag: OutcomeFlag,
  isFiltered: boolean,
) {
  const [kind, timepoint] = flag.startsWith('response-')
    ? (['response', flag.slice('response-'.length)] as const)
    : flag.startsWith('remission-')
      ? (['remission', flag.slice('remission-'.length)] as const)
      : ([flag, null] as const)
  const col = timepoint ? sql.ref(flagColumn[timepoint as keyof typeof flagColumn]) : null
  const condition =
    kind === 'response'
      ? sql`${col} <= s.baseline * ${t.responseFraction}`
      : kind === 'remission'
        ? sql`${col} < ${t.remissionBelow}`
        : kind === 'no-response-after-three'
          ? sql`s.dosed_sessions >= 3 AND s.w1 > s.baseline * ${t.responseFraction}`
          : kind === 'relapsed'
            ? sql`s.follow_up_days IS NOT NULL AND s.relapsed`
            : sql`s.bp_excursions > 0`
  // Blood pressure is counted over every patient of an unfiltered clinic, as the card counts it.
  const where = kind === 'bp-excursion' && !isFiltered ? sql`s.clinic_id = ${f.clinicId}` : cohortWhere(f)
  return (
    await sql<{
      patient_id: string
      given_name: string
      family_name: string
      mrn: string
      route: 'iv' | 'intranasal' | null
      first_dose: Date | null
      bp_excursions: number
    }>`
      SELECT s.patient_id, p.given_name, p.family_name, p.mrn, s.route, s.first_dose, s.bp_excursions
      FROM outcome_summary s JOIN patient p ON p.id = s.patient_id
      WHERE ${where} AND ${condition}
      ORDER BY p.family_name, p.given_name, s.patient_id`.execute(tx)
  ).rows
}
