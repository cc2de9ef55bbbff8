/** Patients whose clinical records changed since their outcome summary was computed. */
export interface OutcomeStaleTable {
  patient_id: string
  clinic_id: string
}

/**
 * One row per patient with a discharged session: the figures the outcome dashboard aggregates,
 * derived from the clinical tables (see migration 009). Numeric columns arrive as strings.
 */
export interface OutcomeSummaryTable {
  patient_id: string
  clinic_id: string
  route: 'iv' | 'intranasal' | null
  /** The protocol of the plan the first dose was given under. */
  protocol_id: string | null
  dosed_sessions: number
  first_dose: Date | null
  last_end: Date | null
  age_years: number | null
  baseline: string | null
  h24: string | null
  w1: string | null
  course_end: string | null
  /** Course-end responders with a follow-up: days from the course's end to relapse or last follow-up. */
  follow_up_days: number | null
  relapsed: boolean | null
  bp_sessions: number
  bp_excursions: number
  bp_rise_sum: string | null
  bp_rise_count: number
  refreshed_at: Date
}

export interface OutcomeEffectSummaryTable {
  patient_id: string
  clinic_id: string
  term: string
  grade: number
  n: number
}

export type PartialDB = {
  outcome_stale: OutcomeStaleTable
  outcome_summary: OutcomeSummaryTable
  outcome_effect_summary: OutcomeEffectSummaryTable
}
