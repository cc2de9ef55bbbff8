import type { Generated } from 'kysely'

export type LoginSessionState = 'mfa-required' | 'mfa-enrolment-required' | 'signed-in'

export interface LoginSessionTable {
  id: string
  user_id: string
  /** SHA-256 of the cookie token: a database leak does not hand out live sessions. */
  token_hash: string
  csrf_token: string
  state: LoginSessionState
  created_at: Generated<Date>
  last_seen_at: Date
  expires_at: Date
  ended_at: Date | null
  /** Set while the sign-in is locked (idle or locked by the user): only unlock or sign-out work. */
  locked_at: Generated<Date | null>
  ip: string | null
  user_agent: string | null
}
export const tableName = 'login_session'
export type PartialDB = { [tableName]: LoginSessionTable }
