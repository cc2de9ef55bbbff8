import { clinicTableSql } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// The patient portal (issue 7): accounts for patients, one-time tokens (invites and per-survey
// magic links, stored hashed), portal sessions, and the surveys assigned to each patient.

export const up = sqlMigration(`
    CREATE TABLE patient_account (
      patient_id uuid PRIMARY KEY REFERENCES patient(id),
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' in email) > 1),
      password_hash text,
      failed_login_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      invited_at timestamptz NOT NULL,
      activated_at timestamptz,
      last_sign_in_at timestamptz
    );
    ${clinicTableSql('patient_account', { grants: 'SELECT, INSERT, UPDATE' })}

    CREATE TABLE portal_token (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      kind text NOT NULL CHECK (kind IN ('invite', 'survey')),
      token_hash text NOT NULL UNIQUE,
      survey_id uuid,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL
    );
    ${clinicTableSql('portal_token', { grants: 'SELECT, INSERT, UPDATE (used_at)' })}

    CREATE TABLE portal_session (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      token_hash text NOT NULL UNIQUE,
      csrf_token text NOT NULL,
      scope text NOT NULL CHECK (scope IN ('full', 'survey')),
      survey_id uuid,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ended_at timestamptz
    );
    ${clinicTableSql('portal_session', { grants: 'SELECT, INSERT, UPDATE (last_seen_at, ended_at)' })}

    CREATE TABLE survey_assignment (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      instrument_id text NOT NULL,
      reason text NOT NULL CHECK (reason IN ('weekly', 'after-session')),
      session_id uuid REFERENCES treatment_session(id),
      dedupe_key text NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('due', 'in-progress', 'completed')),
      answers jsonb NOT NULL DEFAULT '{}'::jsonb,
      response_id uuid REFERENCES instrument_response(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (clinic_id, dedupe_key)
    );
    CREATE INDEX survey_assignment_patient_idx ON survey_assignment (patient_id, status, due_at);
    ${clinicTableSql('survey_assignment', { grants: 'SELECT, INSERT, UPDATE (status, answers, response_id, updated_at)' })}
  `)
