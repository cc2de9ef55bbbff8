import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// Referrals from the public self-check (issue 7, design.md §1 "Ask"): a person chose to send their
// answers to one clinic's intake queue. The answers are kept as sent (jsonb); the PHQ-9 total and
// the item-9 flag are scored by the server so the queue can sort and flag without trusting the
// browser. Nothing here is a patient record until staff register one.

export const up = sqlMigration(`
    CREATE TABLE referral (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      received_at timestamptz NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 320),
      phone text CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40),
      preferred_contact text NOT NULL CHECK (preferred_contact IN ('email', 'phone')),
      self_check jsonb NOT NULL,
      phq9_total integer NOT NULL CHECK (phq9_total BETWEEN 0 AND 27),
      phq9_item9 integer NOT NULL CHECK (phq9_item9 BETWEEN 0 AND 3),
      -- PHQ-9 item 9 > 0: same-day follow-up (clinical-reference §4)
      is_urgent boolean NOT NULL,
      consent_to_contact boolean NOT NULL CHECK (consent_to_contact),
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'registered', 'declined')),
      handled_by uuid REFERENCES app_user(id),
      handled_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      CHECK (email IS NOT NULL OR phone IS NOT NULL),
      CHECK (is_urgent = (phq9_item9 > 0))
    );
    CREATE INDEX referral_queue_idx ON referral (clinic_id, received_at DESC);
    ${clinicTableSql('referral', { grants: 'SELECT, INSERT, UPDATE (status, handled_by, handled_at, version)' })}
    `)
