import type { JSONColumnType } from 'kysely'

export interface PatientAccountTable {
  patient_id: string
  clinic_id: string
  email: string
  /** Null until the patient accepts the invite and chooses a password. */
  password_hash: string | null
  failed_login_count: number
  locked_until: Date | null
  invited_at: Date
  activated_at: Date | null
  last_sign_in_at: Date | null
  /** Set with `mfa_enabled_at` once the patient has confirmed a first code; null otherwise. */
  mfa_secret_base32: string | null
  mfa_enabled_at: Date | null
  /** A secret shown during set-up, waiting for its first code. */
  mfa_pending_secret_base32: string | null
  /** Last accepted time step, so one code cannot be used twice. */
  mfa_last_used_step: number | null
}

export interface PortalTokenTable {
  id: string
  clinic_id: string
  patient_id: string
  kind: 'invite' | 'survey'
  token_hash: string
  survey_id: string | null
  expires_at: Date
  used_at: Date | null
  created_at: Date
  /** The clinician who issued this invite; only such an invite may reset an active account. */
  reset_approved_by: string | null
}

export type PortalSessionScope = 'full' | 'survey' | 'mfa-pending'

export interface PortalSessionTable {
  id: string
  clinic_id: string
  patient_id: string
  token_hash: string
  csrf_token: string
  /**
   * 'survey': opened by a magic link, limited to that one survey. 'mfa-pending': the password was
   * right but the account asks for a code; it reaches no patient data.
   */
  scope: PortalSessionScope
  survey_id: string | null
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  ended_at: Date | null
}

export type SurveyReason = 'weekly' | 'after-session'

export interface SurveyAssignmentTable {
  id: string
  clinic_id: string
  patient_id: string
  instrument_id: string
  reason: SurveyReason
  session_id: string | null
  dedupe_key: string
  due_at: Date
  status: 'due' | 'in-progress' | 'completed'
  answers: JSONColumnType<Record<string, number | boolean | null>, string, string>
  response_id: string | null
  created_at: Date
  updated_at: Date
}

export type PartialDB = {
  patient_account: PatientAccountTable
  portal_token: PortalTokenTable
  portal_session: PortalSessionTable
  survey_assignment: SurveyAssignmentTable
}
