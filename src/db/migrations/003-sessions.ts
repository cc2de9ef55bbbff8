import { clinicTableSql, correctableColumnsSql, errorMarkingColumns } from '../clinic-table-sql'
import { sqlMigration } from '../sql-script'

// Treatment sessions (issue 5): chairs, the session record, its timeline of events (state changes,
// pre-checks, infusion start/pause/resume/stop, esketamine devices, overrides, sign-offs), side
// effects, and idempotency keys so a tablet that resends after a network drop never duplicates.

export const up = sqlMigration(`
    CREATE TABLE chair (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      UNIQUE (clinic_id, name)
    );
    ${clinicTableSql('chair', { grants: 'SELECT, INSERT, UPDATE (name, is_active)' })}

    CREATE TABLE treatment_session (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      plan_id uuid NOT NULL REFERENCES treatment_plan(id),
      chair_id uuid REFERENCES chair(id),
      session_number integer NOT NULL CHECK (session_number >= 1),
      scheduled_at timestamptz NOT NULL,
      planned_duration_min integer NOT NULL CHECK (planned_duration_min BETWEEN 15 AND 480),
      state text NOT NULL CHECK (state IN ('scheduled', 'checked-in', 'pre-checks', 'dosing', 'monitoring',
        'ready-for-discharge', 'discharged', 'cancelled', 'aborted')),
      route text NOT NULL CHECK (route IN ('iv', 'intranasal')),
      spacing_override_reason text,
      spacing_override_by uuid REFERENCES app_user(id),
      supervising_prescriber_id uuid REFERENCES app_user(id),
      primary_nurse_id uuid REFERENCES app_user(id),
      weight_kg numeric(6, 2),
      dose_basis text CHECK (dose_basis IN ('actual', 'ideal', 'adjusted')),
      planned_dose_mg numeric(8, 3),
      vial_mg_per_ml numeric(7, 3),
      infusion_min numeric(6, 2),
      dose_checked_by uuid REFERENCES app_user(id),
      dose_checked_at timestamptz,
      dose_started_at timestamptz,
      dose_ended_at timestamptz,
      escort_name text,
      is_escort_present boolean NOT NULL DEFAULT false,
      discharged_at timestamptz,
      discharge_signed_by uuid REFERENCES app_user(id),
      discharge_signer_name text,
      discharge_content_hash text,
      end_reason text,
      rems_submitted_at timestamptz,
      rems_submitted_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      version integer NOT NULL DEFAULT 1
    );
    CREATE INDEX treatment_session_day_idx ON treatment_session (clinic_id, scheduled_at);
    CREATE INDEX treatment_session_patient_idx ON treatment_session (patient_id, scheduled_at);
    ${clinicTableSql('treatment_session', { grants: 'SELECT, INSERT, UPDATE' })}

    CREATE TABLE session_event (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      session_id uuid NOT NULL REFERENCES treatment_session(id),
      kind text NOT NULL,
      at timestamptz NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      ${correctableColumnsSql}
    );
    CREATE INDEX session_event_session_idx ON session_event (session_id, at);
    ${clinicTableSql('session_event', { grants: `SELECT, INSERT, UPDATE (${errorMarkingColumns})` })}

    CREATE TABLE side_effect (
      id uuid PRIMARY KEY,
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      session_id uuid NOT NULL REFERENCES treatment_session(id),
      patient_id uuid NOT NULL REFERENCES patient(id),
      term text NOT NULL,
      grade integer NOT NULL CHECK (grade BETWEEN 1 AND 5),
      onset_at timestamptz NOT NULL,
      action_taken text,
      resolved_at timestamptz,
      is_serious boolean NOT NULL DEFAULT false,
      ${correctableColumnsSql}
    );
    CREATE INDEX side_effect_session_idx ON side_effect (session_id, onset_at);
    ${clinicTableSql('side_effect', { grants: `SELECT, INSERT, UPDATE (resolved_at, ${errorMarkingColumns})` })}

    ALTER TABLE vital_sign ADD CONSTRAINT vital_sign_session_fk FOREIGN KEY (session_id) REFERENCES treatment_session(id);
    ALTER TABLE instrument_response ADD CONSTRAINT instrument_response_session_fk FOREIGN KEY (session_id) REFERENCES treatment_session(id);
    CREATE INDEX vital_sign_session_idx ON vital_sign (session_id, measured_at) WHERE session_id IS NOT NULL;

    -- One row per charting request key: a resend returns the first answer instead of writing twice.
    CREATE TABLE idempotency_key (
      clinic_id uuid NOT NULL REFERENCES clinic(id),
      key text NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
      request_hash text NOT NULL,
      status_code integer NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (clinic_id, key)
    );
    ${clinicTableSql('idempotency_key', { grants: 'SELECT, INSERT' })}
  `)
