/** A wrong password or code given to sign something (issue 13): counted per signer and per caller. */
export interface ReauthFailureTable {
  id: string
  /** Whose password or code was tried. */
  signer_user_id: string
  /** Who was signed in and typed it (the same person when signing for oneself). */
  caller_user_id: string
  clinic_id: string | null
  method: 'password' | 'totp'
  created_at: Date
}
export const tableName = 'reauth_failure'
export type PartialDB = { [tableName]: ReauthFailureTable }
