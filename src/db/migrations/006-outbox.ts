import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// The outbox (design.md §3 rule 7): messages written in the same transaction as what caused them,
// sent later by a worker in each server process. A row is claimed by exactly one worker
// (FOR UPDATE SKIP LOCKED), so two servers never send the same message.

export const up = sqlMigration(`
    CREATE TABLE outbox_message (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      kind text NOT NULL,
      dedupe_key text NOT NULL,
      recipient text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      patient_id uuid REFERENCES patient(id),
      status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'held', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      claimed_by text,
      claimed_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      UNIQUE (clinic_id, dedupe_key)
    );
    CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at) WHERE status = 'queued';
    ${clinicTableSql('outbox_message', { grants: 'SELECT, INSERT' })}
  `)
