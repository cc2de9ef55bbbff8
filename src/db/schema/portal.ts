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
}

export interface PortalSessionTable {
  id: string
  clinic_id: string
  patient_id: string
  token_hash: string
  csrf_token: string
  /** 'survey': opened by a magic link, limited to that one survey. */
  scope: 'full' | 'survey'
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
