export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'held' | 'failed'

export interface OutboxMessageTable {
  id: string
  clinic_id: string
  /** e.g. 'session-reminder' */
  kind: string
  /** One message per key and clinic: enqueueing twice is a no-op. */
  dedupe_key: string
  recipient: string
  subject: string
  body: string
  patient_id: string | null
  status: OutboxStatus
  attempts: number
  next_attempt_at: Date
  claimed_by: string | null
  claimed_at: Date | null
  last_error: string | null
  created_at: Date
  sent_at: Date | null
  /** The portal link this message carries: its clear token is issued only at send time. */
  portal_token_id: string | null
}
export const tableName = 'outbox_message'
export type PartialDB = { [tableName]: OutboxMessageTable }
